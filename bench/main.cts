import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { progress, RESULT_PREFIX, type Row } from './report.cjs';

/**
 * `npm run bench`: runs every benchmark in its own process, one after the other (the machine has
 * two cores; running them side by side would measure each other), and prints ONE table: each
 * figure next to its theoretical minimum or target, with a pass/fail mark.
 *
 *   node build/bench/main.cjs [--only calls,orgSync,orgSyncModern,crypto,transport,webhook,aiAssistant]
 */

interface Plan {
	name: string;
	/** Rows it produces, to keep their place in the table when it fails. */
	rows: Array<Pick<Row, 'id' | 'what' | 'target'>>;
	nodeArgs?: string[];
	timeoutMs: number;
}

const PLANS: Plan[] = [
	{
		name: 'calls',
		rows: [
			{ id: '1', what: 'Token fetches per credential per token lifetime', target: '1' },
			{ id: '2', what: 'API calls for one message to 10,000 members', target: '10' },
			{ id: '3', what: 'API calls for check-in records of 1,000 members × 90 days', target: '30' },
			{ id: '8', what: 'API calls for the customers of 1,000 members', target: '32' },
		],
		timeoutMs: 180_000,
	},
	{
		name: 'orgSync',
		rows: [
			{ id: '4a', what: 'Org sync plan time, first sync', target: '< 2 s' },
			{ id: '4b', what: 'Org sync plan time, converged re-plan', target: '< 2 s' },
			{ id: '4c', what: 'Org sync peak memory', target: '< 1 GB' },
			{ id: '4d', what: 'Writes planned by a converged re-run', target: '0' },
		],
		nodeArgs: ['--expose-gc'],
		timeoutMs: 120_000,
	},
	{
		name: 'orgSyncModern',
		rows: [
			{ id: '4e', what: 'API calls to read a modern 100,000-member tenant', target: 'minimum' },
			{ id: '4f', what: 'Plan time on that path', target: '< 2 s' },
			{ id: '4g', what: 'Peak memory of that path', target: '< 1 GB' },
			{ id: '4h', what: 'Writes by a re-run on that tenant, no saved links', target: '0 / 0' },
		],
		nodeArgs: ['--expose-gc'],
		timeoutMs: 600_000,
	},
	{
		name: 'crypto',
		rows: [
			{
				id: '5a',
				what: 'WeCom callback verify + decrypt + parse, one core',
				target: '≥ 1,000 ops/s',
			},
			{ id: '5b', what: 'WeLink callback decrypt + parse, one core', target: '≥ 1,000 ops/s' },
		],
		timeoutMs: 60_000,
	},
	{
		name: 'webhook',
		rows: [
			['6a', 'p50, one n8n process'],
			['6b', 'p99, one n8n process'],
			['6c', 'acks/s, one n8n process'],
			['6d', 'p50, queue mode'],
			['6e', 'p99, queue mode'],
			['6f', 'acks/s, queue mode'],
		].map(([id, what]) => ({
			id,
			what: `Webhook ack ${what}, our WeCom Trigger ÷ n8n’s Webhook node`,
			target: what.startsWith('acks') ? '≥ 0.67×' : '≤ 1.50×',
		})),
		timeoutMs: 600_000,
	},
	{
		name: 'transport',
		rows: [
			{
				id: '7',
				what: 'Per call, our transport ÷ n8n’s httpRequestWithAuthentication',
				target: '≤ 1.10×',
			},
		],
		timeoutMs: 120_000,
	},
	{
		name: 'aiAssistant',
		rows: [
			{
				id: '9a',
				what: 'Replies per message, app + AI Agent (12 s), WeCom’s retries',
				target: 'exactly 1',
			},
			{
				id: '9b',
				what: 'Replies per message, AI bot + AI Agent (12 s), WeCom’s retries',
				target: 'exactly 1',
			},
		],
		timeoutMs: 420_000,
	},
];

async function runChild(plan: Plan): Promise<{ rows?: Row[]; error?: string; ms: number }> {
	const started = performance.now();
	return await new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			[...(plan.nodeArgs ?? []), join(__dirname, 'child.cjs'), plan.name],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		const timer = setTimeout(() => child.kill('SIGTERM'), plan.timeoutMs);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			const ms = performance.now() - started;
			const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
			if (code === 0 && line)
				resolve({ rows: JSON.parse(line.slice(RESULT_PREFIX.length)) as Row[], ms });
			else
				resolve({
					error: signal ? `stopped after ${plan.timeoutMs / 1000} s` : `exited with ${code}`,
					ms,
				});
		});
	});
}

function table(rows: Row[]) {
	const header = ['#', 'Benchmark', 'Measured', 'Minimum / target', 'Result', 'Notes'];
	const cells = rows.map((r) => [
		r.id,
		r.what,
		r.measured,
		r.target,
		r.pass === undefined ? '—' : r.pass ? 'PASS' : 'FAIL',
		r.notes ?? '',
	]);
	const widths = header.map((h, i) =>
		i === header.length - 1 ? 0 : Math.max(3, h.length, ...cells.map((c) => [...c[i]].length)),
	);
	const line = (values: string[]) =>
		`| ${values.map((v, i) => v + ' '.repeat(Math.max(0, widths[i] - [...v].length))).join(' | ')} |`;
	return [
		line(header),
		line(widths.map((w, i) => '-'.repeat(Math.max(3, w || header[i].length)))),
		...cells.map(line),
	].join('\n');
}

async function main() {
	const onlyArg = process.argv.indexOf('--only');
	const only = onlyArg > -1 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;
	const started = performance.now();
	const loadAtStart = loadavg()[0].toFixed(2);
	const rows: Row[] = [];
	let errors = 0;
	for (const plan of PLANS) {
		if (only && !only.has(plan.name)) continue;
		progress(`— ${plan.name} —`);
		const result = await runChild(plan);
		progress(`${plan.name} took ${(result.ms / 1000).toFixed(1)} s`);
		if (result.rows) rows.push(...result.rows);
		else {
			errors++;
			rows.push(
				...plan.rows.map((r) => ({
					...r,
					measured: 'ERROR',
					pass: false,
					notes: `benchmark "${plan.name}" ${result.error} (see its output above)`,
				})),
			);
		}
	}
	const cpu = cpus();
	const machine = `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), 1-min load average ${loadAtStart} at the start, ${loadavg()[0].toFixed(2)} at the end; total ${((performance.now() - started) / 1000).toFixed(0)} s`;
	const passed = rows.filter((r) => r.pass).length;
	const judged = rows.filter((r) => r.pass !== undefined).length;
	process.stdout.write(
		`\n${table(rows)}\n\n${passed} of ${judged} figures met their minimum/target. ${machine}. Other processes may have been running on this machine.\n`,
	);
	const dir = join(__dirname, '..', 'results');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'bench.json'), JSON.stringify({ machine, rows }, null, 2));
	process.exit(errors ? 1 : 0);
}

void main();
