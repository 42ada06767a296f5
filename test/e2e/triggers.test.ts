import { sleep } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { sendWeComCallback, verifyWeComUrl, type XmlObject } from '../../sandbox/callbacks.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../../sandbox/wecom/apps.cjs';
import { decryptWeCom, parseEncodingAesKey } from '../../nodes/shared/crypto/wecom';
import { parseXml } from '../../nodes/shared/xml';
import eventRouter from '../../examples/wecom-event-router.json';
import {
	sandboxCredentials,
	triggerUrl,
	triggerWorkflow,
	WECOM_CALLBACK,
	WECOM_CUSTOMER,
	webhookOf,
} from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n } from './lab.cjs';

const APP = 'e2eWeComTrig0001';
const EXTERNAL = 'e2eWeComExtTrig1';
/** One event to several workflows: a catch-all trigger, a second URL, a customer-contact trigger. */
const CATCH_ALL = 'e2eWeComAllTrig1';
const SECOND_URL = 'e2eWeComAllTrig2';
const CUSTOMERS = 'e2eWeComExtTrig2';

const workflows = [
	eventRouter,
	triggerWorkflow(APP, {
		type: 'n8n-nodes-wecom-welink.weComTrigger',
		parameters: {
			events: ['msg:text', 'event:template_card_event', 'contact:create_user'],
			reply: { replaceButton: '已处理' },
		},
		credentials: WECOM_CALLBACK,
	}),
	triggerWorkflow(EXTERNAL, {
		type: 'n8n-nodes-wecom-welink.weComExternalContactTrigger',
		parameters: {
			events: ['external:add_external_contact'],
			includeDetails: true,
			sendWelcome: true,
			welcomeText: '您好，我是您的专属顾问张三。',
		},
		credentials: { ...WECOM_CALLBACK, ...WECOM_CUSTOMER },
	}),
	...[CATCH_ALL, SECOND_URL].map((id) =>
		triggerWorkflow(id, {
			type: 'n8n-nodes-wecom-welink.weComTrigger',
			parameters: { events: ['*'] },
			credentials: WECOM_CALLBACK,
		}),
	),
	triggerWorkflow(CUSTOMERS, {
		type: 'n8n-nodes-wecom-welink.weComExternalContactTrigger',
		parameters: { events: ['external:add_external_contact'] },
		credentials: WECOM_CALLBACK,
	}),
];

