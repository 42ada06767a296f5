import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import oaToWeComSync from '../../examples/oa-to-wecom-sync.json';
import { sandboxCredentials, webhookIdFor } from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n, type WorkflowFixture } from './lab.cjs';

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
	/** The latest execution of a workflow, once n8n has stored how it ended. */
	const latest = async (workflowId: string) => {
		await waitFor(
			async () => ['success', 'error'].includes((await n8n.executions(workflowId))[0]?.status),
			30_000,
		);
		return (await n8n.executions(workflowId))[0];
	};
	/**
	 * Posts the org to the example (or a variant). Returns the answer and the Sync node's outputs as
	 * the execution stored them: Actions, Summary (one item), and nothing else.
	 */
	const post = async (
		items: Row[],
		apply: boolean,
		workflow = oaToWeComSync as WorkflowFixture,
	) => {
		const receive = (workflow.nodes as Array<{ name: string; parameters: { path?: string } }>).find(
			(node) => node.name === 'Receive Org',
		);
		const { status, data } = await n8n.webhook(
			`${receive?.parameters.path}${apply ? '?apply=true' : ''}`,
			{ items },
		);
		const [actions = [], summaries = [], ...more] =
			(await latest(workflow.id)).outputs['Sync to WeCom'] ?? [];
		return {
			status,
			rows: (Array.isArray(data) ? data : [data]) as Row[],
			actions,
			summaries,
			more,
		};
	};

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

	it('n8n loads both nodes with their outputs expression, and makes an AI tool of each (usableAsTool)', async () => {
		const { data } = await n8n.rest.get('/types/nodes.json');
		const types = data as Array<{ name: string; outputs: unknown }>;
		for (const name of ['weCom', 'weLink']) {
			expect(types.find((t) => t.name.endsWith(`.${name}`))?.outputs).toMatch(/^=\{\{/);
			expect(types.find((t) => t.name.endsWith(`.${name}Tool`))?.outputs).toEqual(['ai_tool']);
		}
	});

	describe('a modern tenant, as shipped', () => {
		it('simulates first: the plan comes back and nothing is written', async () => {
			const { status, rows, actions, summaries, more } = await post(ORG, false);
			expect(status).toBe(200);
			expect(more).toEqual([]);
			expect(actions.map((r) => [r.action, r.sourceKey])).toEqual([
				['create_department', 'HQ'],
				['create_department', 'RD'],
				['create_member', 'E002'],
				['create_member', 'E003'],
				['update_member', 'E001'],
			]);
			expect(summaries).toMatchObject([
				{
					simulate: true,
					planned: 5,
					writes: 0,
					// The reader app cannot see mobiles: Zhang San was found by user/getuserid.
					lookups: { field: 'mobile', found: 1 },
				},
			]);
			// The example answers with both outputs: the actions, then the summary.
			expect(rows).toEqual([...actions, ...summaries]);
			expect(writes()).toBe(0);
		});

		it('applies; a re-run, and a copy of the workflow with nothing saved, make zero writes', async () => {
			const applied = await post(ORG, true);
			expect(applied.summaries).toMatchObject([{ simulate: false, applied: 5, failed: 0 }]);
			expect(applied.actions.map((r) => r.status)).toEqual(Array(5).fill('applied'));
			expect(applied.rows).toEqual([...applied.actions, ...applied.summaries]);
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
			expect(applied.summaries[0].bindings).toMatchObject({ members: links });
			const stored = await n8n.rest.get(`/rest/workflows/${oaToWeComSync.id}`);
			const saved = stored.data.data.staticData['node:Sync to WeCom'] as Record<string, unknown>;
			const cache = Object.entries(saved).find(([key]) => key.startsWith('orgSync:'))?.[1] as {
				members: Record<string, string>;
			};
			expect(cache.members).toEqual(links);
			// The mobile lookups are cached too, hashed: no number is kept in the workflow.
			expect(JSON.stringify(saved)).not.toContain('13800000001');

			// No actions: the answer is the summary alone (the Merge lets it through).
			const rerun = await post(ORG, true);
			expect(rerun.actions).toEqual([]);
			expect(rerun.summaries).toMatchObject([{ writes: 0, planned: 0 }]);
			expect(rerun.rows).toEqual(rerun.summaries);
			// A copied workflow starts with empty static data: the links come from WeCom itself.
			const copy = await post(ORG, true, COPY);
			expect(copy.actions).toEqual([]);
			expect(copy.rows).toEqual(copy.summaries);
			expect(copy.summaries).toMatchObject([
				{ writes: 0, planned: 0, bindings: { members: links } },
			]);
			expect(writes()).toBe(after);
		});

		it('stops a mass removal before any write, naming who would go and how to allow it', async () => {
			const before = writes();
			// A broken export: everyone "left".
			const gone = ORG.map((r) => (r.type === 'member' ? { ...r, status: 'left' } : r));
			const { status } = await post(gone, true);
			expect(status).toBeGreaterThanOrEqual(500);
			expect(writes()).toBe(before);
			const execution = await latest(oaToWeComSync.id);
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toMatch(
				/^Sync stopped before any write: .* would be disabled or deleted.*Would go: .*周一 \(E002\): disable_member/,
			);
			expect(execution.error?.description).toContain('Confirm Removals (This Run) to 3');
			expect(sandbox.state.wecom.contacts.members.get('E002')).toMatchObject({ enable: 1 });
		});

		it('explains a refused read: the contacts-sync secret may not read names from this IP', async () => {
			const { status } = await post(ORG, false, LEGACY_READ);
			expect(status).toBeGreaterThanOrEqual(500);
			const execution = await latest(LEGACY_READ.id);
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
			const simulated = await post(ORG, false, LEGACY_READ);
			expect(simulated.status).toBe(200);
			// Everything is visible: no lookups, Zhang San matched by his mobile.
			expect(simulated.summaries).toMatchObject([{ planned: 5, writes: 0 }]);
			expect(simulated.summaries[0]).not.toHaveProperty('lookups');
			const applied = await post(ORG, true, LEGACY_READ);
			expect(applied.summaries).toMatchObject([{ applied: 5, failed: 0 }]);
			const rerun = await post(ORG, true, LEGACY_READ);
			expect(rerun.summaries).toMatchObject([{ writes: 0, planned: 0 }]);
			expect(writes()).toBe(5);
		});
	});
});
