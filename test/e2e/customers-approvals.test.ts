import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { sendWeComCallback } from '../../sandbox/callbacks.cjs';
import { SANDBOX_AGENT_ID, SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../../sandbox/wecom/apps.cjs';
import { MEETING_TEMPLATE_ID } from '../../sandbox/wecom/approvals.cjs';
import approvalToMeeting from '../../examples/wecom-approval-to-meeting.json';
import {
	itemsWorkflow,
	sandboxCredentials,
	WECOM_APP,
	WECOM_CUSTOMER,
	webhookIdFor,
} from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n, type WorkflowFixture } from './lab.cjs';

const weCom = (
	resource: string,
	operation: string,
	parameters: Record<string, unknown>,
	credentials: Record<string, { id: string; name: string }> = WECOM_APP,
	continueOnFail = false,
) => ({
	type: 'n8n-nodes-wecom-welink.weCom',
	parameters: { resource, operation, ...parameters },
	credentials,
	continueOnFail,
});
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The sign-in page: WeCom redirects the member here with ?code=…; the node names the member. */
const signInPage: WorkflowFixture = {
	id: 'e2eWeComSignIn01',
	name: 'E2E sign-in page',
	active: true,
	nodes: [
		{
			id: 'signin-webhook',
			name: 'Sign-In Page',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: webhookIdFor('wecom-sign-in'),
			parameters: {
				httpMethod: 'GET',
				path: 'wecom-sign-in',
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				options: {},
			},
		},
		{
			id: 'signin-member',
			name: 'Who Signed In',
			type: 'n8n-nodes-wecom-welink.weCom',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'oauth',
				operation: 'getMember',
				code: '={{ $json.query.code }}',
				privateDetails: true,
			},
			credentials: WECOM_APP,
			onError: 'continueRegularOutput',
		},
	],
	connections: { 'Sign-In Page': { main: [[{ node: 'Who Signed In', type: 'main', index: 0 }]] } },
};

const workflows = [
	approvalToMeeting,
	signInPage,
	itemsWorkflow(
		'e2eWeComApprSub1',
		'e2e-approval-submit',
		weCom('approval', 'submit', {
			applicant: byId('={{ $json.applicant }}'),
			templateId: MEETING_TEMPLATE_ID,
			summary: '={{ $json.title }}',
			formFields: {
				field: [
					{ controlId: 'Text-1001', kind: 'Text', value: '={{ $json.title }}' },
					{ controlId: 'Date-1002', kind: 'DateTime', value: '={{ $json.start }}' },
					{ controlId: 'Number-1003', kind: 'Number', value: '={{ $json.minutes }}' },
					{ controlId: 'Contact-1004', kind: 'Members', value: '={{ $json.attendees }}' },
					{ controlId: 'Selector-1005', kind: 'SelectorSingle', value: '={{ $json.format }}' },
				],
			},
		}),
	),
	itemsWorkflow(
		'e2eWeComApprLst1',
		'e2e-approval-list',
		weCom('approval', 'getAll', {
			start: '={{ $now.minus({ days: 45 }) }}',
			end: '={{ $now.plus({ minutes: 5 }) }}',
			returnAll: true,
			includeDetails: true,
		}),
	),
	itemsWorkflow(
		'e2eWeComCustAll1',
		'e2e-customers-all',
		weCom('externalContact', 'getAll', { customersOf: 'all', returnAll: true }, WECOM_CUSTOMER),
	),
	itemsWorkflow(
		'e2eWeComCustRem1',
		'e2e-customer-remark',
		weCom(
			'externalContact',
			'updateRemark',
			{
				member: byId('={{ $json.member }}'),
				externalUserId: '={{ $json.customer }}',
				updateFields: { remark: '={{ $json.remark }}' },
			},
			WECOM_CUSTOMER,
			true,
		),
	),
	itemsWorkflow(
		'e2eWeComSignLnk1',
		'e2e-sign-in-link',
		weCom('oauth', 'buildLink', {
			redirectUri: '={{ $json.redirect }}',
			scope: 'snsapi_privateinfo',
			state: 'e2e42',
		}),
	),
	itemsWorkflow('e2eWeComIpLists1', 'e2e-ip-lists', weCom('ipList', 'getCallbackIps', {})),
];

