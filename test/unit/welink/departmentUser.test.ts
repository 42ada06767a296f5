import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink, type Call } from './fake';

const node = (
	resource: 'department' | 'user',
	operation: string,
	parameters: Record<string, unknown>,
	continueOnFail = false,
) => ({
	type: 'weLink',
	parameters: { resource, operation, ...parameters },
	continueOnFail,
});
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const dept = (code: string, extra: IDataObject = {}) => ({
	deptCode: code,
	deptNameCn: `部门${code}`,
	corpDeptCode: `C${code}`,
	hasChildDept: 0,
	...extra,
});
const depts = (from: number, n: number) =>
	Array.from({ length: n }, (_, i) => dept(String(from + i)));

beforeEach(resetWeLink);

describe('Department', () => {
	it('gets a department by code or corp code (GET contact/v2/department/detail)', async () => {
		const calls = fakeWeLink((call) => ({
			code: '0',
			message: 'ok',
			...dept('1001'),
			query: call.query,
		}));
		const byCode = await runNode(node('department', 'get', { department: rl('id', '1001') }), {
			credentials,
		});
		await runNode(node('department', 'get', { department: rl('corpCode', 'D001') }), {
			credentials,
		});
		expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
			['GET', '/contact/v2/department/detail', { deptCode: '1001' }],
			['GET', '/contact/v2/department/detail', { corpDeptCode: 'D001' }],
		]);
		expect(byCode.output('Node')[0]).toEqual({ ...dept('1001'), query: { deptCode: '1001' } });
	});

	it('pages children 100 at a time (offset = page number) until a short page', async () => {
		const calls = fakeWeLink((call) => ({
			code: '0',
			departmentInfo: call.query.offset === '1' ? depts(2000, 100) : depts(2100, 30),
		}));
		const run = await runNode(
			node('department', 'getAll', { parentDepartment: rl('id', '1001'), returnAll: true }),
			{ credentials },
		);
		expect(calls.map((c) => c.query)).toEqual([
			{ deptCode: '1001', recursiveflag: '0', offset: '1', limit: '100' },
			{ deptCode: '1001', recursiveflag: '0', offset: '2', limit: '100' },
		]);
		expect(run.output('Node')).toHaveLength(130);
	});

	it('stops on a page with nothing new (a server that ignores the page number) and honours the limit', async () => {
		const calls = fakeWeLink(() => ({ code: '0', departmentInfo: depts(2000, 100) }));
		const run = await runNode(
			node('department', 'getAll', {
				parentDepartment: rl('id', '1001'),
				options: { includeDescendants: true },
				limit: 150,
			}),
			{ credentials },
		);
		expect(calls.map((c) => [c.query.recursiveflag, c.query.offset])).toEqual([
			['1', '1'],
			['1', '2'],
		]);
		const codes = run.output('Node').map((d) => d.deptCode);
		expect(codes).toHaveLength(100);
		expect(new Set(codes).size).toBe(100);
		resetWeLink();
		fakeWeLink(() => ({ code: '0', departmentInfo: depts(2000, 100) }));
		const limited = await runNode(
			node('department', 'getAll', { parentDepartment: rl('id', '1001'), limit: 7 }),
			{ credentials },
		);
		expect(limited.output('Node')).toHaveLength(7);
	});

	it('walks the whole tree from the root: level 1 directly, then each subtree recursively', async () => {
		const calls = fakeWeLink((call) => {
			if (call.query.deptCode === '0')
				return {
					code: '0',
					departmentInfo: [
						dept('1', { hasChildDept: 1 }),
						dept('2'),
						dept('3', { hasChildDept: true }),
					],
				};
			return {
				code: '0',
				departmentInfo: call.query.deptCode === '1' ? [dept('11'), dept('12')] : [dept('31')],
			};
		});
		const run = await runNode(
			node('department', 'getAll', {
				parentDepartment: rl('id', '0'),
				options: { includeDescendants: true },
				returnAll: true,
			}),
			{ credentials },
		);
		expect(calls.map((c) => `${c.query.deptCode}/${c.query.recursiveflag}`).sort()).toEqual([
			'0/0',
			'1/1',
			'3/1',
		]);
		expect(run.output('Node').map((d) => d.deptCode)).toEqual(['1', '2', '3', '11', '12', '31']);
	});

	it('resolves a parent given by corp code to its department code first', async () => {
		const calls = fakeWeLink((call) =>
			call.path === '/contact/v2/department/detail'
				? { code: '0', ...dept('1001') }
				: { code: '0', departmentInfo: [dept('1003')] },
		);
		await runNode(
			node('department', 'getAll', { parentDepartment: rl('corpCode', 'D001'), limit: 5 }),
			{ credentials },
		);
		expect(calls.map((c) => [c.path, c.query])).toEqual([
			['/contact/v2/department/detail', { corpDeptCode: 'D001' }],
			[
				'/contact/v2/departments/list',
				{ deptCode: '1001', recursiveflag: '0', offset: '1', limit: '100' },
			],
		]);
	});

	it('creates, updates and deletes in real time with the documented bodies', async () => {
		const calls = fakeWeLink((call) => ({
			code: '0',
			message: 'ok',
			deptCode: '9001',
			path: call.path,
		}));
		await runNode(
			node('department', 'create', {
				parentDepartment: rl('corpCode', 'D001'),
				corpDeptCode: 'D900',
				deptNameCn: '测试部',
				additionalFields: {
					deptNameEn: 'QA',
					managers: ['zhangsan@welink'],
					visibleRange: 3,
					createDeptGroup: true,
					groupContainSubDept: false,
					deptGroupOwnerId: 'zhangsan@welink',
				},
			}),
			{ credentials },
		);
		await runNode(
			node('department', 'create', {
				parentDepartment: rl('id', '0'),
				corpDeptCode: 'D901',
				deptNameCn: '一级',
			}),
			{ credentials },
		);
		await runNode(
			node('department', 'update', {
				department: rl('id', '9001'),
				updateFields: { deptNameCn: '质量部', parentCode: '1002' },
			}),
			{ credentials },
		);
		await runNode(node('department', 'delete', { department: rl('corpCode', 'D900') }), {
			credentials,
		});
		expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
			[
				'POST',
				'/contact/v1/department/create',
				{
					corpDeptCode: 'D900',
					deptNameCn: '测试部',
					corpParentCode: 'D001',
					deptNameEn: 'QA',
					managerId: ['zhangsan@welink'],
					visibleRange: 3,
					createDeptGroup: 1,
					groupContainSubDept: 0,
					deptGroupOwnerId: 'zhangsan@welink',
				},
			],
			[
				'POST',
				'/contact/v1/department/create',
				{ corpDeptCode: 'D901', deptNameCn: '一级', parentCode: '0' },
			],
			[
				'POST',
				'/contact/v1/department/update',
				{ deptCode: '9001', deptNameCn: '质量部', parentCode: '1002' },
			],
			['POST', '/contact/v1/department/delete', { corpDeptCode: 'D900' }],
		]);
	});

	it('does not repeat a create after an ambiguous failure, but repeats an update', async () => {
		const calls = fakeWeLink((_c, n) => (n === 1 || n === 2 ? [500, 'oops'] : { code: '0' }));
		const created = await runNode(
			node('department', 'create', {
				parentDepartment: rl('id', '0'),
				corpDeptCode: 'D1',
				deptNameCn: 'x',
			}),
			{ credentials },
		);
		expect(created.error?.message).toBe('WeLink: oops (HTTP 500)');
		const updated = await runNode(
			node('department', 'update', {
				department: rl('id', '1'),
				updateFields: { deptNameCn: 'y' },
			}),
			{ credentials },
		);
		expect(updated.error).toBeUndefined();
		expect(calls.map((c) => c.path)).toEqual([
			'/contact/v1/department/create',
			'/contact/v1/department/update',
			'/contact/v1/department/update',
		]);
	});
});

