import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import oaToWeComSync from '../../examples/oa-to-wecom-sync.json';
import { sandboxCredentials, webhookIdFor } from './fixtures.cjs';
import { cleanup, startN8n, type N8n, type WorkflowFixture } from './lab.cjs';

/** The source org an HR system posts to the example's webhook. */
const ORG = [
	{ type: 'department', id: 'HQ', name: '总部', parentId: '' },
	{ type: 'department', id: 'RD', name: '研发部', parentId: 'HQ' },
	{
		type: 'member',
		id: 'E001',
		name: '张三',
		mobile: '13800000001',
		departments: ['RD'],
		position: '研发总监',
	},
	{ type: 'member', id: 'E002', name: '周一', mobile: '13700000002', departments: ['RD'] },
	{ type: 'member', id: 'E003', name: '吴二', mobile: '13700000003', departments: ['HQ'] },
];

const WRITES =
	/^\/cgi-bin\/(department\/(create|update|delete)|user\/(create|update|delete|batchdelete))$/;

/** The example as another workflow (a copy: nothing in its static data), on its own webhook path. */
function variant(
	id: string,
	path: string,
	parameters: Record<string, unknown> = {},
): WorkflowFixture {
	const copy = JSON.parse(JSON.stringify(oaToWeComSync)) as WorkflowFixture & {
		nodes: Array<Record<string, unknown> & { parameters: Record<string, unknown> }>;
	};
	for (const node of copy.nodes) {
		if (node.name === 'Receive Org') {
			node.parameters.path = path;
			node.webhookId = webhookIdFor(path);
		}
		if (node.name === 'Sync to WeCom') Object.assign(node.parameters, parameters);
	}
	return { ...copy, id, name: `${copy.name} (${path})` };
}

const COPY = variant('e2eWeComSyncCopy', 'oa-to-wecom-sync-copy');
const LEGACY_READ = variant('e2eWeComSyncLegc', 'oa-to-wecom-sync-legacy', {
	readWith: 'credential',
});

