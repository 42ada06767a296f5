import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';
import { BASE, byId, ok, posts, weComCredential } from './weComStub';

const credentials = weComCredential('');

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const run = async (resource: string, operation: string, parameters: Record<string, unknown>) =>
	await runNode(
		{ type: 'weCom', parameters: { resource, operation, ...parameters } },
		{ credentials },
	);

const contact = (id: string) => ({ external_userid: id, name: `客户${id}`, type: 1, gender: 1 });

describe('Customer → Get Many (batch/get_by_user)', () => {
	it('sends 100 member IDs per call, follows each batch’s cursor and resolves tag names once', async () => {
		const members = Array.from({ length: 250 }, (_, n) => `m${n}`);
		const entry = (id: string, userid: string, tags: string[] = []) => ({
			external_contact: contact(id),
			follow_info: { userid, remark: 'r', createtime: 1763000000, tag_id: tags, add_way: 1 },
		});
		const batch = posts('/cgi-bin/externalcontact/batch/get_by_user', [
			{ external_contact_list: [entry('wm1', 'm0', ['et01'])], next_cursor: 'C1' },
			{ external_contact_list: [entry('wm2', 'm99')], next_cursor: '' },
			{ external_contact_list: [entry('wm3', 'm100')], next_cursor: '' },
			{ external_contact_list: [], next_cursor: '' },
		]);
		const tags = posts('/cgi-bin/externalcontact/get_corp_tag_list', [
			{
				tag_group: [{ group_id: 'g1', group_name: '客户等级', tag: [{ id: 'et01', name: 'VIP' }] }],
			},
		]);
		const result = await run('externalContact', 'getAll', {
			customersOf: 'members',
			members,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(batch.bodies).toEqual([
			{ userid_list: members.slice(0, 100), limit: 100 },
			{ userid_list: members.slice(0, 100), cursor: 'C1', limit: 100 },
			{ userid_list: members.slice(100, 200), limit: 100 },
			{ userid_list: members.slice(200), limit: 100 },
		]);
		expect(tags.bodies).toEqual([{ tag_id: [], group_id: [] }]);
		const out = result.output('Node');
		expect(out.map((r) => [r.externalUserId, r.memberUserId])).toEqual([
			['wm1', 'm0'],
			['wm2', 'm99'],
			['wm3', 'm100'],
		]);
		expect(out[0]).toMatchObject({
			name: '客户wm1',
			customerType: 'wechat',
			remark: 'r',
			tags: [{ id: 'et01', name: 'VIP', group: '客户等级' }],
			tagIds: ['et01'],
			addWayName: 'scanned QR code',
			addedAt: '2025-11-13T10:13:20.000+08:00',
		});
		expect(batch.scope.isDone() && tags.scope.isDone()).toBe(true);
	});

	it('reads the members with customer contact first, and stops calling at the limit', async () => {
		nock(BASE)
			.get('/cgi-bin/externalcontact/get_follow_user_list')
			.query({ access_token: 'TOKEN' })
			.reply(200, ok({ follow_user: ['zhangsan', 'lisi'] }));
		const batch = posts('/cgi-bin/externalcontact/batch/get_by_user', [
			{
				external_contact_list: [
					{ external_contact: contact('wm1'), follow_info: { userid: 'zhangsan', tag_id: [] } },
					{ external_contact: contact('wm2'), follow_info: { userid: 'lisi', tag_id: [] } },
				],
				next_cursor: 'MORE',
			},
		]);
		const result = await run('externalContact', 'getAll', { customersOf: 'all', limit: 2 });
		expect(result.error).toBeUndefined();
		expect(batch.bodies).toEqual([{ userid_list: ['zhangsan', 'lisi'], limit: 100 }]);
		expect(result.output('Node')).toHaveLength(2);
	});

	it('refuses member names before any call', async () => {
		const result = await run('externalContact', 'getAll', {
			customersOf: 'members',
			members: '张三',
			returnAll: true,
		});
		expect(result.error?.message).toBe(
			'Members: "张三" is not a member ID (账号: 1–64 letters, digits or _-@.) [item 0]',
		);
	});
});

describe('Customer → Get', () => {
	it('reads every page of followers and can output one row per member', async () => {
		const scope = nock(BASE)
			.get('/cgi-bin/externalcontact/get')
			.query({ access_token: 'TOKEN', external_userid: 'wmEXT1' })
			.reply(
				200,
				ok({
					external_contact: contact('wmEXT1'),
					follow_user: [
						{
							userid: 'a',
							tags: [{ group_name: '来源', tag_name: '官网', type: 1, tag_id: 'et12' }],
						},
					],
					next_cursor: 'P2',
				}),
			)
			.get('/cgi-bin/externalcontact/get')
			.query({ access_token: 'TOKEN', external_userid: 'wmEXT1', cursor: 'P2' })
			.reply(200, ok({ external_contact: contact('wmEXT1'), follow_user: [{ userid: 'b' }] }));
		const result = await run('externalContact', 'get', {
			externalUserId: 'wmEXT1',
			output: 'relationship',
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Node').map((r) => [r.memberUserId, r.tags])).toEqual([
			['a', [{ id: 'et12', name: '官网', group: '来源', type: 1 }]],
			['b', []],
		]);
		expect(scope.isDone()).toBe(true);
	});
});

describe('Customer writes: exact bodies', () => {
	it('Update Remark sends the documented fields and clears mobiles with [""]', async () => {
		const { bodies } = posts('/cgi-bin/externalcontact/remark', [{}]);
		const result = await run('externalContact', 'updateRemark', {
			member: byId('zhangsan'),
			externalUserId: 'wmEXT1',
			updateFields: { remark: '李总', description: '采购负责人', clearRemarkMobiles: true },
		});
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{
				userid: 'zhangsan',
				external_userid: 'wmEXT1',
				remark: '李总',
				description: '采购负责人',
				remark_mobiles: [''],
			},
		]);
	});

	it('Update Remark lists the new mobiles', async () => {
		const { bodies } = posts('/cgi-bin/externalcontact/remark', [{}]);
		await run('externalContact', 'updateRemark', {
			member: byId('zhangsan'),
			externalUserId: 'wmEXT1',
			updateFields: { remarkMobiles: '13800000001, +86-13800000002', remarkCompany: '示例公司' },
		});
		expect(bodies).toEqual([
			{
				userid: 'zhangsan',
				external_userid: 'wmEXT1',
				remark_company: '示例公司',
				remark_mobiles: ['13800000001', '+86-13800000002'],
			},
		]);
	});

	it.each([
		['Add Tags', 'addTags', 'add_tag'],
		['Remove Tags', 'removeTags', 'remove_tag'],
	])('%s sends one mark_tag call', async (_name, operation, key) => {
		const { bodies } = posts('/cgi-bin/externalcontact/mark_tag', [{}]);
		const result = await run('externalContact', operation, {
			member: byId('lisi'),
			externalUserId: 'wmEXT1',
			tags: ['et01', 'et11'],
		});
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{ userid: 'lisi', external_userid: 'wmEXT1', [key]: ['et01', 'et11'] },
		]);
	});

	it('Get Many IDs reads externalcontact/list of one member', async () => {
		nock(BASE)
			.get('/cgi-bin/externalcontact/list')
			.query({ access_token: 'TOKEN', userid: 'zhangsan' })
			.reply(200, ok({ external_userid: ['wm1', 'wm2', 'wm3'] }));
		const result = await run('externalContact', 'getIds', {
			member: byId('zhangsan'),
			limit: 2,
		});
		expect(result.output('Node')).toEqual([
			{ externalUserId: 'wm1', memberUserId: 'zhangsan' },
			{ externalUserId: 'wm2', memberUserId: 'zhangsan' },
		]);
	});

	it('explains a missing relationship (84061)', async () => {
		nock(BASE)
			.post('/cgi-bin/externalcontact/mark_tag')
			.query(true)
			.reply(200, { errcode: 84061, errmsg: 'not external contact' });
		const result = await run('externalContact', 'addTags', {
			member: byId('lisi'),
			externalUserId: 'wmEXT1',
			tags: ['et01'],
		});
		expect(result.error?.message).toBe('WeCom: not external contact (84061)');
	});
});

