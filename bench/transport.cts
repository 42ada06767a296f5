import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../sandbox/wecom/apps.cjs';
import { weComApiRequest } from '../nodes/WeCom/transport';
import { runNode } from '../test/harness/run.cjs';
import { fmt, median, percentile, progress, type Row } from './report.cjs';

/**
 * Row 7: what our request path costs compared with the n8n helper it is built on. The same sandbox
 * endpoint (GET /cgi-bin/user/get) is called N times through weComApiRequest (nodes/WeCom/transport
 * → nodes/shared/transport.ts) and N times with n8n's httpRequestWithAuthentication and the same
 * credential, from inside a node running on n8n-core's engine, interleaved in blocks with the order
 * rotated, so drift in machine load hits both alike. Ratio = median(ours) ÷ median(n8n's). Node's
 * `http` and n8n's plain httpRequest are timed the same way, to show where the time goes. The
 * sandbox runs in its own process so its work is not on this event loop.
 */

const BLOCKS = 10;
const PER_BLOCK = 100;
const WARMUP = 200;
/** Target, set before the first ratio was measured: our layer adds at most a tenth. */
const RATIO_MAX = 1.1;

export async function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
	const child = spawn(process.execPath, [join(__dirname, '../sandbox/main.cjs'), '--port', '0'], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const line = await new Promise<string>((resolve, reject) => {
		const lines = createInterface({ input: child.stdout! });
		lines.once('line', resolve);
		child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
	return { url: (JSON.parse(line) as { sandbox: string }).sandbox, child };
}

function rawGet(url: string): Promise<Record<string, unknown>> {
	return new Promise((resolve, reject) => {
		get(url, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				try {
					resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
				} catch (error) {
					reject(error);
				}
			});
			res.on('error', reject);
		}).on('error', reject);
	});
}

const elapsedUs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1000;

/** A node that times both ways of making the call, from inside a real n8n execution. */
function benchNode(baseUrl: string, rawToken: string): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Transport Bench',
		name: 'transportBench',
		group: ['transform'],
		version: 1,
		description: 'Times raw HTTP against the WeCom transport',
		defaults: { name: 'Transport Bench' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wecomWelinkWeComApi', required: true }],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions) {
			const rawUrl = `${baseUrl}/cgi-bin/user/get?access_token=${encodeURIComponent(rawToken)}&userid=zhangsan`;
			const raw = async () => {
				const body = await rawGet(rawUrl);
				if (body.errcode !== 0) throw new Error(`raw call failed: ${JSON.stringify(body)}`);
			};
			const viaTransport = async () => {
				const body = await weComApiRequest.call(this, {
					method: 'GET',
					path: '/cgi-bin/user/get',
					qs: { userid: 'zhangsan' },
					idempotent: true,
				});
				if (body.errcode !== 0) throw new Error(`transport call failed: ${JSON.stringify(body)}`);
			};
			// For the notes: n8n's own helpers on the same call, to show where the time goes.
			const n8nPlain = async () => {
				const body = (await this.helpers.httpRequest({
					method: 'GET',
					url: rawUrl,
					json: true,
				})) as {
					errcode?: number;
				};
				if (body.errcode !== 0) throw new Error(`n8n httpRequest failed: ${JSON.stringify(body)}`);
			};
			const n8nWithAuth = async () => {
				const body = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'wecomWelinkWeComApi',
					{
						method: 'GET',
						url: `${baseUrl}/cgi-bin/user/get`,
						qs: { userid: 'zhangsan' },
						json: true,
					},
				)) as { errcode?: number };
				if (body.errcode !== 0) throw new Error(`n8n with auth failed: ${JSON.stringify(body)}`);
			};
			const ways = { raw, n8nPlain, n8nWithAuth, viaTransport };
			const times: Record<keyof typeof ways, number[]> = {
				raw: [],
				n8nPlain: [],
				n8nWithAuth: [],
				viaTransport: [],
			};
			const names = Object.keys(ways) as Array<keyof typeof ways>;
			for (let i = 0; i < WARMUP; i++) for (const name of names) await ways[name]();
			for (let block = 0; block < BLOCKS; block++) {
				// Rotate the order each block, so no way always runs first or last.
				const order = names.map((_, k) => names[(k + block) % names.length]);
				for (const name of order) {
					for (let i = 0; i < PER_BLOCK; i++) {
						const start = process.hrtime.bigint();
						await ways[name]();
						times[name].push(elapsedUs(start));
					}
				}
			}
			return [[{ json: times }]];
		},
	};
}

export async function runTransport(): Promise<Row[]> {
	const { url, child } = await startSandboxProcess();
	try {
		const token = await rawGet(
			`${url}/cgi-bin/gettoken?corpid=${SANDBOX_CORP_ID}&corpsecret=${SANDBOX_SECRETS.app}`,
		);
		progress(`row 7: ${BLOCKS * PER_BLOCK} calls each way (raw, n8n helpers, our transport)…`);
		const run = await runNode(
			{ type: 'bench.transportBench', parameters: {} },
			{
				credentials: {
					wecomWelinkWeComApi: {
						corpId: SANDBOX_CORP_ID,
						secret: SANDBOX_SECRETS.app,
						baseUrl: url,
					},
				},
				extraNodeTypes: { 'bench.transportBench': benchNode(url, String(token.access_token)) },
			},
		);
		if (run.error) throw new Error(`row 7: ${run.error.message}`);
		const times = run.output('Node')[0] as Record<
			'raw' | 'n8nPlain' | 'n8nWithAuth' | 'viaTransport',
			number[]
		>;
		const ours = median(times.viaTransport);
		const n8n = median(times.n8nWithAuth);
		const m = (name: keyof typeof times) => fmt.us(median(times[name]));
		return [
			{
				id: '7',
				what: 'Per call, our transport ÷ n8n’s httpRequestWithAuthentication, same endpoint and credential (median)',
				measured: `${(ours / n8n).toFixed(2)}× (${fmt.us(ours)} / ${fmt.us(n8n)})`,
				target: `≤ ${RATIO_MAX.toFixed(2)}×`,
				pass: ours / n8n <= RATIO_MAX,
				notes: `N = ${times.raw.length} each, interleaved; difference of the medians ${fmt.us(ours - n8n)}; p90 ${fmt.us(percentile(times.viaTransport, 90))} / ${fmt.us(percentile(times.n8nWithAuth, 90))}; for scale: raw http ${m('raw')}, n8n helpers.httpRequest ${m('n8nPlain')}; GET /cgi-bin/user/get, sandbox in its own process`,
			},
		];
	} finally {
		child.kill('SIGTERM');
	}
}
