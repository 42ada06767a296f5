import { sendWeComCallback, type SentCallback } from '../sandbox/callbacks.cjs';
import { startSandbox } from '../sandbox/server.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../sandbox/wecom/apps.cjs';
import {
	sandboxCredentials,
	triggerUrl,
	triggerWorkflow,
	WECOM_CALLBACK,
	webhookIdFor,
} from '../test/e2e/fixtures.cjs';
import { cleanup, startN8n, type WorkflowFixture } from '../test/e2e/lab.cjs';
import { fmt, percentile, progress, type Row } from './report.cjs';

/**
 * Row 6: how fast a real n8n (1.123.81, from the e2e lab) answers WeCom callbacks sent to an active
 * WeCom Trigger workflow's production URL, with 50 requests in flight at all times. Every callback
 * is a new text message (new MsgId), so each one is verified, decrypted, acknowledged and then starts
 * an execution, as in production. Latency is measured per request from just before it is sent
 * (signing and encryption are done first) to the end of the answer. For context, the same load is
 * sent to n8n's own Webhook node answering immediately (the floor n8n itself sets on this machine),
 * and the trigger is also timed one request at a time.
 */

const WORKFLOW_ID = 'benchWeComTrig01';
/** n8n's own Webhook node answering at once: the floor n8n itself sets, under the same load. */
const REFERENCE_ID = 'benchPlainHook01';
const REFERENCE_PATH = 'bench-plain-webhook';
const CONCURRENCY = 50;
const WARMUP = 200;
const SEQUENTIAL = 100;
const REQUESTS = 1000;
const P99_TARGET_MS = 100;

let msgId = 9_000_000_000;
const message = () => ({
	ToUserName: SANDBOX_CORP_ID,
	FromUserName: 'zhangsan',
	CreateTime: Math.floor(Date.now() / 1000),
	MsgType: 'text',
	Content: `请帮我预订明天下午三点的会议室 #${++msgId}`,
	MsgId: String(msgId),
	AgentID: 1000002,
});

const referenceWorkflow: WorkflowFixture = {
	id: REFERENCE_ID,
	name: 'Bench plain webhook',
	active: true,
	nodes: [
		{
			id: `${REFERENCE_ID}-webhook`,
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: webhookIdFor(REFERENCE_PATH),
			parameters: {
				httpMethod: 'POST',
				path: REFERENCE_PATH,
				responseMode: 'onReceived',
				options: {},
			},
		},
	],
	connections: {},
};

/** `total` requests with `concurrency` of them in flight at all times (a closed loop). */
async function load(send: () => Promise<SentCallback>, total: number, concurrency: number) {
	const results: SentCallback[] = [];
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < total) {
				next++;
				results.push(await send());
			}
		}),
	);
	const elapsedMs = performance.now() - started;
	const latencies = results.map((r) => r.latencyMs);
	const refused = results.filter((r) => r.status !== 200);
	if (refused.length)
		throw new Error(
			`row 6: ${refused.length} requests not answered 200, e.g. ${JSON.stringify(refused[0])}`,
		);
	return {
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		max: Math.max(...latencies),
		perSecond: (total / elapsedMs) * 1000,
	};
}

async function postJson(url: string, body: unknown): Promise<SentCallback> {
	const started = performance.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(15_000),
	});
	const text = await response.text();
	return {
		status: response.status,
		body: text,
		headers: {},
		latencyMs: performance.now() - started,
	};
}

