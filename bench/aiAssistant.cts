import { sendWeComCallback } from '../sandbox/callbacks.cjs';
import { llmOf } from '../sandbox/llm.cjs';
import { startSandbox } from '../sandbox/server.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../sandbox/wecom/apps.cjs';
import { SANDBOX_AIBOT } from '../sandbox/wecom/aibot.cjs';
import { AiBotMember } from '../sandbox/wecom/aibotSender.cjs';
import assistant from '../examples/wecom-ai-assistant.json';
import aiBotAgent from '../examples/wecom-ai-bot-agent.json';
import { sandboxCredentials } from '../test/e2e/fixtures.cjs';
import { cleanup, startN8n, type WorkflowFixture } from '../test/e2e/lab.cjs';
import { fmt, progress, type Row } from './report.cjs';

/**
 * Row 8: replies per message an AI assistant gives under WeCom's retry schedule, with an agent that
 * needs 12 seconds (longer than WeCom's 5-second answer deadline). The two examples run unchanged in
 * n8n 1.123.81 with n8n's AI Agent and Simple Memory; the chat model is the sandbox's stand-in, slowed
 * to 12 s. MEMBERS members write at once; each message is delivered three times, 5 s apart — WeCom's
 * retries, as if every acknowledgement had been lost, the harshest case. Counted in the sandbox: app
 * answers (markdown) each member received; for the AI bot, finished streams plus response_url replies.
 */

const MEMBERS = 10;
const AGENT_MS = 12_000;

const webhookOf = (workflow: { nodes: unknown[] }) =>
	(workflow.nodes as Array<{ webhookId?: string }>).find((n) => n.webhookId)?.webhookId as string;
const wait = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function summary(counts: number[]) {
	const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
	return {
		measured: `${mean.toFixed(2)} (min ${Math.min(...counts)}, max ${Math.max(...counts)})`,
		pass: counts.every((c) => c === 1),
	};
}

export async function runAiAssistant(): Promise<Row[]> {
	const sandbox = await startSandbox();
	progress('row 8: starting n8n 1.123.81 with the two AI-assistant examples…');
	const n8n = await startN8n({
		major: 1,
		credentials: sandboxCredentials(sandbox),
		workflows: [assistant, aiBotAgent] as unknown as WorkflowFixture[],
	});
	let ok = false;
	try {
		const llm = llmOf(sandbox.state);
		llm.delayMs = AGENT_MS;
		llm.tokenGapMs = 500;
		const users = Array.from({ length: MEMBERS }, (_, n) => `benchuser${n + 1}`);
		// App messages reach members the app can see: add them to the sandbox's directory.
		users.forEach((userid, n) =>
			sandbox.state.wecom.contacts.addMember({
				userid,
				name: `同事${n + 1}`,
				department: [1],
				main_department: 1,
				mobile: `+86 1390000${String(n).padStart(4, '0')}`,
				email: `${userid}@sandbox.example.com`,
				status: 1,
				enable: 1,
			}),
		);

		progress(
			`row 9a: ${MEMBERS} members write to the app, each message delivered 3 times, 5 s apart…`,
		);
		const from = sandbox.state.wecom.messages.sent.length;
		const appCalls = llm.calls.length;
		const target = {
			url: `${n8n.webhookUrl}/webhook/${webhookOf(assistant)}/callback`,
			token: SANDBOX_CALLBACK.token,
			encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
			receiveId: SANDBOX_CORP_ID,
		};
		const appStarted = performance.now();
		await Promise.all(
			users.map(async (user, n) => {
				const message = {
					ToUserName: SANDBOX_CORP_ID,
					FromUserName: user,
					CreateTime: Math.floor(Date.now() / 1000),
					MsgType: 'text',
					Content: `第 ${n + 1} 位同事的问题`,
					MsgId: String(9_100_000_000 + n),
					AgentID: 1000002,
				};
				for (let attempt = 0; attempt < 3; attempt++) {
					if (attempt) await wait(5000);
					const answer = await sendWeComCallback(target, message);
					if (answer.status !== 200)
						throw new Error(`row 9a: WeCom callback answered ${answer.status}`);
				}
			}),
		);
		// Long enough for every answer, and for any second answer to show up.
		const answersOf = (user: string) =>
			sandbox.state.wecom.messages.sent
				.slice(from)
				.filter((m) => m.delivered.includes(user) && m.msgtype === 'markdown').length;
		while (performance.now() - appStarted < 90_000 && users.some((u) => answersOf(u) < 1))
			await wait(500);
		await wait(10_000);
		const appCounts = users.map(answersOf);
		const notices = users.map(
			(user) =>
				sandbox.state.wecom.messages.sent
					.slice(from)
					.filter((m) => m.delivered.includes(user) && m.msgtype === 'text').length,
		);
		const app = summary(appCounts);

		progress(`row 9b: ${MEMBERS} members write to the AI bot, same schedule, answers streamed…`);
		const botCalls = llm.calls.length;
		const conversations = await Promise.all(
			users.map(
				async (user, n) =>
					await new AiBotMember(sandbox.state, sandbox.url, {
						url: `${n8n.webhookUrl}/webhook/${webhookOf(aiBotAgent)}/callback`,
						...SANDBOX_AIBOT,
					}).say(
						{ userid: user, text: `第 ${n + 1} 个问题` },
						{ retries: 'storm', settleMs: 5000 },
					),
			),
		);
		const bot = summary(conversations.map((c) => c.answers));
		const problems = conversations.flatMap((c) => c.problems);
		const partial = conversations.filter((c) => c.shown.length > 2).length;
		const slowest = Math.max(...conversations.map((c) => c.durationMs));
		ok = true;
		return [
			{
				id: '9a',
				what: `Replies per message, app + WeCom Trigger + AI Agent (${AGENT_MS / 1000} s), WeCom’s retries`,
				measured: app.measured,
				target: 'exactly 1',
				pass: app.pass && botCalls - appCalls === MEMBERS,
				notes: `${MEMBERS} members at once, 3 deliveries each 5 s apart (30 callbacks); model calls: ${botCalls - appCalls}; thinking notices: ${notices.reduce((a, b) => a + b, 0)} (one per member, the answer took longer than 5 s)`,
			},
			{
				id: '9b',
				what: `Replies per message, AI bot + AI Agent streaming (${AGENT_MS / 1000} s), WeCom’s retries`,
				measured: bot.measured,
				target: 'exactly 1',
				pass: bot.pass && !problems.length && llm.calls.length - botCalls === MEMBERS,
				notes: `${MEMBERS} members at once, 3 deliveries each; model calls: ${llm.calls.length - botCalls}; streams per message: ${Math.max(...conversations.map((c) => c.streamIds.length))}; answers shown growing in ${partial} of ${MEMBERS}; protocol problems: ${problems.length}; slowest conversation ${fmt.s(slowest)}`,
			},
		];
	} finally {
		await n8n.stop();
		await sandbox.close();
		if (ok) cleanup(n8n);
		else process.stderr.write(`[bench] n8n log kept in ${n8n.home}\n`);
	}
}
