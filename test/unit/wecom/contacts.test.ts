import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';

const BASE = 'https://wecom.test';
const credentials = {
	wecomWelinkWeComApi: {
		corpId: 'ww-unit',
		secret: 'dummy-secret',
		agentId: '1000002',
		baseUrl: BASE,
		accessToken: 'TOKEN',
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
};
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

interface Case {
	resource: string;
	operation: string;
	parameters: Record<string, unknown>;
	method: 'GET' | 'POST';
	path: string;
	/** Exact query besides the access token (GET), or exact JSON body (POST). */
	sent: Record<string, unknown>;
	reply?: Record<string, unknown>;
	output: unknown;
}

/** Each operation's exact request (reference §4) and its output item. */
const CASES: Case[] = [
	{
		resource: 'department',
		operation: 'create',
		parameters: { name: '研发部', parent: byId('1'), options: { nameEn: 'R&D', order: 5 } },
		method: 'POST',
		path: '/cgi-bin/department/create',
		sent: { name: '研发部', parentid: 1, name_en: 'R&D', order: 5 },
		reply: { id: 12 },
		output: { name: '研发部', parentid: 1, name_en: 'R&D', order: 5, id: 12 },
	},
	{
		resource: 'department',
		operation: 'update',
		parameters: {
			department: byId('12'),
			updateFields: { name: '研发中心', parentId: '3', order: 0 },
		},
		method: 'POST',
		path: '/cgi-bin/department/update',
		sent: { id: 12, name: '研发中心', parentid: 3, order: 0 },
		output: { id: 12, name: '研发中心', parentid: 3, order: 0, updated: true },
	},
	{
		resource: 'department',
		operation: 'delete',
		parameters: { department: byId('12') },
		method: 'GET',
		path: '/cgi-bin/department/delete',
		sent: { id: '12' },
		output: { id: 12, deleted: true },
	},
	{
		resource: 'department',
		operation: 'get',
		parameters: { department: byId('12') },
		method: 'GET',
		path: '/cgi-bin/department/get',
		sent: { id: '12' },
		reply: { department: { id: 12, name: '研发部', parentid: 1 } },
		output: { id: 12, name: '研发部', parentid: 1 },
	},
	{
		resource: 'member',
		operation: 'update',
		parameters: {
			member: byId('zhangsan'),
			updateFields: { departments: '2,4', leaderIn: '4', newUserId: 'zhang.san', enabled: true },
		},
		method: 'POST',
		path: '/cgi-bin/user/update',
		sent: {
			userid: 'zhangsan',
			department: [2, 4],
			enable: 1,
			is_leader_in_dept: [0, 1],
			new_userid: 'zhang.san',
		},
		output: {
			userid: 'zhangsan',
			department: [2, 4],
			enable: 1,
			is_leader_in_dept: [0, 1],
			new_userid: 'zhang.san',
			updated: true,
		},
	},
	{
		resource: 'member',
		operation: 'delete',
		parameters: { member: byId('zhangsan') },
		method: 'GET',
		path: '/cgi-bin/user/delete',
		sent: { userid: 'zhangsan' },
		output: { userid: 'zhangsan', deleted: true },
	},
	{
		resource: 'member',
		operation: 'get',
		parameters: { member: byId('zhangsan') },
		method: 'GET',
		path: '/cgi-bin/user/get',
		sent: { userid: 'zhangsan' },
		reply: { userid: 'zhangsan', name: '张三', status: 1 },
		output: { userid: 'zhangsan', name: '张三', status: 1 },
	},
	{
		resource: 'member',
		operation: 'getIdByMobile',
		parameters: { mobile: '13800000001' },
		method: 'POST',
		path: '/cgi-bin/user/getuserid',
		sent: { mobile: '13800000001' },
		reply: { userid: 'zhangsan' },
		output: { mobile: '13800000001', userid: 'zhangsan' },
	},
	{
		resource: 'member',
		operation: 'getIdByEmail',
		parameters: { email: 'zs@corp.example.com', emailType: 1 },
		method: 'POST',
		path: '/cgi-bin/user/get_userid_by_email',
		sent: { email: 'zs@corp.example.com', email_type: 1 },
		reply: { userid: 'zhangsan' },
		output: { email: 'zs@corp.example.com', email_type: 1, userid: 'zhangsan' },
	},
	{
		resource: 'member',
		operation: 'convertToOpenId',
		parameters: { member: byId('zhangsan') },
		method: 'POST',
		path: '/cgi-bin/user/convert_to_openid',
		sent: { userid: 'zhangsan' },
		reply: { openid: 'oABC' },
		output: { userid: 'zhangsan', openid: 'oABC' },
	},
	{
		resource: 'member',
		operation: 'convertToUserId',
		parameters: { openId: 'oABC' },
		method: 'POST',
		path: '/cgi-bin/user/convert_to_userid',
		sent: { openid: 'oABC' },
		reply: { userid: 'zhangsan' },
		output: { openid: 'oABC', userid: 'zhangsan' },
	},
	{
		resource: 'tag',
		operation: 'create',
		parameters: { name: '值班', options: { tagId: 7 } },
		method: 'POST',
		path: '/cgi-bin/tag/create',
		sent: { tagname: '值班', tagid: 7 },
		reply: { tagid: 7 },
		output: { tagname: '值班', tagid: 7 },
	},
	{
		resource: 'tag',
		operation: 'update',
		parameters: { tag: byId('7'), name: '夜班' },
		method: 'POST',
		path: '/cgi-bin/tag/update',
		sent: { tagid: 7, tagname: '夜班' },
		output: { tagid: 7, tagname: '夜班', updated: true },
	},
	{
		resource: 'tag',
		operation: 'delete',
		parameters: { tag: byId('7') },
		method: 'GET',
		path: '/cgi-bin/tag/delete',
		sent: { tagid: '7' },
		output: { tagid: 7, deleted: true },
	},
	{
		resource: 'tag',
		operation: 'get',
		parameters: { tag: byId('7') },
		method: 'GET',
		path: '/cgi-bin/tag/get',
		sent: { tagid: '7' },
		reply: { tagname: '值班', userlist: [{ userid: 'zhangsan', name: '张三' }], partylist: [2] },
		output: {
			tagid: 7,
			tagname: '值班',
			userlist: [{ userid: 'zhangsan', name: '张三' }],
			partylist: [2],
		},
	},
	{
		resource: 'tag',
		operation: 'removeMembers',
		parameters: { tag: byId('7'), members: 'zhangsan|ghost', departments: [] },
		method: 'POST',
		path: '/cgi-bin/tag/deltagusers',
		sent: { tagid: 7, userlist: ['zhangsan', 'ghost'] },
		reply: { invalidlist: 'ghost' },
		output: {
			tagid: 7,
			removedMembers: ['zhangsan'],
			removedDepartments: [],
			invalidMembers: ['ghost'],
			invalidDepartments: [],
		},
	},
];

describe.each(CASES)('$resource: $operation', (c) => {
	it(`sends ${c.method} ${c.path} as documented`, async () => {
		let body: unknown;
		const scope = nock(BASE);
		const interceptor =
			c.method === 'GET'
				? scope.get(c.path).query({ access_token: 'TOKEN', ...c.sent })
				: scope
						.post(c.path, (sent) => {
							body = sent;
							return true;
						})
						.query({ access_token: 'TOKEN' });
		interceptor.reply(200, { errcode: 0, errmsg: 'ok', ...(c.reply ?? {}) });
		const run = await runNode(
			{
				type: 'weCom',
				parameters: { resource: c.resource, operation: c.operation, ...c.parameters },
			},
			{ credentials },
		);
		expect(run.error?.message).toBeUndefined();
		if (c.method === 'POST') expect(body).toEqual(c.sent);
		expect(run.output('Node')).toEqual([c.output]);
		expect(scope.isDone()).toBe(true);
	});
});

describe('member: list and list IDs', () => {
	it('walks department/simplelist and user/list per department, each member once', async () => {
		nock(BASE)
			.get('/cgi-bin/department/simplelist')
			.query({ access_token: 'TOKEN', id: '2' })
			.reply(200, { errcode: 0, department_id: [{ id: 2 }, { id: 4 }] })
			.get('/cgi-bin/user/list')
			.query({ access_token: 'TOKEN', department_id: '2' })
			.reply(200, { errcode: 0, userlist: [{ userid: 'a' }, { userid: 'b' }] })
			.get('/cgi-bin/user/list')
			.query({ access_token: 'TOKEN', department_id: '4' })
			.reply(200, { errcode: 0, userlist: [{ userid: 'b' }, { userid: 'c' }] });
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'member',
					operation: 'getAll',
					department: byId('2'),
					includeSubDepartments: true,
					returnAll: true,
				},
			},
			{ credentials },
		);
		expect(run.output('Node').map((m) => m.userid)).toEqual(['a', 'b', 'c']);
	});

	it('follows list_id cursors and stops past the limit', async () => {
		const bodies: unknown[] = [];
		nock(BASE)
			.post('/cgi-bin/user/list_id', (b) => {
				bodies.push(b);
				return true;
			})
			.query(true)
			.reply(200, {
				errcode: 0,
				next_cursor: 'c1',
				dept_user: [
					{ userid: 'a', department: 1 },
					{ userid: 'b', department: 1 },
				],
			})
			.post('/cgi-bin/user/list_id', (b) => {
				bodies.push(b);
				return true;
			})
			.query(true)
			.reply(200, {
				errcode: 0,
				next_cursor: 'c2',
				dept_user: [
					{ userid: 'b', department: 2 },
					{ userid: 'c', department: 1 },
				],
			});
		const run = await runNode(
			{
				type: 'weCom',
				parameters: { resource: 'member', operation: 'getAllIds', returnAll: false, limit: 2 },
			},
			{ credentials },
		);
		// b's second row came on the next page, so that page was read before stopping.
		expect(run.output('Node')).toEqual([
			{ userid: 'a', department: [1] },
			{ userid: 'b', department: [1, 2] },
		]);
		expect(bodies).toEqual([{ limit: 10000 }, { cursor: 'c1', limit: 10000 }]);
	});
});