describe('Customer input checks (no call is made)', () => {
	it.each([
		[
			{ updateFields: { remark: '一二三四五六七八九十一二三四五六七八九十一' } },
			'Remark: is 21 characters, over the limit of 20 characters [item 0]',
		],
		[{ updateFields: {} }, 'Update Fields: is empty [item 0]'],
		[
			{ updateFields: { remarkMobiles: '138-abc' } },
			'Remark Mobiles: "138-abc" is not a phone number [item 0]',
		],
		[
			{ externalUserId: 'wm 1, wm2', updateFields: { remark: 'x' } },
			'Customer ID: "wm 1, wm2" is not an external_userid [item 0]',
		],
	])('%j', async (parameters, message) => {
		const result = await run('externalContact', 'updateRemark', {
			member: byId('zhangsan'),
			externalUserId: 'wmEXT1',
			...parameters,
		});
		expect(result.error?.message).toBe(message);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('needs at least one tag', async () => {
		const result = await run('externalContact', 'addTags', {
			member: byId('zhangsan'),
			externalUserId: 'wmEXT1',
			tags: '={{ [] }}',
		});
		expect(result.error?.message).toBe('Tags: is empty [item 0]');
	});
});

describe('Customer Tag and Customer Group', () => {
	it('Customer Tag → Get Many sends only the group filter when groups are given', async () => {
		const { bodies } = posts('/cgi-bin/externalcontact/get_corp_tag_list', [
			{
				tag_group: [
					{
						group_id: 'g1',
						group_name: '客户等级',
						tag: [
							{ id: 'et01', name: 'VIP', create_time: 1763000000, order: 2 },
							{ id: 'et02', name: '普通', create_time: 1763000000, order: 1 },
						],
					},
				],
			},
		]);
		const result = await run('customerTag', 'getAll', {
			returnAll: true,
			filters: { groupIds: 'g1', tagIds: 'et09' },
		});
		expect(bodies).toEqual([{ group_id: ['g1'] }]);
		expect(result.output('Node')[0]).toEqual({
			tagId: 'et01',
			tagName: 'VIP',
			groupId: 'g1',
			groupName: '客户等级',
			order: 2,
			createdAt: '2025-11-13T10:13:20.000+08:00',
		});
	});

	it('Customer Group → Get Many sends 100 owners per call with the 1,000 page size', async () => {
		const owners = Array.from({ length: 101 }, (_, n) => `o${n}`);
		const { bodies } = posts('/cgi-bin/externalcontact/groupchat/list', [
			{ group_chat_list: [{ chat_id: 'wr1', status: 0 }], next_cursor: 'N' },
			{ group_chat_list: [{ chat_id: 'wr2', status: 0 }], next_cursor: '' },
			{ group_chat_list: [{ chat_id: 'wr3', status: 1 }] },
		]);
		const result = await run('customerGroup', 'getAll', {
			returnAll: true,
			filters: { owners, status: 0 },
		});
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{ status_filter: 0, owner_filter: { userid_list: owners.slice(0, 100) }, limit: 1000 },
			{
				status_filter: 0,
				owner_filter: { userid_list: owners.slice(0, 100) },
				cursor: 'N',
				limit: 1000,
			},
			{ status_filter: 0, owner_filter: { userid_list: ['o100'] }, limit: 1000 },
		]);
		expect(result.output('Node').map((g) => g.chatId)).toEqual(['wr1', 'wr2', 'wr3']);
	});

	it('Customer Group → Get asks for member names', async () => {
		const { bodies } = posts('/cgi-bin/externalcontact/groupchat/get', [
			{
				group_chat: {
					chat_id: 'wr1',
					name: 'VIP',
					create_time: 1763000000,
					member_list: [
						{ userid: 'a', type: 1 },
						{ userid: 'wm1', type: 2 },
					],
				},
			},
		]);
		const result = await run('customerGroup', 'get', { chatId: 'wr1', includeNames: true });
		expect(bodies).toEqual([{ chat_id: 'wr1', need_name: 1 }]);
		expect(result.output('Node')[0]).toMatchObject({
			chat_id: 'wr1',
			memberCount: 2,
			customerCount: 1,
			createdAt: '2025-11-13T10:13:20.000+08:00',
		});
	});
});
