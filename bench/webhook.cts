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
import { cleanup, startN8n, type N8n, type WorkflowFixture } from '../test/e2e/lab.cjs';
import { fmt, percentile, progress, type Row } from './report.cjs';

/**
 * Row 6: how our WeCom Trigger acknowledges callbacks compared with n8n's own Webhook node, in the
 * same n8n under the same load, in alternating blocks of the same run: first one regular n8n process
 * (1.123.81, from the e2e lab), then queue mode (Redis, main, worker and the webhook processor that
 * answers), where a user scales out. What n8n itself costs per request (HTTP,
 * routing, saving the execution to SQLite) is in both; the ratios show what the trigger adds.
 *
 * Every callback is a new text message (new MsgId), so each one is verified, decrypted,
 * acknowledged and then starts an execution, as in production; the Webhook node answers at once
 * (Respond Immediately) and starts an execution too. 50 requests are in flight at all times (a
 * closed loop); latency runs from just before a request is sent (signing and encryption done) to
 * the end of its answer.
 */

const WORKFLOW_ID = 'benchWeComTrig01';
const REFERENCE_ID = 'benchPlainHook01';
const REFERENCE_PATH = 'bench-plain-webhook';
const CONCURRENCY = 50;
const WARMUP = 100;
const SEQUENTIAL = 50;
/** Requests to each side, in ROUNDS blocks that alternate which side goes first. */
const REQUESTS = 1000;
const ROUNDS = 5;
/** Queue mode: executions a worker runs at once, so the backlog drains between measurements. */
const WORKER_CONCURRENCY = 10;
/** Targets, set before the first measurement: the trigger may cost half again n8n's bare webhook. */
const LATENCY_RATIO_MAX = 1.5;
const THROUGHPUT_RATIO_MIN = 0.67;

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

interface Load {
	p50: number;
	p99: number;
	max: number;
	perSecond: number;
}

/** Latencies of a run of requests and how long the run took. */
interface Block {
	latencies: number[];
	elapsedMs: number;
}

/** `total` requests with `concurrency` of them in flight at all times (a closed loop). */
async function block(
	send: () => Promise<SentCallback>,
	total: number,
	concurrency: number,
): Promise<Block> {
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
	const refused = results.filter((r) => r.status !== 200);
	if (refused.length)
		throw new Error(
			`row 6: ${refused.length} requests not answered 200, e.g. ${JSON.stringify(refused[0])}`,
		);
	return { latencies: results.map((r) => r.latencyMs), elapsedMs };
}

