import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import oaToWeComSync from '../../examples/oa-to-wecom-sync.json';
import { sandboxCredentials } from './fixtures.cjs';
import { cleanup, startN8n, type N8n } from './lab.cjs';

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

describe('Contacts Sync to WeCom in real n8n (the oa-to-wecom-sync example)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const writes = () =>
		sandbox.state.log.all({ platform: 'wecom' }).filter((e) => WRITES.test(e.path)).length;
	type Row = Record<string, unknown>;
	const post = async (items: Row[], apply: boolean) => {
		const { status, data } = await n8n.webhook(`oa-to-wecom-sync${apply ? '?apply=true' : ''}`, {
			items,
		});
		return { status, rows: (Array.isArray(data) ? data : [data]) as Row[] };
	};
	const summary = (rows: Row[]) => rows[rows.length - 1];

	beforeAll(async () => {
		sandbox = await startSandbox({ wecomProfile: 'legacy' });
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows: [oaToWeComSync] });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

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
		expect(summary(rows)).toMatchObject({ summary: true, simulate: true, planned: 5, writes: 0 });
		expect(writes()).toBe(0);
	});

	it('applies, then a re-run makes zero writes (links kept in the workflow’s static data)', async () => {
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
		const stored = await n8n.rest.get(`/rest/workflows/${oaToWeComSync.id}`);
		const bindings = Object.values(stored.data.data.staticData['node:Sync to WeCom'])[0] as {
			members: Record<string, string>;
		};
		expect(bindings.members).toEqual({ E001: 'zhangsan', E002: 'E002', E003: 'E003' });

		const rerun = await post(ORG, true);
		expect(rerun.rows).toHaveLength(1);
		expect(summary(rerun.rows)).toMatchObject({ writes: 0, planned: 0 });
		expect(writes()).toBe(after);
	});

	it('stops a mass removal before any write', async () => {
		const before = writes();
		// A broken export: everyone "left".
		const gone = ORG.map((r) => (r.type === 'member' ? { ...r, status: 'left' } : r));
		const { status } = await post(gone, true);
		expect(status).toBeGreaterThanOrEqual(500);
		expect(writes()).toBe(before);
		const executions = await n8n.executions(oaToWeComSync.id);
		expect(executions[0]).toMatchObject({ status: 'error' });
		expect(sandbox.state.wecom.contacts.members.get('E002')).toMatchObject({ enable: 1 });
	});
});