describe('User', () => {
	it('gets a user by ID, corp user ID or mobile (POST contact/v2/user/detail)', async () => {
		const calls = fakeWeLink(() => ({
			code: '0',
			message: 'ok',
			userId: 'zhangsan@welink',
			userNameCn: '张三',
		}));
		const run = await runNode(node('user', 'get', { user: rl('mobile', '+86-15800000001') }), {
			credentials,
		});
		await runNode(node('user', 'get', { user: rl('corpUserId', 'E001') }), { credentials });
		await runNode(node('user', 'get', { user: rl('list', 'zhangsan@welink') }), { credentials });
		expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
			['POST', '/contact/v2/user/detail', { mobileNumber: '+86-15800000001' }],
			['POST', '/contact/v2/user/detail', { corpUserId: 'E001' }],
			['POST', '/contact/v2/user/detail', { userId: 'zhangsan@welink' }],
		]);
		expect(run.output('Node')).toEqual([{ userId: 'zhangsan@welink', userNameCn: '张三' }]);
	});

	it('lists a department’s users 50 per page while hasMore, up to the limit', async () => {
		const calls = fakeWeLink((call) => ({
			code: '0',
			pageNo: Number(call.query.pageNo),
			hasMore: call.query.pageNo === '1' ? 1 : 0,
			data: Array.from({ length: call.query.pageNo === '1' ? 50 : 7 }, (_, i) => ({
				userId: `u${call.query.pageNo}-${i}`,
			})),
		}));
		const all = await runNode(
			node('user', 'getAll', { department: rl('corpCode', 'D001'), returnAll: true }),
			{ credentials },
		);
		expect(all.output('Node')).toHaveLength(57);
		const some = await runNode(
			node('user', 'getAll', { department: rl('id', '1001'), limit: 10 }),
			{
				credentials,
			},
		);
		expect(some.output('Node')).toHaveLength(10);
		expect(calls.map((c) => [c.path, c.query])).toEqual([
			['/contact/v2/user/list', { corpDeptCode: 'D001', pageNo: '1', pageSize: '50' }],
			['/contact/v2/user/list', { corpDeptCode: 'D001', pageNo: '2', pageSize: '50' }],
			['/contact/v2/user/list', { deptCode: '1001', pageNo: '1', pageSize: '50' }],
		]);
	});

	it('turns 120 corp user IDs into user IDs 50 per call, one item per ID', async () => {
		const calls = fakeWeLink((call) => ({
			code: '0',
			userInfo: (call.body as { corpUserId: string[] }).corpUserId
				.filter((id) => id !== 'E7')
				.map((corpUserId) => ({ corpUserId, userId: `${corpUserId.toLowerCase()}@welink` })),
		}));
		const ids = Array.from({ length: 120 }, (_, i) => `E${i}`);
		const run = await runNode(node('user', 'getIds', { corpUserIds: '={{ $json.ids }}' }), {
			credentials,
			items: [{ ids }],
		});
		expect(
			calls.map((c) => [c.path, (c.body as { corpUserId: string[] }).corpUserId.length]),
		).toEqual([
			['/contact/v1/users/accounts', 50],
			['/contact/v1/users/accounts', 50],
			['/contact/v1/users/accounts', 20],
		]);
		const out = run.output('Node');
		expect(out).toHaveLength(120);
		expect(out[0]).toEqual({ corpUserId: 'E0', userId: 'e0@welink', found: true });
		expect(out[7]).toEqual({ corpUserId: 'E7', userId: null, found: false });
	});

	it('creates, updates and deletes users in real time with the documented bodies', async () => {
		const calls = fakeWeLink(() => ({
			code: '0',
			message: 'ok',
			userId: 'e900@welink',
			corpUserId: 'E900',
		}));
		const created = await runNode(
			node('user', 'create', {
				corpUserId: 'E900',
				userNameCn: '赵六',
				mobileNumber: '+86-13900000900',
				sex: 'F',
				departments: ['1001', '1002'],
				additionalFields: {
					userNameEn: 'Zhao Liu',
					userEmail: 'zhaoliu@example.com',
					employeeId: '900',
					position: '测试',
					landlineNumber: '010-1234',
					phoneNumber: '+86-13900000901, +86-13900000902',
					mainDeptCode: '1002',
					remark: 'r',
					isHidePhoneNumber: true,
					isNotify: false,
					extAttr: '{"level":"P5"}',
				},
			}),
			{ credentials },
		);
		expect(created.output('Node')[0]).toMatchObject({ userId: 'e900@welink', created: true });
		await runNode(
			node('user', 'update', {
				user: rl('corpUserId', 'E900'),
				updateFields: { userNameCn: '赵六六', sex: 'M', corpDeptCodes: 'D001' },
			}),
			{ credentials },
		);
		await runNode(node('user', 'delete', { user: rl('id', 'e900@welink') }), { credentials });
		expect(calls.map((c) => [c.path, c.body])).toEqual([
			[
				'/contact/v1/user/create',
				{
					corpUserId: 'E900',
					mobileNumber: '+86-13900000900',
					deptCodes: ['1001', '1002'],
					userNameCn: '赵六',
					userNameEn: 'Zhao Liu',
					employeeId: '900',
					position: '测试',
					landlineNumber: '010-1234',
					remark: 'r',
					sex: 'F',
					userEmail: 'zhaoliu@example.com',
					mainDeptCode: '1002',
					phoneNumber: ['+86-13900000901', '+86-13900000902'],
					isHidePhoneNumber: 1,
					isNotify: 0,
					extAttr: { level: 'P5' },
				},
			],
			[
				'/contact/v1/user/update',
				{ corpUserId: 'E900', userNameCn: '赵六六', sex: 'M', corpDeptCodes: ['D001'] },
			],
			['/contact/v1/user/delete', { userId: 'e900@welink', isDeleteUser: 0 }],
		]);
	});

	const createUser = (parameters: Record<string, unknown>) =>
		node('user', 'create', {
			corpUserId: 'E900',
			userNameCn: '赵六',
			mobileNumber: '+86-13900000900',
			sex: 'F',
			departments: ['1001'],
			...parameters,
		});
	it.each([
		[
			createUser({ mobileNumber: '13900000900' }),
			'Mobile Number: "13900000900" is not a mobile number in WeLink\'s format [item 0]',
		],
		[createUser({ corpUserId: '={{ "" }}' }), 'Corp User ID: is required [item 0]'],
		[createUser({ userNameCn: '={{ "" }}' }), 'Name (Chinese): is required [item 0]'],
		[createUser({ departments: [] }), 'Department Names or IDs: is empty [item 0]'],
		[
			createUser({ additionalFields: { corpDeptCodes: 'D001' } }),
			'Corp Department Codes: is set together with Department Names or IDs [item 0]',
		],
		[
			createUser({ additionalFields: { userEmail: 'not-an-email' } }),
			'Email: "not-an-email" is not an email address [item 0]',
		],
		[
			createUser({ additionalFields: { extAttr: '{level:' } }),
			'Extra Attributes (JSON): is not valid JSON [item 0]',
		],
		[
			node('user', 'update', { user: rl('id', 'a@welink'), updateFields: {} }),
			'Update Fields: nothing to update [item 0]',
		],
		[
			node('user', 'update', {
				user: rl('id', 'a@welink'),
				updateFields: { deptCodes: '1', corpDeptCodes: 'D1' },
			}),
			'Corp Department Codes: is set together with Department Codes [item 0]',
		],
		[
			node('user', 'get', { user: rl('mobile', '15800000001') }),
			'User: "15800000001" is not a mobile number in WeLink\'s format [item 0]',
		],
		[node('user', 'get', { user: rl('id', '={{ "" }}') }), 'User: is required [item 0]'],
		[
			node('user', 'delete', { user: rl('corpUserId', 'E 1') }),
			'User: "E 1" is not an ID (no spaces, at most 128 characters) [item 0]',
		],
		[node('user', 'getIds', { corpUserIds: '={{ [] }}' }), 'Corp User IDs: is empty [item 0]'],
		[
			node('department', 'create', {
				parentDepartment: rl('id', '0'),
				corpDeptCode: 'D 1',
				deptNameCn: 'x',
			}),
			'Corp Department Code: "D 1" is not a department code (no spaces, at most 64 characters) [item 0]',
		],
		[
			node('department', 'create', {
				parentDepartment: rl('id', '0'),
				corpDeptCode: 'D1',
				deptNameCn: '部'.repeat(129),
			}),
			'Name (Chinese): is 129 characters, over the limit of 128 characters [item 0]',
		],
		[
			node('department', 'create', {
				parentDepartment: rl('id', '0'),
				corpDeptCode: 'D1',
				deptNameCn: 'x',
				additionalFields: { deptNameEn: 'x'.repeat(129) },
			}),
			'Name (English): is 129 characters, over the limit of 128 characters [item 0]',
		],
		[
			node('department', 'update', { department: rl('id', '1'), updateFields: {} }),
			'Update Fields: nothing to update [item 0]',
		],
		[
			node('department', 'update', {
				department: rl('id', '1'),
				updateFields: { parentCode: '2', corpParentCode: 'D2' },
			}),
			'Parent Corp Department Code: is set together with Parent Department Code [item 0]',
		],
		[
			node('department', 'getAll', { parentDepartment: rl('id', '0'), limit: 0 }),
			'Limit: 0 is not a whole number of at least 1 [item 0]',
		],
		[node('department', 'getBatchJob', { jobId: '={{ "" }}' }), 'Job ID: is required [item 0]'],
	])('refuses %j before any call', async (parameters, message) => {
		const calls: Call[] = fakeWeLink();
		const run = await runNode(parameters, { credentials });
		expect(run.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});
});

