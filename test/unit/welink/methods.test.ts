import axios from 'axios';
import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { WeLink } from '../../../nodes/WeLink/WeLink.node';
import { credentials, fakeWeLink, resetWeLink } from './fake';

/**
 * The pickers run in n8n's load-options context, which the workflow harness does not provide: a
 * minimal context whose authenticated request adds the token header the way the credential does.
 */
function loadOptionsContext(): ILoadOptionsFunctions {
	const node = {
		id: 'n',
		name: 'WeLink',
		type: 'CUSTOM.weLink',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		getNode: () => node,
		getCredentials: async () => credentials.wecomWelinkWeLinkApi,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const response = await axios.request({
					method: options.method,
					url: options.url,
					params: options.qs,
					data: options.body,
					headers: {
						...(options.headers as Record<string, string>),
						'x-wlk-Authorization': 'TOKEN',
					},
					validateStatus: () => true,
				});
				return { statusCode: response.status, body: response.data };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

const tree = (call: { path: string; query: Record<string, string> }) => {
	if (call.path === '/contact/v2/departments/list')
		return call.query.deptCode === '0'
			? {
					code: '0',
					departmentInfo: [
						{ deptCode: '1001', deptNameCn: '研发部', corpDeptCode: 'D001', hasChildDept: 1 },
						{ deptCode: '1002', deptNameCn: '市场部', corpDeptCode: 'D002', hasChildDept: 0 },
					],
				}
			: {
					code: '0',
					departmentInfo: [
						{ deptCode: '1003', deptNameCn: '平台组', corpDeptCode: 'D003', hasChildDept: 0 },
					],
				};
	const byDept: Record<string, Array<Record<string, string>>> = {
		'1001': [{ userId: 'zhangsan@welink', userNameCn: '张三' }],
		'1002': [
			{ userId: 'lisi@welink', userNameCn: '李四' },
			{ userId: 'zhangsan@welink', userNameCn: '张三' },
		],
		'1003': [{ userId: 'wangwu@welink', userNameCn: '王五' }],
	};
	return { code: '0', hasMore: 0, data: byDept[call.query.deptCode] ?? [] };
};

beforeEach(resetWeLink);

describe('WeLink pickers', () => {
	const { listSearch, loadOptions } = new WeLink().methods;

	it('lists departments (whole tree) and filters by name, code or corp code', async () => {
		const calls = fakeWeLink(tree);
		const all = await loadOptions.getDepartments.call(loadOptionsContext());
		expect(all).toEqual([
			{ name: '研发部 (1001)', value: '1001' },
			{ name: '市场部 (1002)', value: '1002' },
			{ name: '平台组 (1003)', value: '1003' },
		]);
		const found = await listSearch.searchDepartments.call(loadOptionsContext(), 'D003');
		expect(found.results).toEqual([{ name: '平台组 (1003)', value: '1003' }]);
		expect(calls.every((c) => c.token === 'TOKEN' && c.method === 'GET')).toBe(true);
	});

	it('lists users department by department, once each, and filters them', async () => {
		const calls = fakeWeLink(tree);
		const users = await loadOptions.getUsers.call(loadOptionsContext());
		expect(users).toEqual([
			{ name: '张三 (zhangsan@welink)', value: 'zhangsan@welink' },
			{ name: '李四 (lisi@welink)', value: 'lisi@welink' },
			{ name: '王五 (wangwu@welink)', value: 'wangwu@welink' },
		]);
		expect(
			calls.filter((c) => c.path === '/contact/v1/user/simplelist').map((c) => c.query),
		).toEqual([
			{ deptCode: '1001', pageNo: '1', pageSize: '50' },
			{ deptCode: '1002', pageNo: '1', pageSize: '50' },
			{ deptCode: '1003', pageNo: '1', pageSize: '50' },
		]);
		const search = await listSearch.searchUsers.call(loadOptionsContext(), '王');
		expect(search).toEqual({
			results: [{ name: '王五 (wangwu@welink)', value: 'wangwu@welink' }],
			paginationToken: undefined,
		});
	});
});