describe('tag: add members', () => {
	it('treats "all invalid" (40070) for one split call as invalid entries, not a failure', async () => {
		const members = Array.from({ length: 1001 }, (_, n) => `u${n}`);
		nock(BASE)
			.post('/cgi-bin/tag/addtagusers', (b) => (b.userlist as string[]).length === 1000)
			.query(true)
			.reply(200, { errcode: 0, errmsg: 'ok' })
			.post('/cgi-bin/tag/addtagusers', (b) => (b.userlist as string[]).length === 1)
			.query(true)
			.reply(200, { errcode: 40070, errmsg: 'all list invalid' });
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'tag',
					operation: 'addMembers',
					tag: byId('7'),
					members,
					departments: [],
				},
			},
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(run.output('Node')[0]).toMatchObject({ invalidMembers: ['u1000'] });
		expect((run.output('Node')[0].addedMembers as string[]).length).toBe(1000);
	});

	it('fails on any other refusal, naming the code', async () => {
		nock(BASE)
			.post('/cgi-bin/tag/addtagusers')
			.query(true)
			.reply(200, { errcode: 81011, errmsg: 'no privilege' });
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'tag',
					operation: 'addMembers',
					tag: byId('7'),
					members: 'a',
					departments: [],
				},
			},
			{ credentials },
		);
		expect(run.error?.message).toContain('81011');
	});
});

