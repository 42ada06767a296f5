import { sleep } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { sendWeComCallback, type XmlObject } from '../../sandbox/callbacks.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../../sandbox/wecom/apps.cjs';
import eventRouter from '../../examples/wecom-event-router.json';
import {
	itemsWorkflow,
	sandboxCredentials,
	triggerUrl,
	triggerWorkflow,
	WECOM_APP,
	WECOM_CALLBACK,
	webhookOf,
} from './fixtures.cjs';
import { cleanup, startN8nQueue, waitFor, type N8n } from './lab.cjs';

const SEND = 'e2eQueueSend0001';
/** A second workflow on the same app's events (another callback URL). */
const ALSO = 'e2eQueueTrig0002';

const workflows = [
	eventRouter,
	itemsWorkflow(SEND, 'e2e-queue-send', {
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
	triggerWorkflow(ALSO, {
		type: 'n8n-nodes-wecom-welink.weComTrigger',
		parameters: { events: ['*'] },
		credentials: WECOM_CALLBACK,
	}),
];

/**
 * Queue mode as production runs it: the main process only activates workflows and serves the REST
 * API, the webhook processor answers WeCom and enqueues, the worker executes (Redis in between, one
 * shared database). Tokens fetched on the worker are persisted for every other process.
 */
describe('queue mode in real n8n (main + worker + webhook processor + Redis)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const sent = () => sandbox.state.wecom.messages.sent;
	const workerRan = (executionId: string) =>
		new RegExp(`Worker (started|finished) execution ${executionId}\\b`).test(n8n.logs('worker'));

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8nQueue({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('runs a WeCom action workflow on the worker, answered through the webhook processor', async () => {
		expect(n8n.webhookUrl).not.toBe(n8n.url);
		const before = sent().length;
		const { status, data } = await n8n.webhook('e2e-queue-send', {
			items: [
				{ members: 'zhangsan', text: '队列模式：第一条' },
				{ members: 'lisi', text: '队列模式：第二条' },
			],
		});
		expect(status).toBe(200);
		expect(data).toEqual([
			expect.objectContaining({ calls: 1 }),
			expect.objectContaining({ calls: 1 }),
		]);
		expect(sent().slice(before)).toEqual([
			expect.objectContaining({
				delivered: ['zhangsan'],
				payload: { content: '队列模式：第一条' },
			}),
			expect.objectContaining({ delivered: ['lisi'], payload: { content: '队列模式：第二条' } }),
		]);
		const [execution] = await n8n.executions(SEND);
		expect(execution.status).toBe('success');
		await waitFor(
			async () => workerRan(execution.id),
			10_000,
			() => n8n.logs('worker'),
		);
	});

	it('a WeCom Trigger callback enters through the webhook processor and runs on the worker; a retry runs nothing', async () => {
		const before = sent().length;
		const target = {
			url: `${n8n.webhookUrl}/webhook/${webhookOf(eventRouter)}/callback`,
			token: SANDBOX_CALLBACK.token,
			encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
			receiveId: SANDBOX_CORP_ID,
		};
		const message: XmlObject = {
			ToUserName: SANDBOX_CORP_ID,
			FromUserName: 'wangwu',
			CreateTime: Math.floor(Date.now() / 1000),
			MsgType: 'text',
			Content: '队列里的问题',
			MsgId: '9100001',
			AgentID: 1000002,
		};
		const first = await sendWeComCallback(target, message);
		expect(first.status).toBe(200);
		// WeCom's deadline, not a performance target: no 200 within 5 s and WeCom retries (§6).
		expect(first.latencyMs).toBeLessThan(5000);
		// WeCom retries a callback it thinks was lost: same message, same MsgId.
		const retry = await sendWeComCallback(target, message);
		expect(retry.status).toBe(200);
		await waitFor(
			async () => sent().length > before,
			30_000,
			() => n8n.logs('worker'),
		);
		await waitFor(
			async () => (await n8n.executions(eventRouter.id))[0]?.status === 'success',
			20_000,
		);
		await sleep(2000);
		expect(sent().slice(before)).toEqual([
			expect.objectContaining({
				delivered: ['wangwu'],
				payload: { content: '收到：队列里的问题' },
			}),
		]);
		const executions = await n8n.executions(eventRouter.id);
		expect(executions).toHaveLength(1);
		expect(executions[0].nodeOutputs['WeCom Callback'][0]).toMatchObject({
			eventKey: 'msg:text',
			fromUser: 'wangwu',
		});
		// The same event to another workflow starts it once too (de-duplication is per workflow).
		const also = { ...target, url: triggerUrl(n8n.webhookUrl, ALSO) };
		for (const attempt of [message, message])
			expect((await sendWeComCallback(also, attempt)).status).toBe(200);
		await waitFor(async () => (await n8n.executions(ALSO))[0]?.status === 'success', 30_000);
		await sleep(2000);
		expect(await n8n.executions(ALSO)).toHaveLength(1);
		await waitFor(
			async () => workerRan(executions[0].id),
			10_000,
			() => n8n.logs('worker'),
		);
	});

	it('over the whole run: at most one token fetch per executing process, no message delivered twice', () => {
		const tokenFetches = sandbox.state.log.counts({ platform: 'wecom' })['/cgi-bin/gettoken'] ?? 0;
		expect(tokenFetches).toBeGreaterThanOrEqual(1);
		// The worker runs every execution; the webhook processor only decrypts and answers callbacks.
		expect(tokenFetches).toBeLessThanOrEqual(2);
		const contents = sent().map((m) => JSON.stringify([m.delivered, m.payload]));
		expect(new Set(contents).size).toBe(contents.length);
		expect(sent()).toHaveLength(3);
		expect(sandbox.state.wecom.messages.duplicatesSuppressed).toBe(0);
		expect(n8n.logs('main')).not.toMatch(/Worker (started|finished) execution/);
	});
});