function summary(blocks: Block[]): Load {
	const latencies = blocks.flatMap((b) => b.latencies);
	const elapsedMs = blocks.reduce((sum, b) => sum + b.elapsedMs, 0);
	return {
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		max: Math.max(...latencies),
		perSecond: (latencies.length / elapsedMs) * 1000,
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

interface Comparison {
	trigger: Load;
	reference: Load;
	/** The trigger one request at a time (context). */
	sequential?: Load;
	/** Executions the trigger started that finished, of those it should have started. */
	executions: { finished: number; expected: number };
}

/**
 * The trigger and n8n's Webhook node under the same load on one n8n (regular or queue mode), in
 * alternating blocks (trigger first, then the Webhook node first, …) so that a change in the
 * machine's load hits both; after each block, the executions it started are waited for, so no
 * block pays for the one before.
 */
async function compare(n8n: N8n, label: string, withSequential: boolean): Promise<Comparison> {
	const target = {
		url: triggerUrl(n8n.webhookUrl, WORKFLOW_ID),
		token: SANDBOX_CALLBACK.token,
		encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
		receiveId: SANDBOX_CORP_ID,
	};
	let n = 0;
	const sides = {
		trigger: {
			workflowId: WORKFLOW_ID,
			send: async () => await sendWeComCallback(target, message()),
			sent: 0,
		},
		reference: {
			workflowId: REFERENCE_ID,
			send: async () =>
				await postJson(`${n8n.webhookUrl}/webhook/${REFERENCE_PATH}`, {
					n: ++n,
					text: '会议室预订',
				}),
			sent: 0,
		},
	};
	type Side = keyof typeof sides;
	const finished = async (workflowId: string) => {
		const filter = { workflowId, status: ['success', 'error', 'crashed', 'canceled'] };
		const { data } = await n8n.rest.get('/rest/executions', {
			params: { filter: JSON.stringify(filter), limit: 1 },
		});
		return Number(data.data?.count ?? 0);
	};
	/** Waits until every execution started so far has finished (or none finished for 15 s). */
	const drain = async (side: Side) => {
		const { workflowId, sent } = sides[side];
		let done = await finished(workflowId);
		let lastProgress = performance.now();
		while (done < sent && performance.now() - lastProgress < 15_000) {
			await new Promise((r) => setTimeout(r, 250));
			const now = await finished(workflowId);
			if (now > done) lastProgress = performance.now();
			done = now;
		}
		return done;
	};
	const run = async (side: Side, total: number, concurrency: number) => {
		const measured = await block(sides[side].send, total, concurrency);
		sides[side].sent += total;
		await drain(side);
		return measured;
	};
	progress(`row 6 (${label}): warming up…`);
	await run('trigger', WARMUP, 10);
	await run('reference', WARMUP, 10);
	let sequential: Load | undefined;
	if (withSequential) {
		progress(`row 6 (${label}): ${SEQUENTIAL} callbacks one at a time…`);
		sequential = summary([await run('trigger', SEQUENTIAL, 1)]);
	}
	progress(
		`row 6 (${label}): ${REQUESTS} requests to each, ${CONCURRENCY} in flight, in ${ROUNDS} alternating blocks…`,
	);
	const blocks: Record<Side, Block[]> = { trigger: [], reference: [] };
	for (let round = 0; round < ROUNDS; round++) {
		const order: Side[] = round % 2 ? ['reference', 'trigger'] : ['trigger', 'reference'];
		for (const side of order) blocks[side].push(await run(side, REQUESTS / ROUNDS, CONCURRENCY));
	}
	return {
		trigger: summary(blocks.trigger),
		reference: summary(blocks.reference),
		sequential,
		executions: { finished: await finished(WORKFLOW_ID), expected: sides.trigger.sent },
	};
}

const ratio = (value: number) => `${value.toFixed(2)}×`;

function comparisonRows(ids: [string, string, string], label: string, c: Comparison): Row[] {
	const [a, b, d] = ids;
	const p50 = c.trigger.p50 / c.reference.p50;
	const p99 = c.trigger.p99 / c.reference.p99;
	const throughput = c.trigger.perSecond / c.reference.perSecond;
	const how = `${fmt.int(REQUESTS)} requests each, ${CONCURRENCY} in flight, in ${ROUNDS} alternating blocks`;
	return [
		{
			id: a,
			what: `Webhook ack p50, our WeCom Trigger ÷ n8n’s Webhook node (${label})`,
			measured: `${ratio(p50)} (${fmt.ms(c.trigger.p50)} / ${fmt.ms(c.reference.p50)})`,
			target: `≤ ${ratio(LATENCY_RATIO_MAX)}`,
			pass: p50 <= LATENCY_RATIO_MAX,
			notes: `${how}; all answered 200${c.sequential ? `; the trigger one at a time: p50 ${fmt.ms(c.sequential.p50)}, p99 ${fmt.ms(c.sequential.p99)}` : ''}`,
		},
		{
			id: b,
			what: `Webhook ack p99, our WeCom Trigger ÷ n8n’s Webhook node (${label})`,
			measured: `${ratio(p99)} (${fmt.ms(c.trigger.p99)} / ${fmt.ms(c.reference.p99)})`,
			target: `≤ ${ratio(LATENCY_RATIO_MAX)}`,
			pass: p99 <= LATENCY_RATIO_MAX,
			notes: `max ${fmt.ms(c.trigger.max)} / ${fmt.ms(c.reference.max)}; the trigger started ${fmt.int(c.executions.expected)} executions, ${fmt.int(c.executions.finished)} finished`,
		},
		{
			id: d,
			what: `Webhook acks per second, our WeCom Trigger ÷ n8n’s Webhook node (${label})`,
			measured: `${ratio(throughput)} (${fmt.int(c.trigger.perSecond)} / ${fmt.int(c.reference.perSecond)} acks/s)`,
			target: `≥ ${ratio(THROUGHPUT_RATIO_MIN)}`,
			pass: throughput >= THROUGHPUT_RATIO_MIN,
			notes: 'n8n 1.123.81, SQLite, executions saved; each request starts one execution',
		},
	];
}

export async function runWebhook(): Promise<Row[]> {
	const sandbox = await startSandbox();
	const options = {
		credentials: sandboxCredentials(sandbox).filter(
			(c) => c.type === 'wecomWelinkWeComCallbackApi',
		),
		workflows: [
			triggerWorkflow(WORKFLOW_ID, {
				type: 'n8n-nodes-wecom-welink.weComTrigger',
				parameters: { events: ['msg:text'] },
				credentials: WECOM_CALLBACK,
			}),
			referenceWorkflow,
		],
	};
	const measured: Comparison[] = [];
	try {
		for (const queue of [false, true]) {
			const label = queue ? 'queue mode, webhook processor' : 'one n8n process';
			progress(`row 6 (${label}): starting n8n 1.123.81 with the pack…`);
			const startedAt = performance.now();
			const n8n = await startN8n({ ...options, queue, workerConcurrency: WORKER_CONCURRENCY });
			let ok = false;
			try {
				progress(`row 6 (${label}): n8n ready in ${fmt.s(performance.now() - startedAt)}`);
				measured.push(await compare(n8n, label, !queue));
				ok = true;
			} finally {
				await n8n.stop();
				if (ok) cleanup(n8n);
				else process.stderr.write(`[bench] n8n log kept in ${n8n.home}\n`);
			}
		}
	} finally {
		await sandbox.close();
	}
	return [
		...comparisonRows(['6a', '6b', '6c'], 'one n8n process', measured[0]),
		...comparisonRows(['6d', '6e', '6f'], 'queue mode, webhook processor', measured[1]),
	];
}
