import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';
import { recordWeCom as wecom, storedToken, type Call } from './weComStub';

/**
 * Contacts Sync on a modern tenant, at the request level: which call goes with which credential
 * (the contacts-sync secret lists IDs, the reader app reads names), what each sends, and how what
 * the reader cannot see is kept unknown.
 */

const credentials = {
	wecomWelinkWeComApi: { ...storedToken('SYNC'), agentId: '' },
	wecomWelinkWeComReaderApi: storedToken('APP'),
};

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const TREE = [
	{ id: 1, parentid: 0, order: 100 },
	{ id: 2, parentid: 1, order: 90 },
	{ id: 3, parentid: 2, order: 80 },
	{ id: 9, parentid: 1, order: 10 },
];
const NAMES: Record<number, string> = { 1: '总公司', 2: '研发部', 3: '后端组', 9: '销售部' };

function modernTenant(extra: (call: Call) => IDataObject | undefined = () => undefined) {
	return wecom((call) => {
		const special = extra(call);
		if (special) return special;
		if (call.path === '/cgi-bin/department/simplelist') return { department_id: TREE };
		if (call.path === '/cgi-bin/department/list') {
			const under = (id: number): number[] => [
				id,
				...TREE.filter((d) => d.parentid === id).flatMap((d) => under(d.id)),
			];
			return {
				department: under(Number(call.query.id)).map((id) => ({
					...TREE.find((d) => d.id === id),
					name: NAMES[id],
				})),
			};
		}
		if (call.path === '/cgi-bin/user/list_id')
			return call.body?.cursor
				? { next_cursor: '', dept_user: [{ userid: 'far', department: 9 }] }
				: {
						next_cursor: 'page2',
						dept_user: [
							{ userid: 'zhangsan', department: 2 },
							{ userid: 'zhangsan', department: 3 },
							{ userid: 'lisi', department: 3 },
						],
					};
		if (call.path === '/cgi-bin/user/list')
			return {
				userlist: {
					'2': [
						{ userid: 'zhangsan', name: '张三', department: [2, 3], status: 1, position: '总监' },
					],
					'3': [
						{ userid: 'zhangsan', name: '张三', department: [2, 3], status: 1, position: '总监' },
						{
							userid: 'lisi',
							name: '李四',
							department: [3],
							main_department: 3,
							status: 2,
							extattr: { attrs: [{ type: 0, name: '工号', text: { value: 'A-2' } }] },
						},
					],
				}[String(call.query.department_id)],
			};
		return undefined;
	});
}

/** Sync to WeCom, simulated, on the given source items. */
const simulate = async (
	items: IDataObject[],
	parameters: IDataObject = {},
	staticData: IDataObject = {},
) =>
	await runNode(
		{
			type: 'weCom',
			parameters: {
				resource: 'contactsSync',
				operation: 'syncToWeCom',
				simulate: true,
				...parameters,
			},
		},
		{ credentials, items, staticData },
	);

const exportRun = async (parameters: IDataObject = {}) =>
	await simulate(
		[
			{ type: 'department', id: 'RD', name: '研发部' },
			{ type: 'department', id: 'BE', name: '后端组', parentId: 'RD' },
			{
				type: 'member',
				id: 'zhangsan',
				name: '张三',
				departments: ['RD', 'BE'],
				mobile: '13800000001',
			},
			{ type: 'member', id: 'E9', name: '王九', departments: ['BE'], mobile: '13900000009' },
		],
		parameters,
	);

