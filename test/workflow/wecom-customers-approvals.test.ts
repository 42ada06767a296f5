import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_AGENT_ID, SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { MEETING_TEMPLATE_ID } from '../../sandbox/wecom/approvals.cjs';
import { seedLargeCustomers } from '../../sandbox/wecom/customers.cjs';
import { seedLargeContacts } from '../../sandbox/wecom/contacts.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Customers, approvals, sign-in and IP lists against the sandbox', () => {
	const { sandbox, weComCredentials } = sandboxForTests();

	const world = () => sandbox.state.wecom;
	const op = async (
		resource: string,
		operation: string,
		parameters: Record<string, unknown>,
		options: { secret?: string; agentId?: string; items?: IDataObject[] } = {},
	) =>
		await runNode(
			{ type: 'weCom', parameters: { resource, operation, ...parameters } },
			{
				credentials: weComCredentials(
					options.secret ?? SANDBOX_SECRETS.customer,
					options.agentId ?? '',
				),
				items: options.items,
			},
		);
	const calls = (path: string) => sandbox.state.log.all({ path });

	describe('customers', () => {
		it('syncs every relationship of every member with customer contact, tags named', async () => {
			const run = await op('externalContact', 'getAll', { customersOf: 'all', returnAll: true });
			expect(run.error).toBeUndefined();
			expect(
				run.output('Node').map((r) => [r.memberUserId, r.externalUserId, r.remark, r.tags]),
			).toEqual([
				['zhangsan', 'wmEXT0001', '李总', [{ id: 'et01', name: 'VIP', group: '客户等级' }]],
				['zhangsan', 'wmEXT0002', '', [{ id: 'et12', name: '官网', group: '来源' }]],
				['lisi', 'wmEXT0002', '王姐', []],
				['lisi', 'woEXT0003', '赵总', []],
			]);
			// get_follow_user_list + one batch call + one tag library call.
			expect(calls('/cgi-bin/externalcontact/get_follow_user_list')).toHaveLength(1);
			expect(calls('/cgi-bin/externalcontact/batch/get_by_user')).toHaveLength(1);
			expect(calls('/cgi-bin/externalcontact/get_corp_tag_list')).toHaveLength(1);
		});

		it('reads 1,000 members’ customers in the fewest calls WeCom allows', async () => {
			seedLargeContacts(world().contacts, 10, 1000);
			seedLargeCustomers(world(), 1000, 3);
			const run = await op('externalContact', 'getAll', {
				customersOf: 'all',
				returnAll: true,
				options: { resolveTagNames: false },
			});
			expect(run.error).toBeUndefined();
			expect(run.output('Node')).toHaveLength(3000);
			// 10 batches of 100 members × 300 relationships = 3 pages each.
			expect(calls('/cgi-bin/externalcontact/batch/get_by_user')).toHaveLength(30);
		});

		it('writes a remark and tags, then reads them back', async () => {
			const remark = await op('externalContact', 'updateRemark', {
				member: byId('lisi'),
				externalUserId: 'wmEXT0002',
				updateFields: {
					remark: '王经理',
					remarkCompany: '示例贸易',
					remarkMobiles: '13900000001',
				},
			});
			expect(remark.error).toBeUndefined();
			const tagged = await op('externalContact', 'addTags', {
				member: byId('lisi'),
				externalUserId: 'wmEXT0002',
				tags: ['et01', 'et11'],
			});
			expect(tagged.error).toBeUndefined();
			await op('externalContact', 'removeTags', {
				member: byId('lisi'),
				externalUserId: 'wmEXT0002',
				tags: ['et11'],
			});
			const read = await op('externalContact', 'get', {
				externalUserId: 'wmEXT0002',
				output: 'relationship',
			});
			expect(read.output('Node').find((r) => r.memberUserId === 'lisi')).toMatchObject({
				remark: '王经理',
				remarkCorpName: '示例贸易',
				remarkMobiles: ['13900000001'],
				tags: [{ id: 'et01', name: 'VIP', group: '客户等级', type: 1 }],
			});
		});

		it('explains WeCom’s refusals: not this member’s customer, no permission', async () => {
			const notTheirs = await op('externalContact', 'addTags', {
				member: byId('wangwu'),
				externalUserId: 'wmEXT0001',
				tags: ['et01'],
			});
			expect(notTheirs.error?.message).toBe('WeCom: not external contact (84061)');
			const noPermission = await op(
				'externalContact',
				'getIds',
				{ member: byId('zhangsan'), returnAll: true },
				{ secret: SANDBOX_SECRETS.checkinSystem },
			);
			expect(noPermission.error?.message).toBe('WeCom: api forbidden (48002)');
		});

		it('lists customer groups with their members', async () => {
			const run = await op('customerGroup', 'getAll', {
				returnAll: true,
				includeDetails: true,
				filters: { owners: 'zhangsan,lisi' },
			});
			expect(run.error).toBeUndefined();
			expect(run.output('Node').map((g) => [g.chat_id, g.name, g.customerCount])).toEqual([
				['wrCHAT0001', 'VIP 客户群', 2],
				['wrCHAT0002', '售后服务群', 1],
			]);
		});
	});

	describe('approvals', () => {
		const start = DateTime.now()
			.setZone('Asia/Shanghai')
			.plus({ days: 2 })
			.set({ hour: 15, minute: 0, second: 0, millisecond: 0 });
		const submit = (fields: Array<[string, string, unknown]>) =>
			op(
				'approval',
				'submit',
				{
					applicant: byId('zhangsan'),
					templateId: MEETING_TEMPLATE_ID,
					summary: '季度复盘',
					formFields: {
						field: fields.map(([controlId, kind, value]) => ({ controlId, kind, value })),
					},
				},
				{ secret: SANDBOX_SECRETS.app, agentId: String(SANDBOX_AGENT_ID) },
			);
		const meeting: Array<[string, string, unknown]> = [
			['Text-1001', 'Text', '季度复盘'],
			['Date-1002', 'DateTime', start.toISO()],
			['Number-1003', 'Number', '45'],
			['Contact-1004', 'Members', 'lisi,wangwu'],
			['Selector-1005', 'SelectorSingle', 'option-online'],
		];

		it('submits a meeting booking, reads it back by title and finds it in a window', async () => {
			const submitted = await submit(meeting);
			expect(submitted.error).toBeUndefined();
			const spNo = String(submitted.output('Node')[0].spNo);
			expect(spNo).toMatch(/^\d{12}$/);
			world().approvals.decide(spNo, true, SANDBOX_CORP_ID, SANDBOX_AGENT_ID);
			const app = { secret: SANDBOX_SECRETS.app };
			const detail = await op('approval', 'get', { spNo }, app);
			expect(detail.output('Node')[0]).toMatchObject({
				spNo,
				statusName: 'approved',
				applicant: 'zhangsan',
				values: {
					会议主题: '季度复盘',
					开始时间: start.toISO(),
					'时长（分钟）': 45,
					参会人: ['lisi', 'wangwu'],
					会议形式: '线上',
				},
			});
			const listed = await op(
				'approval',
				'getAll',
				{
					start: DateTime.now().minus({ days: 40 }).toISO(),
					end: DateTime.now().plus({ minutes: 1 }).toISO(),
					returnAll: true,
					filters: { status: 2, templateId: MEETING_TEMPLATE_ID },
				},
				app,
			);
			expect(listed.output('Node')).toEqual([{ spNo }]);
			expect(calls('/cgi-bin/oa/getapprovalinfo')).toHaveLength(2);
		});

		it('gets WeCom’s refusal for a wrong option key or a missing required control (301025)', async () => {
			const wrongKey = await submit(
				meeting.map((f) => (f[0] === 'Selector-1005' ? [f[0], f[1], 'option-maybe'] : f)),
			);
			expect(wrongKey.error?.message).toBe(
				'WeCom: Selector-1005: unknown option key option-maybe (301025)',
			);
			const missing = await submit(meeting.slice(1));
			expect(missing.error?.message).toContain('(301025)');
			expect(world().approvals.approvals.size).toBe(0);
		});

		it('lists a template’s controls for the form fields', async () => {
			const run = await op(
				'approval',
				'getTemplate',
				{ templateId: MEETING_TEMPLATE_ID },
				{ secret: SANDBOX_SECRETS.app },
			);
			expect(run.output('Node')[0].controls).toEqual(
				expect.arrayContaining([
					expect.objectContaining({
						id: 'Selector-1005',
						title: '会议形式',
						required: true,
						options: [
							{ key: 'option-online', text: '线上' },
							{ key: 'option-offline', text: '线下' },
						],
					}),
				]),
			);
		});
	});

	describe('sign-in', () => {
		const app = { secret: SANDBOX_SECRETS.app, agentId: String(SANDBOX_AGENT_ID) };

		/** Follows the built link the way the WeCom client does, on the sandbox's authorize page. */
		async function signIn(url: string) {
			const local = url.replace('https://open.weixin.qq.com', sandbox.url);
			const response = await fetch(local, { redirect: 'manual' });
			expect(response.status).toBe(302);
			return new URL(String(response.headers.get('location')));
		}

		it('builds a link WeCom accepts, and the code names the member once', async () => {
			const link = await op(
				'oauth',
				'buildLink',
				{
					redirectUri: 'https://n8n.example.com/webhook/sign-in',
					scope: 'snsapi_privateinfo',
					state: 'abc123',
				},
				app,
			);
			const back = await signIn(String(link.output('Node')[0].url));
			expect(back.origin + back.pathname).toBe('https://n8n.example.com/webhook/sign-in');
			expect(back.searchParams.get('state')).toBe('abc123');
			const code = back.searchParams.get('code');
			const member = await op('oauth', 'getMember', { code, privateDetails: true }, app);
			expect(member.output('Node')[0]).toMatchObject({
				isMember: true,
				userid: 'zhangsan',
				mobile: '+86 13800000001',
				email: 'zhangsan@sandbox.example.com',
			});
			const again = await op('oauth', 'getMember', { code }, app);
			expect(again.error?.message).toBe('WeCom: invalid code (40029)');
		});

		it('is refused by WeCom for a redirect outside the trusted domains', async () => {
			const link = await op(
				'oauth',
				'buildLink',
				{ redirectUri: 'https://evil.example.org/x', scope: 'snsapi_base' },
				app,
			);
			const local = String(link.output('Node')[0].url).replace(
				'https://open.weixin.qq.com',
				sandbox.url,
			);
			const response = await fetch(local, { redirect: 'manual' });
			expect(response.status).toBe(403);
			expect(await response.text()).toContain('50001');
		});
	});

	describe('one bad item of three stops the node before any call, naming item 2', () => {
		const v = '={{ $json.v }}';
		const remark = { member: byId('zhangsan'), externalUserId: 'wmEXT0001' };
		it.each([
			{
				op: ['externalContact', 'updateRemark'],
				parameters: { ...remark, updateFields: { remark: v } },
				good: '李总',
				bad: 'x'.repeat(21),
				path: '/cgi-bin/externalcontact/remark',
				message: 'Remark: is 21 characters, over the limit of 20 characters [item 2]',
			},
			{
				op: ['externalContact', 'addTags'],
				parameters: { member: byId('zhangsan'), externalUserId: v, tags: ['et01'] },
				good: 'wmEXT0001',
				bad: 'wm 1',
				path: '/cgi-bin/externalcontact/mark_tag',
				message: 'Customer ID: "wm 1" is not an external_userid [item 2]',
			},
			{
				op: ['approval', 'submit'],
				parameters: {
					applicant: byId('zhangsan'),
					templateId: MEETING_TEMPLATE_ID,
					summary: v,
					formFields: { field: [{ controlId: 'Text-1001', kind: 'Text', value: 'x' }] },
				},
				good: '季度复盘',
				bad: '1\n2\n3\n4',
				path: '/cgi-bin/oa/applyevent',
				message: "Summary: has 4 lines, over WeCom's limit of 3 [item 2]",
			},
			{
				op: ['oauth', 'getMember'],
				parameters: { code: v },
				good: 'CODE1',
				bad: 'two words',
				path: '/cgi-bin/auth/getuserinfo',
				message: 'Code: is not a WeCom token (1–512 bytes, no spaces) [item 2]',
			},
		])(
			'$op.0 $op.1',
			async ({ op: [resource, operation], parameters, good, bad, path, message }) => {
				const run = await op(resource, operation, parameters, {
					secret: SANDBOX_SECRETS.app,
					items: [{ v: good }, { v: good }, { v: bad }],
				});
				expect(run.error?.message).toBe(message);
				expect(calls(path)).toHaveLength(0);
			},
		);
	});

	it('reads both IP lists', async () => {
		const api = await op('ipList', 'getApiIps', {}, { secret: SANDBOX_SECRETS.app });
		const callback = await op('ipList', 'getCallbackIps', { output: 'split' });
		expect(api.output('Node')[0]).toMatchObject({ list: 'api', count: 3 });
		expect(callback.output('Node').map((r) => r.ip)).toEqual([
			'101.226.103.0/25',
			'182.254.11.176',
			'140.207.54.76',
		]);
	});
});