describe('customers, approvals, sign-in and IP lists in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const items = async (path: string, list: unknown[]) => {
		const response = await n8n.webhook(path, { items: list });
		expect(response.status).toBe(200);
		return response.data as Array<Record<string, unknown>>;
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('runs the example: an approval passes → the meeting is booked → the applicant gets the join link and code', async () => {
		const start = DateTime.now()
			.setZone('Asia/Shanghai')
			.plus({ days: 3 })
			.set({ hour: 10, minute: 30, second: 0, millisecond: 0 });
		const [submitted] = await items('e2e-approval-submit', [
			{
				applicant: 'zhangsan',
				title: '季度复盘',
				start: start.toISO(),
				minutes: 45,
				attendees: ['lisi', 'wangwu'],
				format: 'option-online',
			},
		]);
		const spNo = String(submitted.spNo);
		expect(spNo).toMatch(/^\d{12}$/);

		// The approver approves in the WeCom app; WeCom sends the event to the example's trigger.
		const event = sandbox.state.wecom.approvals.decide(
			spNo,
			true,
			SANDBOX_CORP_ID,
			SANDBOX_AGENT_ID,
		);
		const trigger = approvalToMeeting.nodes.find((n) => n.name === 'Approval Changed') as {
			webhookId: string;
		};
		const sent = await sendWeComCallback(
			{
				url: `${n8n.url}/webhook/${trigger.webhookId}/callback`,
				token: SANDBOX_CALLBACK.token,
				encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
				receiveId: SANDBOX_CORP_ID,
			},
			event,
		);
		expect(sent.status).toBe(200);
		const messages = sandbox.state.wecom.messages;
		await waitFor(async () => messages.sent.some((m) => m.msgtype === 'textcard'), 30_000);

		const meetings = [...sandbox.state.wecom.meetings.meetings.values()];
		expect(meetings).toHaveLength(1);
		expect(meetings[0]).toMatchObject({
			admin_userid: 'zhangsan',
			title: '季度复盘',
			meeting_start: start.toUnixInteger(),
			meeting_duration: 45 * 60,
			invitees: ['lisi', 'wangwu'],
			description: `审批单 ${spNo}`,
		});
		const card = messages.sent.find((m) => m.msgtype === 'textcard');
		expect(card).toMatchObject({
			delivered: ['zhangsan'],
			payload: {
				title: '会议已预约：季度复盘',
				url: meetings[0].meeting_link,
				btntxt: '入会',
			},
		});
		expect(String((card?.payload as { description: string }).description)).toContain(
			`会议号 ${meetings[0].meeting_code}`,
		);
		const [execution] = await n8n.executions(approvalToMeeting.id);
		expect(execution.status).toBe('success');
		expect(execution.nodeOutputs['Get Approval'][0]).toMatchObject({
			spNo,
			statusName: 'approved',
			values: { 会议主题: '季度复盘', 会议形式: '线上', 参会人: ['lisi', 'wangwu'] },
		});
	});

	it('lists the approvals of a window with their details', async () => {
		const listed = await items('e2e-approval-list', [{}]);
		expect(listed.length).toBeGreaterThanOrEqual(1);
		expect(listed[0]).toMatchObject({ name: '会议预约', statusName: 'approved' });
	});

	it('syncs every customer of every member, and explains a refused remark per item', async () => {
		const customers = await items('e2e-customers-all', [{}]);
		expect(customers.map((c) => [c.memberUserId, c.externalUserId])).toEqual([
			['zhangsan', 'wmEXT0001'],
			['zhangsan', 'wmEXT0002'],
			['lisi', 'wmEXT0002'],
			['lisi', 'woEXT0003'],
		]);
		expect(customers[0]).toMatchObject({ tags: [{ id: 'et01', name: 'VIP', group: '客户等级' }] });
		const results = await items('e2e-customer-remark', [
			{ member: 'zhangsan', customer: 'wmEXT0001', remark: '李总（VIP）' },
			{ member: 'wangwu', customer: 'wmEXT0001', remark: '不是他的客户' },
			{
				member: 'zhangsan',
				customer: 'wmEXT0001',
				remark: '备注太长了备注太长了备注太长了备注太长了!',
			},
		]);
		expect(results[0]).toMatchObject({ updated: true, remark: '李总（VIP）' });
		expect(results[1].error).toBe('WeCom: not external contact (84061)');
		expect(results[2].error).toBe(
			'Remark: is 21 characters, over the limit of 20 characters [item 2]',
		);
		const follow = sandbox.state.wecom.external.contacts
			.get('wmEXT0001')
			?.follow_user.find((f) => f.userid === 'zhangsan');
		expect(follow?.remark).toBe('李总（VIP）');
	});

	it('signs a member in: link → WeCom’s authorize page → n8n page with the code → member; a reused code is refused', async () => {
		const redirect = `${n8n.url}/webhook/wecom-sign-in`;
		const [link] = await items('e2e-sign-in-link', [{ redirect }]);
		const authorize = String(link.url).replace('https://open.weixin.qq.com', sandbox.url);
		const page = await fetch(authorize, { redirect: 'manual' });
		expect(page.status).toBe(302);
		const back = String(page.headers.get('location'));
		expect(back.startsWith(`${redirect}?code=`)).toBe(true);
		const first = await fetch(back);
		expect(await first.json()).toMatchObject({
			isMember: true,
			userid: 'zhangsan',
			email: 'zhangsan@sandbox.example.com',
		});
		const reused = await fetch(back);
		expect(await reused.json()).toMatchObject({
			error: 'WeCom: invalid code (40029)',
		});
	});

	it('reads the callback IP list for the firewall', async () => {
		const [list] = await items('e2e-ip-lists', [{}]);
		expect(list).toMatchObject({
			list: 'callback',
			direction: 'ingress',
			ipList: ['101.226.103.0/25', '182.254.11.176', '140.207.54.76'],
		});
	});
});