describe('Contacts Import job', () => {
	it('writes the CSV template with a BOM, submits it and gives up waiting at Max Wait with the job ID', async () => {
		let csv = '';
		nock(BASE)
			.post('/cgi-bin/media/upload', (body: unknown) => {
				// nock hands a binary (multipart) body over as hex.
				const text = String(body);
				csv = /^[0-9a-f]+$/i.test(text) ? Buffer.from(text, 'hex').toString('utf8') : text;
				return true;
			})
			.query({ access_token: 'TOKEN', type: 'file' })
			.reply(200, { errcode: 0, media_id: 'M1', type: 'file' })
			.post('/cgi-bin/batch/replaceparty', { media_id: 'M1' })
			.query(true)
			.reply(200, { errcode: 0, jobid: 'J1' })
			.get('/cgi-bin/batch/getresult')
			.query({ access_token: 'TOKEN', jobid: 'J1' })
			.times(10)
			.reply(200, { errcode: 0, status: 2, percentage: 40 });
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'contactsImport',
					operation: 'replaceDepartments',
					name: '={{ $json.name }}',
					departmentId: '={{ $json.id }}',
					parentId: '={{ $json.parentid }}',
					order: 0,
					options: { maxWaitSeconds: 1 },
				},
			},
			{ credentials, items: [{ name: 'R&D, core', id: 2, parentid: 1 }] },
		);
		expect(csv).toContain('\uFEFF部门名称,部门ID,父部门ID,排序\r\n"R&D, core",2,1,\r\n');
		expect(run.error?.message).toBe('WeCom batch job J1 is still running (40%)');
	});
});