export async function runWebhook(): Promise<Row[]> {
	const sandbox = await startSandbox();
	progress('row 6: starting n8n 1.123.81 with the pack (import, start, activate)…');
	const startedAt = performance.now();
	const n8n = await startN8n({
		credentials: sandboxCredentials(sandbox).filter((c) => c.type === 'wecomWelinkWeComCallbackApi'),
		workflows: [
			triggerWorkflow(WORKFLOW_ID, {
				type: 'n8n-nodes-wecom-welink.weComTrigger',
				parameters: { events: ['msg:text'] },
				credentials: WECOM_CALLBACK,
			}),
			referenceWorkflow,
		],
	});
	let ok = false;
	try {
		progress(`row 6: n8n ready in ${fmt.s(performance.now() - startedAt)}; warming up…`);
		const target = {
			url: triggerUrl(n8n.url, WORKFLOW_ID),
			token: SANDBOX_CALLBACK.token,
			encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
			receiveId: SANDBOX_CORP_ID,
		};
		const callback = async () => await sendWeComCallback(target, message());
		let n = 0;
		const plain = async () =>
			await postJson(`${n8n.url}/webhook/${REFERENCE_PATH}`, { n: ++n, text: '会议室预订' });
		const executions = async (workflowId: string) => {
			const { data } = await n8n.rest.get('/rest/executions', {
				params: { filter: JSON.stringify({ workflowId }), limit: 1 },
			});
			return Number(data.data?.count ?? 0);
		};
		/** Waits (at most 60 s) until every execution started so far has finished, so runs do not overlap. */
		const drain = async (workflowId: string, expected: number) => {
			const started = performance.now();
			while ((await executions(workflowId)) < expected && performance.now() - started < 60_000)
				await new Promise((r) => setTimeout(r, 500));
			return { finished: await executions(workflowId), ms: performance.now() - started };
		};
		let sent = 0;
		await load(callback, WARMUP, 10);
		await load(plain, WARMUP, 10);
		sent += WARMUP;
		await drain(WORKFLOW_ID, sent);
		await drain(REFERENCE_ID, WARMUP);

		progress(`row 6: ${SEQUENTIAL} callbacks one at a time…`);
		const sequential = await load(callback, SEQUENTIAL, 1);
		sent += SEQUENTIAL;
		await drain(WORKFLOW_ID, sent);

		progress(`row 6: ${REQUESTS} callbacks, ${CONCURRENCY} in flight…`);
		const loaded = await load(callback, REQUESTS, CONCURRENCY);
		sent += REQUESTS;
		const drained = await drain(WORKFLOW_ID, sent);

		progress(
			`row 6: reference, n8n's own Webhook node: ${REQUESTS} requests, ${CONCURRENCY} in flight…`,
		);
		const reference = await load(plain, REQUESTS, CONCURRENCY);

		const common = `${fmt.int(REQUESTS)} callbacks (new MsgIds) after ${WARMUP} warm-up, ${CONCURRENCY} in flight (closed loop), ${fmt.int(loaded.perSecond)} acks/s; all answered 200`;
		ok = true;
		return [
			{
				id: '6a',
				what: 'Real n8n webhook ack latency p50, active WeCom Trigger workflow, 50 concurrent callbacks',
				measured: fmt.ms(loaded.p50),
				target: `< ${P99_TARGET_MS} ms (the p99 target)`,
				pass: loaded.p50 < P99_TARGET_MS,
				notes: `${common}; one at a time: p50 ${fmt.ms(sequential.p50)}, p99 ${fmt.ms(sequential.p99)}`,
			},
			{
				id: '6b',
				what: 'Real n8n webhook ack latency p99, same run',
				measured: fmt.ms(loaded.p99),
				target: `< ${P99_TARGET_MS} ms`,
				pass: loaded.p99 < P99_TARGET_MS,
				notes: `max ${fmt.ms(loaded.max)}; ${fmt.int(drained.finished)} executions finished ${fmt.s(drained.ms)} after the last ack (each callback starts one; n8n 1.123.81, SQLite, executions saved)`,
			},
			{
				id: '6c',
				what: 'Reference: n8n’s own Webhook node (Respond Immediately), same load',
				measured: `p50 ${fmt.ms(reference.p50)}, p99 ${fmt.ms(reference.p99)}`,
				target: '— (n8n’s floor, for context)',
				notes: `${fmt.int(REQUESTS)} JSON POSTs, ${CONCURRENCY} in flight, ${fmt.int(reference.perSecond)} acks/s, max ${fmt.ms(reference.max)}`,
			},
		];
	} finally {
		await n8n.stop();
		await sandbox.close();
		if (ok) cleanup(n8n);
		else process.stderr.write(`[bench] n8n log kept in ${n8n.home}\n`);
	}
}
