import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_WELINK_TENANT_ID as T } from '../../sandbox/welink/world.cjs';
import oaToWeLinkSync from '../../examples/oa-to-welink-sync.json';
import { CREDENTIAL_IDS, itemsWorkflow, sandboxCredentials } from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n } from './lab.cjs';

/** The same org as the example's Code node, posted to an apply workflow. */
const ORG = [
	{ type: 'department', id: 'HQ', name: '总部', parentId: '' },
	{ type: 'department', id: 'RD', name: '研发中心', parentId: 'HQ', order: 10 },
	{ type: 'department', id: 'SALES', name: '销售部', parentId: 'HQ', order: 20 },
	{
		type: 'member',
		id: 'E001',
		name: '张三',
		mobile: '15800000001',
		departments: ['RD'],
		position: '研发总监',
		gender: '男',
	},
	{
		type: 'member',
		id: 'H002',
		name: '周一',
		mobile: '13700000002',
		email: 'zhouyi@example.com',
		departments: ['RD'],
		gender: '女',
	},
	{
		type: 'member',
		id: 'H003',
		name: '吴二',
		mobile: '13700000003',
		departments: ['SALES'],
		gender: '男',
		status: '在职',
	},
];

const WRITES =
	/^\/api\/contact\/v1\/(department\/(create|update|delete|batch\/sync)|user\/(create|update|delete|mobilenumber|batch\/(sync|delete)))$/;

const APPLY_ID = 'e2eWlSyncApply01';

const applyWorkflow = itemsWorkflow(APPLY_ID, 'e2e-welink-sync-apply', {
	type: 'n8n-nodes-wecom-welink.weLink',
	parameters: {
		resource: 'contactsSync',
		operation: 'syncToWeLink',
		simulate: false,
		recordType: '={{ $json.type }}',
		matchBy: 'mobile',
		fields: ['name', 'mobile', 'email', 'position', 'gender'],
		maxDecreaseCount: 50,
		maxDecreasePercent: 20,
	},
	credentials: { wecomWelinkWeLinkApi: { id: CREDENTIAL_IDS.welink, name: 'WeLink (sandbox)' } },
});

describe('Contacts Sync to WeLink in real n8n (the oa-to-welink-sync example)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	type Row = Record<string, unknown>;
	const writes = () =>
		sandbox.state.log.all({ platform: 'welink' }).filter((e) => WRITES.test(e.path)).length;
	/** The sync node's outputs in the latest stored execution of a workflow, once it has ended. */
	const outputs = async (workflowId: string, node: string) => {
		await waitFor(
			async () => ['success', 'error'].includes((await n8n.executions(workflowId))[0]?.status),
			30_000,
		);
		const [execution] = await n8n.executions(workflowId);
		expect(execution).toMatchObject({ status: 'success' });
		const [actions = [], summaries = [], ...more] = execution.outputs[node] ?? [];
		expect(more).toEqual([]);
		expect(summaries).toHaveLength(1);
		return { actions: actions as Row[], summary: summaries[0] as Row };
	};
	const apply = async () => {
		const { status } = await n8n.webhook('e2e-welink-sync-apply', { items: ORG });
		return { status, ...(await outputs(APPLY_ID, 'Node')) };
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({
			credentials: sandboxCredentials(sandbox),
			workflows: [oaToWeLinkSync, applyWorkflow],
		});
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('runs the example as imported: Simulate is on, the plan comes back and nothing is written', async () => {
		const result = await n8n.execute(oaToWeLinkSync.id);
		expect(result.ok).toBe(true);
		// Both outputs are in the stored execution: Actions (the plan) and Summary.
		const { actions, summary } = await outputs(oaToWeLinkSync.id, 'Sync to WeLink');
		expect(actions.map((r) => [r.action, r.sourceKey, r.status])).toEqual([
			['create_department', 'HQ', 'planned'],
			['create_department', 'RD', 'planned'],
			['create_department', 'SALES', 'planned'],
			['create_member', 'H002', 'planned'],
			['create_member', 'H003', 'planned'],
			['update_member', 'E001', 'planned'],
		]);
		expect(summary).toMatchObject({ simulate: true, planned: 6, writes: 0 });
		// Reads only.
		expect(sandbox.state.log.all({ platform: 'welink' }).length).toBeGreaterThan(0);
		expect(writes()).toBe(0);
	});

	it('applies, then a re-run makes zero writes (links kept in the workflow’s static data)', async () => {
		const applied = await apply();
		expect(applied.status).toBe(200);
		expect(applied.summary).toMatchObject({ simulate: false, applied: 6, failed: 0 });
		expect(applied.actions.map((r) => r.status)).toEqual(Array(6).fill('applied'));
		const after = writes();
		expect(after).toBe(6);
		const world = sandbox.state.welink;
		const rd = [...world.departments.values()].find((d) => d.corpDeptCode === 'RD');
		expect(rd).toMatchObject({ deptNameCn: '研发中心', orderNo: 10 });
		expect(world.users.get(`zhangsan@${T}`)).toMatchObject({
			position: '研发总监',
			deptCodes: [rd?.deptCode],
		});
		expect([...world.users.values()].find((u) => u.corpUserId === 'H002')).toMatchObject({
			mobileNumber: '+86-13700000002',
			sex: 'F',
		});
		const stored = await n8n.rest.get(`/rest/workflows/${APPLY_ID}`);
		const bindings = Object.values(stored.data.data.staticData['node:Node'])[0] as {
			departments: Record<string, string>;
			members: Record<string, string>;
		};
		expect(bindings.members).toEqual({ E001: 'E001', H002: 'H002', H003: 'H003' });
		expect(bindings.departments).toEqual({ HQ: 'HQ', RD: 'RD', SALES: 'SALES' });

		const rerun = await apply();
		expect(rerun.actions).toEqual([]);
		expect(rerun.summary).toMatchObject({ writes: 0, planned: 0 });
		expect(writes()).toBe(after);
	});
});
