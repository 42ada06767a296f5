import { sleep } from 'n8n-workflow';

import { sendWeComCallback, type XmlObject } from '../../sandbox/callbacks.cjs';
import { llmOf, standInAnswer } from '../../sandbox/llm.cjs';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../../sandbox/wecom/apps.cjs';
import { SANDBOX_AIBOT } from '../../sandbox/wecom/aibot.cjs';
import { AiBotMember } from '../../sandbox/wecom/aibotSender.cjs';
import assistant from '../../examples/wecom-ai-assistant.json';
import aiBotAgent from '../../examples/wecom-ai-bot-agent.json';
import { sandboxCredentials, webhookOf } from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n, type WorkflowFixture } from './lab.cjs';

/**
 * The two AI-assistant examples in a real n8n, with n8n's own AI Agent, Simple Memory and OpenAI Chat
 * Model node — the model being the sandbox's deterministic stand-in (sandbox/llm.cts), slowed down to
 * 12 seconds where WeCom's retries matter. What the member sees is read from the sandbox: the app
 * messages delivered to them, or the AI-bot stream WeCom showed them.
 */

describe('AI assistant examples in real n8n (AI Agent, memory, a 12-second model)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	let msgId = 88_000;

	const appTarget = () => ({
		url: `${n8n.webhookUrl}/webhook/${webhookOf(assistant)}/callback`,
		token: SANDBOX_CALLBACK.token,
		encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
		receiveId: SANDBOX_CORP_ID,
	});
	const member = () =>
		new AiBotMember(sandbox.state, sandbox.url, {
			url: `${n8n.webhookUrl}/webhook/${webhookOf(aiBotAgent)}/callback`,
			...SANDBOX_AIBOT,
		});
	const textFrom = (user: string, content: string): XmlObject => ({
		ToUserName: SANDBOX_CORP_ID,
		FromUserName: user,
		CreateTime: Math.floor(Date.now() / 1000),
		MsgType: 'text',
		Content: content,
		MsgId: String(++msgId),
		AgentID: 1000002,
	});
	/** App messages the member received since `from`, in order. */
	const received = (user: string, from: number) =>
		sandbox.state.wecom.messages.sent
			.slice(from)
			.filter((m) => m.delivered.includes(user))
			.map((m) => ({ msgtype: m.msgtype, content: String(m.payload.content) }));
	const executions = async (workflow: { id: string }) => (await n8n.executions(workflow.id)).length;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({
			credentials: sandboxCredentials(sandbox),
			workflows: [assistant, aiBotAgent] as unknown as WorkflowFixture[],
		});
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	beforeEach(() => {
		const llm = llmOf(sandbox.state);
		llm.delayMs = 0;
		llm.tokenGapMs = 0;
		llm.failNext = 0;
	});

	it('app: WeCom retries a message while the agent thinks for 12 s — one run, one thinking notice, one answer', async () => {
		llmOf(sandbox.state).delayMs = 12_000;
		const before = {
			sent: sandbox.state.wecom.messages.sent.length,
			runs: await executions(assistant),
		};
		const calls = llmOf(sandbox.state).calls.length;
		const message = textFrom('zhangsan', '下周三的例会几点开始？');
		// WeCom's schedule: the message and its two retries, 5 s apart (3 deliveries in total).
		const deliveries = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			if (attempt) await sleep(5000);
			deliveries.push(await sendWeComCallback(appTarget(), message));
		}
		expect(deliveries.map((d) => [d.status, d.body])).toEqual([
			[200, ''],
			[200, ''],
			[200, ''],
		]);
		expect(Math.max(...deliveries.map((d) => d.latencyMs))).toBeLessThan(1000);
		await waitFor(async () => received('zhangsan', before.sent).length >= 2, 60_000);
		await sleep(6000); // a second answer would have arrived by now
		expect(received('zhangsan', before.sent)).toEqual([
			{ msgtype: 'text', content: '正在思考，请稍候…' },
			{ msgtype: 'markdown', content: standInAnswer('下周三的例会几点开始？', 1) },
		]);
		expect(await executions(assistant)).toBe(before.runs + 1);
		expect(llmOf(sandbox.state).calls.length).toBe(calls + 1);
	}, 120_000);

	it('app: memory per member, no notice for a fast answer, long answers split, failures answered politely', async () => {
		const start = sandbox.state.wecom.messages.sent.length;
		await sendWeComCallback(appTarget(), textFrom('zhangsan', '那周四呢？'));
		await waitFor(async () => received('zhangsan', start).length === 1, 60_000);
		await sendWeComCallback(appTarget(), textFrom('lisi', '你好'));
		await waitFor(async () => received('lisi', start).length === 1, 60_000);
		// zhangsan's second turn remembers the first; lisi starts his own conversation.
		expect(received('zhangsan', start)).toEqual([
			{ msgtype: 'markdown', content: standInAnswer('那周四呢？', 2) },
		]);
		expect(received('lisi', start)).toEqual([
			{ msgtype: 'markdown', content: standInAnswer('你好', 1) },
		]);

		const long = sandbox.state.wecom.messages.sent.length;
		await sendWeComCallback(appTarget(), textFrom('wangwu', '请详细介绍报销流程'));
		await waitFor(async () => received('wangwu', long).length > 1, 60_000);
		await sleep(2000);
		const parts = received('wangwu', long);
		expect(
			parts.every((p) => p.msgtype === 'markdown' && Buffer.byteLength(p.content) <= 2048),
		).toBe(true);
		expect(
			parts
				.map((p) => p.content)
				.join('\n\n')
				.replace(/\s+/g, ''),
		).toBe(standInAnswer('请详细介绍报销流程', 1).replace(/\s+/g, ''));

		llmOf(sandbox.state).failNext = 10;
		const failing = sandbox.state.wecom.messages.sent.length;
		await sendWeComCallback(appTarget(), textFrom('zhaoliu', '会失败的问题'));
		await waitFor(async () => received('zhaoliu', failing).length >= 1, 90_000);
		await sleep(2000);
		expect(received('zhaoliu', failing).at(-1)).toEqual({
			msgtype: 'text',
			content: '抱歉，我暂时无法回答这个问题，请稍后再试或联系管理员。',
		});
		expect(received('zhaoliu', failing).filter((m) => m.msgtype === 'markdown')).toEqual([]);
	}, 240_000);

	it('AI bot: URL check passes, forged callbacks get 403 and start nothing', async () => {
		const before = await executions(aiBotAgent);
		expect(await member().verifyUrl('9988776655')).toMatchObject({ ok: true });
		expect((await member().verifyUrl('1', 'signature')).status).toBe(403);
		const payload = member().messagePayload({ userid: 'zhangsan', text: 'x' }, 'forged-1');
		expect((await member().post(payload, { tamper: 'signature' })).status).toBe(403);
		expect((await member().post(payload, { tamper: 'receive-id' })).status).toBe(403);
		expect((await member().post(payload, { tamper: 'stale' })).status).toBe(403);
		await sleep(1500);
		expect(await executions(aiBotAgent)).toBe(before);
	});

	it('AI bot: a retry storm while a 12 s agent streams — one run, one stream, the answer shown as it is written, once', async () => {
		const llm = llmOf(sandbox.state);
		llm.delayMs = 12_000;
		llm.tokenGapMs = 1200;
		const before = await executions(aiBotAgent);
		const calls = llm.calls.length;
		const conversation = await member().say(
			{ userid: 'sunqi', text: '帮我写一段会议通知', chattype: 'group', chatid: 'wrTeam001' },
			{ retries: 'storm', settleMs: 2000 },
		);
		const answer = standInAnswer('帮我写一段会议通知', 1);
		expect(conversation.problems).toEqual([]);
		expect(conversation.deliveries.map((d) => [d.status, d.kind])).toEqual([
			[200, 'stream'],
			[200, 'stream'],
			[200, 'stream'],
		]);
		expect(Math.max(...conversation.deliveries.map((d) => d.latencyMs))).toBeLessThan(1000);
		expect(conversation.streamIds).toHaveLength(1);
		expect(conversation.finished).toBe(true);
		expect(conversation.finalContent).toBe(answer);
		expect(conversation.answers).toBe(1);
		expect(conversation.activeReplies).toEqual([]);
		// Thinking first, then the answer growing piece by piece as the model wrote it.
		expect(conversation.shown[0]).toBe('正在思考…');
		const partial = conversation.shown.slice(1, -1);
		expect(partial.length).toBeGreaterThan(0);
		for (const text of partial) expect(answer.startsWith(text)).toBe(true);
		expect(await executions(aiBotAgent)).toBe(before + 1);
		expect(llm.calls.length).toBe(calls + 1);
	}, 120_000);

	it('AI bot: memory per member within a group; a failing model ends the stream with the fallback answer', async () => {
		const first = await member().say({
			userid: 'sunqi',
			text: '继续',
			chattype: 'group',
			chatid: 'wrTeam001',
		});
		expect(first.finalContent).toBe(standInAnswer('继续', 2));
		const other = await member().say({
			userid: 'zhouba',
			text: '你好',
			chattype: 'group',
			chatid: 'wrTeam001',
		});
		expect(other.finalContent).toBe(standInAnswer('你好', 1));

		llmOf(sandbox.state).failNext = 10;
		const failed = await member().say({ userid: 'wujiu', text: '会失败' });
		expect(failed.problems).toEqual([]);
		expect(failed.finalContent).toBe('抱歉，暂时无法回答，请稍后再试。');
		expect(failed.answers).toBe(1);
	}, 180_000);
});