describe('Contacts Sync to WeCom in real n8n (the oa-to-wecom-sync example)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const writes = () =>
		sandbox.state.log.all({ platform: 'wecom' }).filter((e) => WRITES.test(e.path)).length;
	type Row = Record<string, unknown>;
	const post = async (items: Row[], apply: boolean, path = 'oa-to-wecom-sync') => {
		const { status, data } = await n8n.webhook(`${path}${apply ? '?apply=true' : ''}`, {
			items,
		});
		return { status, rows: (Array.isArray(data) ? data : [data]) as Row[] };
	};
	const summary = (rows: Row[]) => rows[rows.length - 1];
	const lastError = async (workflowId: string) => (await n8n.executions(workflowId))[0];

	beforeAll(async () => {
		// WeCom as set up today: the default sandbox tenant.
		sandbox = await startSandbox();
		n8n = await startN8n({
			credentials: sandboxCredentials(sandbox),
			workflows: [oaToWeComSync, COPY, LEGACY_READ],
		});
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	describe('a modern tenant, as shipped', () => {
		it('simulates first: the plan comes back and nothing is written', async () => {
			const { status, rows } = await post(ORG, false);
			expect(status).toBe(200);
			expect(rows.slice(0, -1).map((r) => [r.action, r.sourceKey])).toEqual([
				['create_department', 'HQ'],
				['create_department', 'RD'],
				['create_member', 'E002'],
				['create_member', 'E003'],
				['update_member', 'E001'],
			]);
			expect(summary(rows)).toMatchObject({
				summary: true,
				simulate: true,
				planned: 5,
				writes: 0,
				// The reader app cannot see mobiles: Zhang San was found by user/getuserid.
				lookups: { field: 'mobile', found: 1 },
			});
			expect(writes()).toBe(0);
		});

		it('applies; a re-run, and a copy of the workflow with nothing saved, make zero writes', async () => {
			const applied = await post(ORG, true);
			expect(summary(applied.rows)).toMatchObject({ simulate: false, applied: 5, failed: 0 });
			const rd = [...sandbox.state.wecom.contacts.departments.values()].find(
				(d) => d.name === '研发部',
			);
			expect(sandbox.state.wecom.contacts.members.get('E002')).toMatchObject({
				department: [rd?.id],
			});
			expect(sandbox.state.wecom.contacts.members.get('zhangsan')).toMatchObject({
				position: '研发总监',
			});
			const after = writes();
			expect(after).toBe(5);
			const links = { E001: 'zhangsan', E002: 'E002', E003: 'E003' };
			expect(summary(applied.rows).bindings).toMatchObject({ members: links });
			const stored = await n8n.rest.get(`/rest/workflows/${oaToWeComSync.id}`);
			const saved = stored.data.data.staticData['node:Sync to WeCom'] as Record<string, unknown>;
			const cache = Object.entries(saved).find(([key]) => key.startsWith('orgSync:'))?.[1] as {
				members: Record<string, string>;
			};
			expect(cache.members).toEqual(links);
			// The mobile lookups are cached too, hashed: no number is kept in the workflow.
			expect(JSON.stringify(saved)).not.toContain('13800000001');

			const rerun = await post(ORG, true);
			expect(rerun.rows).toHaveLength(1);
			expect(summary(rerun.rows)).toMatchObject({ writes: 0, planned: 0 });
			// A copied workflow starts with empty static data: the links come from WeCom itself.
			const copy = await post(ORG, true, 'oa-to-wecom-sync-copy');
			expect(copy.rows).toHaveLength(1);
			expect(summary(copy.rows)).toMatchObject({
				writes: 0,
				planned: 0,
				bindings: { members: links },
			});
			expect(writes()).toBe(after);
		});

		it('stops a mass removal before any write, naming who would go and how to allow it', async () => {
			const before = writes();
			// A broken export: everyone "left".
			const gone = ORG.map((r) => (r.type === 'member' ? { ...r, status: 'left' } : r));
			const { status } = await post(gone, true);
			expect(status).toBeGreaterThanOrEqual(500);
			expect(writes()).toBe(before);
			const execution = await lastError(oaToWeComSync.id);
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toMatch(
				/^Sync stopped before any write: .* would be disabled or deleted.*Would go: .*周一 \(E002\): disable_member/,
			);
			expect(execution.error?.description).toContain('Confirm Removals (This Run) to 3');
			expect(sandbox.state.wecom.contacts.members.get('E002')).toMatchObject({ enable: 1 });
		});

		it('explains a refused read: the contacts-sync secret may not read names from this IP', async () => {
			const { status } = await post(ORG, false, 'oa-to-wecom-sync-legacy');
			expect(status).toBeGreaterThanOrEqual(500);
			const execution = await lastError(LEGACY_READ.id);
			expect(execution.error?.message).toBe(
				'WeCom refused department/list to the WeCom API credential: api forbidden for contact assistant (48009)',
			);
			expect(execution.error?.description).toContain(
				'Set Read Directory With to "Contacts Reader Credential (Self-Built App)"',
			);
		});
	});

	describe('a legacy tenant (contacts-sync IP trusted before 2022-08-15), read with the WeCom API credential', () => {
		beforeAll(() => sandbox.state.reset('legacy'));

		it('simulates, applies, and a re-run makes zero writes', async () => {
			const path = 'oa-to-wecom-sync-legacy';
			const simulated = await post(ORG, false, path);
			expect(simulated.status).toBe(200);
			// Everything is visible: no lookups, Zhang San matched by his mobile.
			expect(summary(simulated.rows)).toMatchObject({ planned: 5, writes: 0 });
			expect(summary(simulated.rows)).not.toHaveProperty('lookups');
			const applied = await post(ORG, true, path);
			expect(summary(applied.rows)).toMatchObject({ applied: 5, failed: 0 });
			const rerun = await post(ORG, true, path);
			expect(summary(rerun.rows)).toMatchObject({ writes: 0, planned: 0 });
			expect(writes()).toBe(5);
		});
	});
});