describe('Department and User: batch sync jobs', () => {
	const syncDepartments = (extra: Record<string, unknown> = {}, continueOnFail = false) =>
		node(
			'department',
			'syncBatch',
			{
				corpDeptCode: '={{ $json.code }}',
				deptNameCn: '={{ $json.name }}',
				corpParentCode: '={{ $json.parent }}',
				...extra,
			},
			continueOnFail,
		);

	it('sends 100 records per job, polls each job until 100 % and maps results back to the input items', async () => {
		let polls = 0;
		const calls = fakeWeLink((call) => {
			if (call.path.endsWith('/batch/sync')) return { code: '0', jobId: `job${calls.length}` };
			polls++;
			const job = call.query.jobId;
			const submitted = calls.find(
				(c) => c.path.endsWith('/batch/sync') && `job${calls.indexOf(c) + 1}` === job,
			);
			const infos = (submitted?.body as { deptInfos: IDataObject[] }).deptInfos;
			// the first job is still running on its first poll
			if (polls === 1) return { code: '0', percentage: 40, status: 1, data: [] };
			return {
				code: '0',
				percentage: 100,
				status: 2,
				total: infos.length,
				data: infos.map((d) => ({
					corpDeptCode: d.corpDeptCode,
					code: d.corpDeptCode === 'S-3' ? '47012' : '0',
					message: d.corpDeptCode === 'S-3' ? 'parent not found' : 'ok',
				})),
			};
		});
		const items = [
			{ code: 'S-1', name: '子', parent: 'S-0' },
			{ code: 'S-0', name: '父', parent: '0' },
			...Array.from({ length: 120 }, (_, i) => ({
				code: `S-${i + 2}`,
				name: `部门${i}`,
				parent: 'S-0',
			})),
		];
		const run = await runNode(
			syncDepartments({ additionalFields: { orderNo: 5, deptNameEn: 'E', managers: 'a@welink' } }),
			{
				credentials,
				items,
			},
		);
		expect(run.error).toBeUndefined();
		expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
			['POST', '/contact/v1/department/batch/sync', {}],
			['GET', '/contact/v1/batch/result', { jobId: 'job1' }],
			['GET', '/contact/v1/batch/result', { jobId: 'job1' }],
			['POST', '/contact/v1/department/batch/sync', {}],
			['GET', '/contact/v1/batch/result', { jobId: 'job4' }],
		]);
		const first = (calls[0].body as { deptInfos: IDataObject[] }).deptInfos;
		expect(first).toHaveLength(100);
		expect(first[0]).toEqual({
			corpDeptCode: 'S-0',
			valid: '1',
			deptNameCn: '父',
			corpParentCode: '0',
			deptNameEn: 'E',
			orderNo: '5', // a string, as both official SDKs send it
			managerId: ['a@welink'],
		});
		expect(first[1].corpDeptCode).toBe('S-1');
		expect((calls[3].body as { deptInfos: IDataObject[] }).deptInfos).toHaveLength(22);
		const out = run.output('Node');
		expect(out[0]).toEqual({
			corpDeptCode: 'S-1',
			action: 'upsert',
			key: 'S-1',
			jobId: 'job1',
			success: true,
			code: '0',
			message: 'ok',
			result: { corpDeptCode: 'S-1', code: '0', message: 'ok' },
		});
		expect(out[3]).toMatchObject({
			corpDeptCode: 'S-3',
			success: false,
			code: '47012',
			message: 'parent not found',
		});
		expect(run.items('Node').map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			items.map((_, i) => i),
		);
	});

	it('sends deletes after upserts, children first, and reads a record missing from the job data as not reported', async () => {
		const calls = fakeWeLink((call) =>
			call.path.endsWith('/batch/sync')
				? { code: '0', jobId: 'j1' }
				: { code: '0', percentage: 100, data: [{ corpDeptCode: 'A', code: '0' }] },
		);
		const run = await runNode(
			node('department', 'syncBatch', {
				corpDeptCode: '={{ $json.code }}',
				syncAction: '={{ $json.action }}',
				deptNameCn: 'n',
				corpParentCode: '={{ $json.parent }}',
			}),
			{
				credentials,
				items: [
					{ code: 'A', action: 'delete' },
					{ code: 'N', action: 'upsert', parent: '0' },
					{ code: 'A-1', action: 'delete' },
				],
			},
		);
		expect((calls[0].body as { deptInfos: IDataObject[] }).deptInfos).toEqual([
			{ corpDeptCode: 'N', valid: '1', deptNameCn: 'n', corpParentCode: '0' },
			{ corpDeptCode: 'A', valid: '0' },
			{ corpDeptCode: 'A-1', valid: '0' },
		]);
		expect(run.output('Node').map((o) => [o.corpDeptCode, o.action, o.success])).toEqual([
			['A', 'delete', true],
			['N', 'upsert', null],
			['A-1', 'delete', null],
		]);
	});

	it('syncs users with the documented personInfos', async () => {
		const calls = fakeWeLink((call) =>
			call.path.endsWith('/batch/sync')
				? { code: '0', jobId: 'u1' }
				: {
						code: '0',
						percentage: 100,
						data: [{ corpUserId: 'E1', userId: 'e1@welink', code: '0' }],
					},
		);
		const run = await runNode(
			node('user', 'syncBatch', {
				corpUserId: 'E1',
				userNameCn: '张三',
				mobileNumber: '+86-15800000001',
				sex: 'M',
				corpDeptCodes: 'D1, D2',
				additionalFields: {
					mainCorpDeptCode: 'D2',
					userNameEn: 'Zhang San',
					userEmail: 'z@example.com',
					employeeId: '001',
					position: 'PM',
				},
			}),
			{ credentials },
		);
		expect(calls[0]).toMatchObject({ path: '/contact/v1/user/batch/sync' });
		expect(calls[0].body).toEqual({
			personInfos: [
				{
					corpUserId: 'E1',
					userNameCn: '张三',
					mobileNumber: '+86-15800000001',
					sex: 'M',
					corpDeptCodes: ['D1', 'D2'],
					mainCorpDeptCode: 'D2',
					userNameEn: 'Zhang San',
					employeeId: '001',
					position: 'PM',
					userEmail: 'z@example.com',
				},
			],
		});
		expect(run.output('Node')).toEqual([
			expect.objectContaining({
				corpUserId: 'E1',
				jobId: 'u1',
				success: true,
				result: expect.objectContaining({ userId: 'e1@welink' }),
			}),
		]);
	});

	it('gives up waiting after Max Wait and names the job to read later', async () => {
		fakeWeLink((call) =>
			call.path.endsWith('/batch/sync')
				? { code: '0', jobId: 'slow' }
				: { code: '0', percentage: 30 },
		);
		const run = await runNode(
			node('user', 'syncBatch', {
				corpUserId: 'E1',
				userNameCn: '张三',
				mobileNumber: '+86-15800000001',
				sex: 'M',
				corpDeptCodes: 'D1',
				options: { maxWaitSeconds: 1 },
			}),
			{ credentials },
		);
		expect(run.error?.message).toBe('WeLink batch job slow is still running (30%) after 0 s');
		expect(run.error?.description).toContain('Get Batch Job and job ID slow');
	});

	it('reads a job once with Get Batch Job', async () => {
		const calls = fakeWeLink(() => ({
			code: '0',
			percentage: 100,
			status: 2,
			type: 'DEPT_SYNC',
			total: 1,
			data: [{ code: '0' }],
		}));
		const run = await runNode(node('department', 'getBatchJob', { jobId: 'job9' }), {
			credentials,
		});
		expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
			['GET', '/contact/v1/batch/result', { jobId: 'job9' }],
		]);
		expect(run.output('Node')).toEqual([
			{
				jobId: 'job9',
				percentage: 100,
				status: 2,
				type: 'DEPT_SYNC',
				total: 1,
				finished: true,
				data: [{ code: '0' }],
			},
		]);
	});

	it.each([
		[
			[{ code: 'S-1', name: '部门', parent: 'S-1' }],
			{},
			'Parent Corp Department Code: is the department itself [item 0]',
		],
		[
			[{ code: 'S-1', name: '部门', parent: '0' }],
			{ additionalFields: { orderNo: 1000 } },
			'Order: 1000 is outside 1–999 [item 0]',
		],
		[[{ code: 'S-1', name: '', parent: '0' }], {}, 'Name (Chinese): is required [item 0]'],
		[
			[
				{ code: 'S-1', name: 'a', parent: '0' },
				{ code: 'S-1', name: 'b', parent: '0' },
			],
			{},
			'Corp Department Code: "S-1" is also in item 0 [item 1]',
		],
		[
			[{ code: 'S-1', name: 'a', parent: '0' }],
			{ options: { maxWaitSeconds: 901 } },
			'Max Wait (Seconds): 901 is outside 1–900 [item 0]',
		],
	])('refuses %j before any call', async (items, extra, message) => {
		const calls = fakeWeLink();
		const run = await runNode(syncDepartments(extra), { credentials, items });
		expect(run.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});

	it('refuses a main corp department that is not one of the user’s departments', async () => {
		const calls = fakeWeLink();
		const run = await runNode(
			node('user', 'syncBatch', {
				corpUserId: 'E1',
				userNameCn: '张三',
				mobileNumber: '+86-15800000001',
				corpDeptCodes: 'D1',
				additionalFields: { mainCorpDeptCode: 'D9' },
			}),
			{ credentials },
		);
		expect(run.error?.message).toBe(
			'Main Corp Department Code: "D9" is not one of the Corp Department Codes [item 0]',
		);
		expect(calls).toEqual([]);
	});

	it('with Continue On Fail, syncs the valid items and reports the invalid one in place', async () => {
		const calls = fakeWeLink((call) =>
			call.path.endsWith('/batch/sync')
				? { code: '0', jobId: 'j' }
				: {
						code: '0',
						percentage: 100,
						data: [
							{ corpDeptCode: 'A', code: '0' },
							{ corpDeptCode: 'C', code: '0' },
						],
					},
		);
		const run = await runNode(syncDepartments({}, true), {
			credentials,
			items: [
				{ code: 'A', name: 'a', parent: '0' },
				{ code: 'B', name: '', parent: '0' },
				{ code: 'C', name: 'c', parent: '0' },
			],
		});
		expect(run.output('Node').map((o) => o.error ?? o.corpDeptCode)).toEqual([
			'A',
			'Name (Chinese): is required [item 1]',
			'C',
		]);
		expect((calls[0].body as { deptInfos: unknown[] }).deptInfos).toHaveLength(2);
	});
});
