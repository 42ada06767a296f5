import { request } from 'node:http';

import type { IDataObject } from 'n8n-workflow';

import type { SourceOrg } from '../nodes/shared/orgSync/model';
import { WECOM_LIMITS } from '../nodes/WeCom/actions/contactsSync/limits';
import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../sandbox/wecom/apps.cjs';
import { runNode } from '../test/harness/run.cjs';
import { ORG, syntheticOrg } from './orgSync.cjs';
import { fmt, progress, type Row } from './report.cjs';
import { startSandboxProcess } from './transport.cjs';

/**
 * Row 4e–4h: Sync to WeCom on a tenant as set up today — the contacts-sync secret may only list IDs,
 * names come from a self-built app created after 2022-06-20 — with the synthetic org of rows 4a–4d
 * (100,000 members, 10,000 departments) already in WeCom as a first sync leaves it. The WeCom node runs
 * on n8n-core's engine (test/harness), the sandbox in its own process; calls are counted in its log.
 * Both runs start with no saved links, as a manual run does.
 */

const derived = (key: string) => Number(WECOM_LIMITS.deriveDepartmentId?.(key));

/** The tenant a first sync of `source` leaves behind: derived department IDs, member ID = key. */
function convergedTenant(source: SourceOrg) {
	const departments = source.departments.map((d) => ({
		id: derived(d.key),
		name: d.name,
		parentid: d.parentKey ? derived(d.parentKey) : 1,
		order: d.order ?? 0,
	}));
	const members = source.members
		.filter((m) => m.status === 'active')
		.map((m) => ({
			userid: m.key,
			name: m.name,
			mobile: m.mobile,
			email: m.email,
			position: m.position,
			department: m.departments.map(derived),
			main_department: derived(m.mainDepartment ?? m.departments[0]),
		}));
	return { departments, members };
}

/** The source org as the items an HR system would send (what the node's default mapping reads). */
function sourceItems(source: SourceOrg): IDataObject[] {
	return [
		...source.departments.map((d) => ({
			type: 'department',
			id: d.key,
			name: d.name,
			parentId: d.parentKey ?? '',
			order: d.order,
		})),
		...source.members.map((m) => ({ type: 'member', ...m, id: m.key })),
	];
}

async function call(url: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown) {
	const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
	return await new Promise<Record<string, unknown>>((resolve, reject) => {
		const req = request(
			url,
			{ method, headers: data ? { 'content-type': 'application/json' } : {} },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>),
				);
			},
		);
		req.on('error', reject);
		req.end(data);
	});
}

const peakRss = () => process.resourceUsage().maxRSS * 1024;

export async function runOrgSyncModern(sizes = ORG): Promise<Row[]> {
	progress('row 4e: seeding a modern sandbox tenant with 100,000 members / 10,000 departments…');
	const { org: source } = syntheticOrg(sizes);
	const tenant = convergedTenant(source);
	const items = sourceItems(source);
	const { url, child } = await startSandboxProcess();
	try {
		await call(`${url}/__sandbox/wecom/contacts`, 'POST', tenant);
		const credentials = {
			wecomWelinkWeComApi: {
				corpId: SANDBOX_CORP_ID,
				secret: SANDBOX_SECRETS.contacts,
				baseUrl: url,
			},
			wecomWelinkWeComReaderApi: {
				corpId: SANDBOX_CORP_ID,
				secret: SANDBOX_SECRETS.app,
				baseUrl: url,
			},
		};
		const run = async () => {
			await call(`${url}/__sandbox/log`, 'DELETE');
			const started = performance.now();
			const result = await runNode(
				{
					type: 'weCom',
					parameters: {
						resource: 'contactsSync',
						operation: 'syncToWeCom',
						simulate: false,
						matchBy: 'mobile',
						fields: ['name', 'mobile', 'email', 'position'],
						syncOptions: { allDepartments: true },
					},
				},
				{ credentials, items, staticData: {} },
			);
			const ms = performance.now() - started;
			if (result.error) throw new Error(`row 4e: ${result.error.message}`);
			// The Summary output (the second): one item.
			const [summary] = result.output('Node', 1) as IDataObject[];
			const counts = (await call(`${url}/__sandbox/log/counts`, 'GET')).counts as Record<
				string,
				number
			>;
			return { ms, summary, counts };
		};
		progress('row 4e: first run (read + plan + apply), no saved links…');
		const first = await run();
		const rssAfterFirst = peakRss();
		// What the first run left is garbage now; collect it so the second run's peak is its own.
		(global as { gc?: () => void }).gc?.();
		progress('row 4h: second run, no saved links…');
		const second = await run();

		const rows = tenant.members.reduce((n, m) => n + m.department.length, 0);
		const occupied = new Set(tenant.members.flatMap((m) => m.department)).size;
		const minimum = 1 + occupied;
		const reads = Object.entries(first.counts).filter(([path]) => path !== '/cgi-bin/gettoken');
		const calls = reads.reduce((n, [, c]) => n + c, 0);
		const byPath = reads.map(([path, c]) => `${path.replace('/cgi-bin/', '')} ${fmt.int(c)}`);
		const timings = first.summary.timings as { readMs: number; planMs: number };
		const pages = Math.ceil(rows / 10_000);
		const size = `${fmt.int(tenant.members.length)} members / ${fmt.int(tenant.departments.length)} departments`;
		return [
			{
				id: '4e',
				what: `API calls to read a tenant as set up today (${size}; contacts-sync IP after 2022-08-15, reader app created after 2022-06-20)`,
				measured: fmt.int(calls),
				target: `minimum ${fmt.int(minimum)} (1 department/list + 1 user/list per department with members)`,
				pass: calls <= minimum + 1 + pages,
				notes: `${byPath.join(', ')}; above the minimum: 1 department/simplelist and ${pages} user/list_id pages (the contacts-sync secret's ID lists: every member, and which departments have members), plus ${first.counts['/cgi-bin/gettoken'] ?? 0} gettoken; run ${fmt.s(first.ms)}, of which reading ${fmt.s(timings.readMs)}`,
			},
			{
				id: '4f',
				what: 'Plan time on that path (the planner inside the node run, over the read tenant)',
				measured: fmt.s(timings.planMs),
				target: '< 2 s',
				pass: timings.planMs < 2000,
				notes: `second run: ${fmt.s((second.summary.timings as { planMs: number }).planMs)}; hidden fields: ${String(first.summary.hiddenFields)}`,
			},
			{
				id: '4g',
				what: 'Peak memory of that path (bench process peak RSS: source org, 110,000 input items, one node run on n8n-core; the sandbox runs apart)',
				measured: fmt.mb(rssAfterFirst),
				target: '< 1 GB',
				pass: rssAfterFirst < 1024 * 1024 * 1024,
				notes: `${fmt.mb(peakRss())} after the second run (a GC between the runs)`,
			},
			{
				id: '4h',
				what: 'Writes by a re-run on that converged tenant, no saved links (as a manual run)',
				measured: `${Number(first.summary.writes)} / ${Number(second.summary.writes)}`,
				target: '0 / 0',
				pass: first.summary.writes === 0 && second.summary.writes === 0,
				notes: `first / second run; ${fmt.int(Object.keys((first.summary.bindings as { members: object }).members).length)} members linked by ID alone, 0 lookups (${first.counts['/cgi-bin/user/getuserid'] ?? 0} user/getuserid)`,
			},
		];
	} finally {
		child.kill('SIGTERM');
	}
}