describe('WeCom triggers in real n8n (production webhook URLs)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const target = (workflowId: string) => ({
		url: triggerUrl(n8n.url, workflowId),
		token: SANDBOX_CALLBACK.token,
		encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
		receiveId: SANDBOX_CORP_ID,
	});
	const count = async (workflowId: string) => (await n8n.executions(workflowId)).length;
	let msgId = 7000;
	const text = (content: string): XmlObject => ({
		ToUserName: SANDBOX_CORP_ID,
		FromUserName: 'zhangsan',
		CreateTime: Math.floor(Date.now() / 1000),
		MsgType: 'text',
		Content: content,
		MsgId: String(++msgId),
		AgentID: 1000002,
	});

	/** WeCom's event for a customer added by a member (客户联系), sent by "sys". */
	const customerAdded = (
		userId: string,
		externalUserId: string,
		state: string,
		welcomeCode: string,
	): XmlObject => ({
		ToUserName: SANDBOX_CORP_ID,
		FromUserName: 'sys',
		CreateTime: Math.floor(Date.now() / 1000),
		MsgType: 'event',
		Event: 'change_external_contact',
		ChangeType: 'add_external_contact',
		UserID: userId,
		ExternalUserID: externalUserId,
		State: state,
		WelcomeCode: welcomeCode,
	});

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('passes WeCom’s URL verification (GET echostr) and refuses a forged one', async () => {
		const ok = await verifyWeComUrl(target(APP), '5555666677778888');
		expect(ok).toMatchObject({ ok: true, status: 200, body: '5555666677778888' });
		const forged = await verifyWeComUrl(target(APP), '1', { tamper: 'signature' });
		expect(forged.status).toBe(403);
	});

	it('acks within WeCom’s deadline and starts one execution with the event; a retry starts none', async () => {
		const before = await count(APP);
		const message = text('你好, ]]> 这里有 CDATA 结束符');
		const first = await sendWeComCallback(target(APP), message);
		expect(first.status).toBe(200);
		expect(first.body).toBe('');
		// WeCom's deadline, not a performance target: no 200 within 5 s and WeCom retries (§6).
		expect(first.latencyMs).toBeLessThan(5000);
		await waitFor(async () => (await count(APP)) === before + 1, 20_000);
		const retry = await sendWeComCallback(target(APP), message);
		expect(retry.status).toBe(200);
		const [execution] = await n8n.executions(APP);
		expect(execution.nodeOutputs.Trigger[0]).toMatchObject({
			Content: '你好, ]]> 这里有 CDATA 结束符',
			event: 'text',
			eventKey: 'msg:text',
			fromUser: 'zhangsan',
			agentId: 1000002,
		});
		await sleep(2000);
		expect(await count(APP)).toBe(before + 1);
	});

	it('answers a card click with an encrypted button update', async () => {
		const click = {
			ToUserName: SANDBOX_CORP_ID,
			FromUserName: 'lisi',
			CreateTime: Math.floor(Date.now() / 1000),
			MsgType: 'event',
			Event: 'template_card_event',
			EventKey: 'approve',
			TaskId: 'task-1',
			CardType: 'button_interaction',
			ResponseCode: 'RC-e2e',
			AgentID: 1000002,
		};
		const before = await count(APP);
		const result = await sendWeComCallback(target(APP), click);
		expect(result.status).toBe(200);
		const outer = parseXml(result.body).value as Record<string, string>;
		const inner = parseXml(
			decryptWeCom(parseEncodingAesKey(SANDBOX_CALLBACK.encodingAesKey), outer.Encrypt).message,
		).value;
		expect(inner).toMatchObject({
			MsgType: 'update_button',
			Button: { ReplaceName: '已处理' },
			ToUserName: 'lisi',
		});
		await waitFor(async () => (await count(APP)) === before + 1, 20_000);
	});

	it('refuses forged, stale, misaddressed and malformed callbacks with 4xx and starts nothing', async () => {
		const before = await count(APP);
		const stale = String(Math.floor(Date.now() / 1000) - 3600);
		const cases = [
			await sendWeComCallback(target(APP), text('forged'), { tamper: 'signature' }),
			await sendWeComCallback(target(APP), text('unsigned'), { tamper: 'no-signature' }),
			await sendWeComCallback(target(APP), text('replayed'), { timestamp: stale }),
			await sendWeComCallback(target(APP), text('other corp'), { tamper: 'receive-id' }),
			await sendWeComCallback(target(APP), text('broken'), { tamper: 'not-base64' }),
		];
		expect(cases.map((c) => c.status)).toEqual([403, 403, 403, 403, 400]);
		await sleep(2000);
		expect(await count(APP)).toBe(before);
	});

	it('drops events outside the filter (acknowledged, no execution)', async () => {
		const before = await count(APP);
		const enter = {
			ToUserName: SANDBOX_CORP_ID,
			FromUserName: 'wangwu',
			CreateTime: Math.floor(Date.now() / 1000),
			MsgType: 'event',
			Event: 'enter_agent',
			AgentID: 1000002,
		};
		expect((await sendWeComCallback(target(APP), enter)).status).toBe(200);
		await sleep(1500);
		expect(await count(APP)).toBe(before);
	});

	it('external contact added: sends the welcome message with the WelcomeCode and includes the contact details', async () => {
		const before = await count(EXTERNAL);
		const welcomeCode = sandbox.state.wecom.external.issueWelcomeCode(
			'wmEXT0001',
			sandbox.state.now(),
		);
		const event = customerAdded('zhangsan', 'wmEXT0001', 'expo2026', welcomeCode);
		const result = await sendWeComCallback(target(EXTERNAL), event);
		expect(result.status).toBe(200);
		await waitFor(async () => (await count(EXTERNAL)) === before + 1, 20_000);
		const [execution] = await n8n.executions(EXTERNAL);
		expect(execution.nodeOutputs.Trigger[0]).toMatchObject({
			changeType: 'add_external_contact',
			ExternalUserID: 'wmEXT0001',
			welcomeMessage: { sent: true },
			contact: { name: '李先生' },
			followUsers: [expect.objectContaining({ userid: 'zhangsan', remark: '李总' })],
		});
		expect(sandbox.state.wecom.external.welcomesSent).toEqual([
			{
				externalUserId: 'wmEXT0001',
				body: { welcome_code: welcomeCode, text: { content: '您好，我是您的专属顾问张三。' } },
			},
		]);
	});

	it('runs the event-router example: a member’s text message is answered through the app', async () => {
		const before = sandbox.state.wecom.messages.sent.length;
		const url = `${n8n.url}/webhook/${webhookOf(eventRouter)}/callback`;
		const result = await sendWeComCallback({ ...target(APP), url }, text('请问明天几点开会？'));
		expect(result.status).toBe(200);
		await waitFor(async () => sandbox.state.wecom.messages.sent.length > before, 20_000);
		expect(sandbox.state.wecom.messages.sent[before]).toMatchObject({
			msgtype: 'text',
			delivered: ['zhangsan'],
			payload: { content: '收到：请问明天几点开会？' },
		});
	});

	it('one event sent to three workflows starts three executions; a retry to each starts none, also after a restart', async () => {
		const ids = [CATCH_ALL, SECOND_URL, CUSTOMERS];
		const counts = async () => await Promise.all(ids.map(count));
		const before = await counts();
		const added = customerAdded('lisi', 'wmEXTdedup01', 'e2e-dedup', 'WELCOME-dedup-01');
		const sendToEach = async () => {
			for (const id of ids) expect((await sendWeComCallback(target(id), added)).status).toBe(200);
		};
		await sendToEach();
		const once = before.map((n) => n + 1);
		await waitFor(async () => JSON.stringify(await counts()) === JSON.stringify(once), 20_000);
		// WeCom's retries of it, to each URL.
		await sendToEach();
		// After a restart only the workflows' static data remembers the event.
		await n8n.restart(async () => {
			const checks = await Promise.all(ids.map(async (id) => await verifyWeComUrl(target(id))));
			return checks.every((check) => check.status === 200);
		});
		await sendToEach();
		await sleep(2000);
		expect(await counts()).toEqual(once);
	});
});