describe('Contacts Sync: the read path on a modern tenant', () => {
	it('lists IDs with the contacts-sync secret and reads names with the reader app: one user/list per department that has members', async () => {
		const calls = modernTenant((call) =>
			call.path === '/cgi-bin/user/getuserid'
				? { errcode: 46004, errmsg: 'user no exist' }
				: undefined,
		);
		const run = await exportRun({ syncOptions: { topDepartmentId: '2', allDepartments: true } });
		expect(run.error).toBeUndefined();
		expect(calls.map((c) => [c.as, c.path, c.query, c.body])).toEqual([
			['SYNC', '/cgi-bin/department/simplelist', {}, undefined],
			['APP', '/cgi-bin/department/list', { id: '2' }, undefined],
			['SYNC', '/cgi-bin/user/list_id', {}, { limit: 10000 }],
			['SYNC', '/cgi-bin/user/list_id', {}, { cursor: 'page2', limit: 10000 }],
			// Departments 2 and 3 have members; 9 is outside the top department.
			['APP', '/cgi-bin/user/list', { department_id: '2' }, undefined],
			['APP', '/cgi-bin/user/list', { department_id: '3' }, undefined],
			// 王九 is linked by nothing: his number is asked once, by the reader app.
			['APP', '/cgi-bin/user/getuserid', {}, { mobile: '13900000009' }],
		]);
		// Zhang San is linked by his ID; his mobile is hidden, so it is not compared.
		const zhang = run.output('Node').find((a) => a.sourceKey === 'zhangsan');
		expect(zhang).toMatchObject({ action: 'update_member', targetId: 'zhangsan' });
		expect(Object.keys(zhang?.after as IDataObject)).not.toContain('mobile');
		expect(run.output('Node', 1)).toMatchObject([
			{
				targetMembers: 3,
				hiddenFields: ['mobile', 'email', 'gender', 'address', 'mainDepartment'],
				lookups: { field: 'mobile', found: 0, pending: 0 },
			},
		]);
	});

	it('stops before planning when the reader app cannot see a department under the top one', async () => {
		const calls = modernTenant((call) =>
			call.path === '/cgi-bin/department/list'
				? { department: [{ id: 2, parentid: 1, name: '研发部' }] }
				: undefined,
		);
		const run = await exportRun({ syncOptions: { topDepartmentId: '2' } });
		expect(run.error?.message).toBe(
			'The app of the WeCom Contacts Reader credential cannot see 1 of the 2 departments under department 2 (IDs 3)',
		);
		expect(calls.map((c) => c.path)).not.toContain('/cgi-bin/user/list_id');
	});

	it('names the call, the credential and the setting when WeCom refuses a read (48009, 60011)', async () => {
		modernTenant((call) =>
			call.path === '/cgi-bin/department/list'
				? { errcode: 60011, errmsg: 'no privilege to access/modify contact/party/agent' }
				: undefined,
		);
		const run = await exportRun();
		expect(run.error?.message).toBe(
			'WeCom refused department/list to the WeCom Contacts Reader credential: no privilege to access/modify contact/party/agent (60011)',
		);
		expect(run.error?.description).toContain('应用管理 → your app → 可见范围');
		nock.cleanAll();
		modernTenant((call) =>
			call.path === '/cgi-bin/department/list'
				? { errcode: 48009, errmsg: 'api forbidden for contact assistant' }
				: undefined,
		);
		const legacy = await exportRun({ readWith: 'credential' });
		expect(legacy.error?.message).toBe(
			'WeCom refused department/list to the WeCom API credential: api forbidden for contact assistant (48009)',
		);
		expect(legacy.error?.description).toContain('2022-08-15');
	});
});

describe('Contacts Sync: lookups of numbers the reader cannot see', () => {
	const source = (n: number) => [
		{ type: 'department', id: 'RD', name: '研发部' },
		...Array.from({ length: n }, (_, i) => ({
			type: 'member',
			id: `N${i}`,
			name: `新人${i}`,
			departments: ['RD'],
			// N0 and N1 give the same number in two spellings: it is asked once.
			mobile: i === 1 ? '+86 138-0000-0000' : `1380000000${i}`,
		})),
	];
	const run = async (n: number, staticData: IDataObject, syncOptions: IDataObject = {}) =>
		await simulate(
			source(n),
			{ syncOptions: { topDepartmentId: '2', ...syncOptions } },
			staticData,
		);
	const asked = (calls: Call[]) =>
		calls.filter((c) => c.path === '/cgi-bin/user/getuserid').map((c) => c.body?.mobile);

	it('asks each number once, by the reader app, and keeps the answers (hashed) for later runs', async () => {
		const calls = modernTenant((call) =>
			call.path === '/cgi-bin/user/getuserid'
				? call.body?.mobile === '13800000000'
					? { userid: 'lisi' }
					: { errcode: 46004, errmsg: 'user no exist' }
				: undefined,
		);
		const staticData: IDataObject = {};
		const first = await run(3, staticData);
		expect(asked(calls)).toEqual(['13800000000', '13800000002']);
		expect(first.output('Node').find((a) => a.sourceKey === 'N0')).toMatchObject({
			action: 'update_member',
			targetId: 'lisi',
		});
		expect(JSON.stringify(staticData)).not.toContain('13800000000');
		await run(3, staticData);
		// Found and "not found" answers are both reused: no number is asked twice.
		expect(asked(calls)).toHaveLength(2);
	});

	it('asks at most Max Lookups per Run; the members it could not ask are neither created nor linked', async () => {
		const calls = modernTenant((call) =>
			call.path === '/cgi-bin/user/getuserid'
				? { errcode: 46004, errmsg: 'user no exist' }
				: undefined,
		);
		const result = await run(4, {}, { lookupLimit: 1 });
		const out = result.output('Node');
		expect(asked(calls)).toEqual(['13800000000']);
		expect(
			out.filter((a) => a.action === 'skip_member').map((a) => [a.sourceKey, a.reason]),
		).toEqual([
			['N1', 'mobile is used by another new member'],
			[
				'N2',
				'its mobile was not looked up this run (lookup limit): a later run links or creates it',
			],
			[
				'N3',
				'its mobile was not looked up this run (lookup limit): a later run links or creates it',
			],
		]);
		expect(result.output('Node', 1)).toMatchObject([{ lookups: { found: 0, pending: 2 } }]);
	});

	it('stops the run on a refusal that is not "no such member": nothing is guessed', async () => {
		modernTenant((call) =>
			call.path === '/cgi-bin/user/getuserid'
				? { errcode: 60020, errmsg: 'not allow to access from your ip, from ip: 1.2.3.4' }
				: undefined,
		);
		const failed = await run(2, {});
		expect(failed.error?.message).toBe(
			'WeCom refused user/getuserid to the WeCom Contacts Reader credential: not allow to access from your ip (60020)',
		);
		expect(failed.error?.description).toContain('WeCom saw the call coming from IP 1.2.3.4');
	});
});
