import axios from 'axios';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { seedLargeContacts } from '../../sandbox/wecom/contacts.cjs';
import { SANDBOX_ROBOT_KEY } from '../../sandbox/wecom/world.cjs';
import dailyBroadcast from '../../examples/daily-broadcast.json';
import expenseApproval from '../../examples/expense-approval-send-and-wait.json';
import {
	CREDENTIAL_IDS,
	itemsWorkflow,
	sandboxCredentials,
	WECOM_APP,
	withManualStart,
} from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n } from './lab.cjs';

const workflows = [
	withManualStart(dailyBroadcast),
	expenseApproval,
	itemsWorkflow('e2eMessageSend01', 'e2e-message-send', {
		type: 'n8n-nodes-wecom-welink.weCom',
		parameters: {
			resource: 'message',
			operation: 'send',
			recipients: { members: '={{ $json.members }}' },
			messageType: 'text',
			content: '={{ $json.text }}',
		},
		credentials: WECOM_APP,
	}),
	itemsWorkflow('e2eRobotSend0001', 'e2e-robot-send', {
		type: 'n8n-nodes-wecom-welink.weCom',
		parameters: {
			resource: 'groupRobot',
			operation: 'send',
			robotMessageType: 'markdown',
			content: '={{ $json.text }}',
		},
		credentials: {
			wecomWelinkWeComRobotApi: { id: CREDENTIAL_IDS.wecomRobot, name: 'WeCom robot (sandbox)' },
		},
	}),
];

describe('messages in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const store = () => sandbox.state.wecom.messages;

	beforeAll(async () => {
		sandbox = await startSandbox();
		seedLargeContacts(sandbox.state.wecom.contacts, 40, 2500);
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	beforeEach(() => {
		sandbox.state.log.clear();
		sandbox.state.faults.clear();
	});

	it('sends one message to 2,500 members in 3 calls, merged into one output item', async () => {
		const members = Array.from({ length: 2500 }, (_, i) => `u${i}`);
		const { data } = await n8n.webhook('e2e-message-send', {
			items: [{ members, text: '系统维护通知' }],
		});
		expect(data).toEqual([
			expect.objectContaining({
				calls: 3,
				invalidUsers: [],
				recipients: { members: 2500, departments: 0, tags: 0 },
			}),
		]);
		expect(sandbox.state.log.counts({ platform: 'wecom' })['/cgi-bin/message/send']).toBe(3);
	});

	it('never delivers a message twice when its answer is lost', async () => {
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/message/send',
			kind: 'drop-after',
		});
		const before = store().sent.length;
		const { data } = await n8n.webhook('e2e-message-send', {
			items: [{ members: 'lisi', text: '工资条已发放' }],
		});
		expect(data).toEqual([expect.objectContaining({ calls: 1 })]);
		expect(sandbox.state.log.all({ path: '/cgi-bin/message/send' })).toHaveLength(2);
		expect(store().sent.length - before).toBe(1);
		expect(store().duplicatesSuppressed).toBeGreaterThanOrEqual(1);
	});

	it('posts markdown through the group robot', async () => {
		const { status } = await n8n.webhook('e2e-robot-send', {
			items: [{ text: '## 构建成功\n> 版本 1.4.2' }],
		});
		expect(status).toBe(200);
		expect(sandbox.state.wecom.robots.get(SANDBOX_ROBOT_KEY)?.messages.at(-1)).toEqual({
			msgtype: 'markdown',
			markdown: { content: '## 构建成功\n> 版本 1.4.2' },
		});
	});

	it('runs the daily broadcast example (schedule replaced by a manual start): one text card per row', async () => {
		const before = store().sent.length;
		const result = await n8n.execute(dailyBroadcast.id);
		expect(result.ok).toBe(true);
		const cards = store().sent.slice(before);
		expect(cards.map((m) => (m.payload as { title: string }).title)).toEqual([
			'研发中心早报',
			'销售部早报',
			'人力资源部早报',
		]);
		expect(cards.every((m) => m.msgtype === 'textcard')).toBe(true);
	});

	it('send and wait: the manager taps Approve in WeCom and the workflow continues with the answer', async () => {
		const before = store().sent.length;
		const { status } = await n8n.webhook('expense-approval', {
			applicant: 'zhangsan',
			manager: 'lisi',
			amount: 320,
			reason: '客户拜访打车',
		});
		expect(status).toBe(200);
		await waitFor(async () => store().sent.length > before, 30_000);
		const card = store().sent[before];
		expect(card).toMatchObject({ msgtype: 'template_card', delivered: ['lisi'] });
		const buttons = (card.payload as { button_list: Array<{ text: string; url: string }> })
			.button_list;
		expect(buttons.map((b) => b.text)).toEqual(['驳回', '同意']);
		const approve = buttons[1].url;
		expect(approve).toContain(`${n8n.url}/webhook-waiting/`);

		const forged = await axios.get(approve.replace(/signature=[0-9a-f]+/, 'signature=0000'), {
			validateStatus: () => true,
		});
		expect(forged.status).toBeGreaterThanOrEqual(400);
		const click = await axios.get(approve, {
			headers: { 'user-agent': 'Mozilla/5.0 wxwork/4.1.36' },
			validateStatus: () => true,
		});
		expect(click.status).toBe(200);
		expect(String(click.data)).toContain('Approved / 已同意');

		await waitFor(async () => store().sent.length > before + 1, 30_000);
		expect(store().sent[before + 1]).toMatchObject({
			msgtype: 'text',
			delivered: ['zhangsan'],
			payload: { content: '你的报销（320 元）已批准。' },
		});
		const [execution] = await n8n.executions(expenseApproval.id);
		expect(execution.status).toBe('success');
		expect(execution.nodeOutputs['Ask the Manager']).toEqual([{ data: { approved: true } }]);
	});
});
