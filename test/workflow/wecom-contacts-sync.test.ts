import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { weComTokens } from '../../nodes/WeCom/transport/token';
import { runNode } from '../harness/run.cjs';

/** A source org as an HR system would give it: one item per department and per member. */
function hrOrg() {
	return [
		{ type: 'department', id: 'HQ', name: '总部', parentId: '' },
		{ type: 'department', id: 'RD', name: '研发部', parentId: 'HQ', order: 20 },
		{ type: 'department', id: 'OPS', name: '运维部', parentId: 'HQ', order: 10 },
		// Zhang San already exists in WeCom: matched by mobile, moved into the synced tree.
		{
			type: 'member',
			id: 'E001',
			name: '张三',
			mobile: '13800000001',
			departments: ['RD'],
			position: '研发总监',
			status: 'active',
		},
		{
			type: 'member',
			id: 'E002',
			name: '周一',
			mobile: '13700000002',
			email: 'zhouyi@hr.example.com',
			departments: 'RD,OPS',
			status: '在职',
		},
		{
			type: 'member',
			id: 'E003',
			name: '吴二',
			mobile: '13700000003',
			departments: ['OPS'],
			gender: '女',
		},
		{ type: 'member', id: 'E004', name: '郑三', mobile: '13700000004', departments: ['OPS'] },
		{
			type: 'member',
			id: 'E005',
			name: '冯四',
			email: 'fengsi@hr.example.com',
			departments: ['HQ'],
			employeeNo: 'A-5',
		},
	] as IDataObject[];
}

const WRITES = [
	'/cgi-bin/department/create',
	'/cgi-bin/department/update',
	'/cgi-bin/department/delete',
	'/cgi-bin/user/create',
	'/cgi-bin/user/update',
	'/cgi-bin/user/delete',
	'/cgi-bin/user/batchdelete',
];

describe('Contacts Sync to WeCom against the sandbox', () => {
	let sandbox: Sandbox;
	let staticData: IDataObject;
	beforeAll(async () => {
		sandbox = await startSandbox({ wecomProfile: 'legacy' });
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.state.reset();
		weComTokens.clear();
		staticData = {};
	});

	const contacts = () => sandbox.state.wecom.contacts;
	const writes = () =>
		sandbox.state.log.all({ platform: 'wecom' }).filter((e) => WRITES.includes(e.path)).length;
	const sync = async (items: IDataObject[], parameters: Record<string, unknown> = {}) =>
		await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'contactsSync',
					operation: 'syncToWeCom',
					simulate: false,
					matchBy: 'mobile',
					fields: ['name', 'mobile', 'email', 'position', 'gender', 'employeeNo'],
					...parameters,
				},
			},
			{
				credentials: {
					wecomWelinkWeComApi: {
						corpId: SANDBOX_CORP_ID,
						secret: SANDBOX_SECRETS.contacts,
						agentId: '1000002',
						baseUrl: sandbox.wecomBaseUrl,
					},
				},
				items,
				staticData,
			},
		);
	const summaryOf = (run: Awaited<ReturnType<typeof sync>>) => {
		const out = run.output('Node');
		return out[out.length - 1];
	};
	const departmentNamed = (name: string) =>
		[...contacts().departments.values()].find((d) => d.name === name);

	it('simulates without writing, applies in a safe order, then a re-run makes zero writes', async () => {
		const simulated = await sync(hrOrg(), { simulate: true });
		expect(simulated.error).toBeUndefined();
		const plan = simulated.output('Node');
		expect(plan.slice(0, -1).map((a) => [a.action, a.sourceKey, a.status])).toEqual([
			['create_department', 'HQ', 'planned'],
			['create_department', 'RD', 'planned'],
			['create_department', 'OPS', 'planned'],
			['create_member', 'E002', 'planned'],
			['create_member', 'E003', 'planned'],
			['create_member', 'E004', 'planned'],
			['create_member', 'E005', 'planned'],
			['update_member', 'E001', 'planned'],
		]);
		expect(plan[7]).toMatchObject({
			targetId: 'zhangsan',
			before: { position: '技术总监', departments: ['2', '4'] },
			after: { position: '研发总监', departments: ['new:RD'] },
		});
		expect(summaryOf(simulated)).toMatchObject({
			summary: true,
			simulate: true,
			blocked: false,
			writes: 0,
			planned: 8,
		});
		expect(writes()).toBe(0);
		expect(staticData).toEqual({ 'node:Node': {} });

		const applied = await sync(hrOrg());
		expect(applied.error).toBeUndefined();
		expect(summaryOf(applied)).toMatchObject({ applied: 8, failed: 0, writes: 8 });
		const hq = departmentNamed('总部');
		const rd = departmentNamed('研发部');
		expect(hq?.parentid).toBe(1);
		expect(rd?.parentid).toBe(hq?.id);
		expect(contacts().members.get('zhangsan')).toMatchObject({
			position: '研发总监',
			department: [rd?.id],
		});
		expect(contacts().members.get('E002')).toMatchObject({ name: '周一', department: [rd?.id] });
		expect(contacts().members.get('E003')).toMatchObject({ gender: '2' });
		expect(contacts().members.get('E005')).toMatchObject({
			extattr: { attrs: [{ type: 0, name: '工号', text: { value: 'A-5' } }] },
		});
		// Departments are created before the members that need them.
		const order = sandbox.state.log
			.all({ platform: 'wecom' })
			.map((e) => e.path)
			.filter((p) => WRITES.includes(p));
		expect(order.lastIndexOf('/cgi-bin/department/create')).toBeLessThan(
			order.indexOf('/cgi-bin/user/create'),
		);

		const before = writes();
		const rerun = await sync(hrOrg());
		expect(summaryOf(rerun)).toMatchObject({ writes: 0, planned: 0, applied: 0 });
		expect(rerun.output('Node')).toHaveLength(1);
		expect(writes()).toBe(before);
	});

	it('converges after a partial failure', async () => {
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/user/create',
			kind: 'errcode',
			errcode: 60104,
			after: 1,
		});
		const first = await sync(hrOrg());
		expect(first.error).toBeUndefined();
		const failed = first.output('Node').filter((a) => a.status === 'failed');
		expect(failed).toHaveLength(1);
		expect(failed[0].error).toContain('60104');
		expect(summaryOf(first)).toMatchObject({ failed: 1, applied: 7 });

		const second = await sync(hrOrg());
		expect(
			second
				.output('Node')
				.filter((a) => a.status === 'applied')
				.map((a) => a.action),
		).toEqual(['create_member']);
		const third = await sync(hrOrg());
		expect(summaryOf(third)).toMatchObject({ writes: 0 });
	});

	it('disables leavers and moves them to the disabled department; the threshold blocks a mass removal before any write', async () => {
		await sync(hrOrg());
		const leavers = hrOrg().map((item) =>
			item.id === 'E003' ? { ...item, status: '离职' } : item,
		);
		const run = await sync(leavers, { syncOptions: { disabledDepartmentName: '已禁用用户' } });
		expect(run.error).toBeUndefined();
		const disabled = departmentNamed('已禁用用户');
		expect(contacts().members.get('E003')).toMatchObject({
			enable: 0,
			status: 2,
			department: [disabled?.id],
		});

		// A broken export where everyone "left": 4 of 5 would go.
		const writesBefore = writes();
		const gone = hrOrg().map((item) =>
			item.type === 'member' && item.id !== 'E001' ? { ...item, status: 'left' } : item,
		);
		const blocked = await sync(gone, { maxDecreaseCount: 50, maxDecreasePercent: 20 });
		expect(blocked.error?.message).toMatch(
			/^Sync stopped before any write: 3 of 9 members \(33\.3%\) would be disabled or deleted/,
		);
		expect(writes()).toBe(writesBefore);
		const preview = await sync(gone, { simulate: true, maxDecreasePercent: 20 });
		expect(summaryOf(preview)).toMatchObject({ blocked: true, decrease: 3, writes: 0 });
		expect(contacts().members.get('E002')).toMatchObject({ enable: 1 });
	});

	it('stops on a bad source item before reading WeCom', async () => {
		const items = [...hrOrg(), { type: 'person', id: 'X' }];
		const run = await sync(items);
		expect(run.error?.message).toBe(
			'Record Type: "person" is neither "department" nor "member" [item 8]',
		);
		const status = await sync([{ type: 'member', id: 'E9', name: 'N', status: 'on holiday' }]);
		expect(status.error?.message).toContain('Member Mapping: Status: "on holiday" is not a status');
		expect(sandbox.state.log.all({ platform: 'wecom' })).toHaveLength(0);
	});

	it('exports the org with paths in the shape Sync reads, and syncing the export back changes nothing', async () => {
		const exported = await runNode(
			{ type: 'weCom', parameters: { resource: 'contactsSync', operation: 'exportFromWeCom' } },
			{
				credentials: {
					wecomWelinkWeComApi: {
						corpId: SANDBOX_CORP_ID,
						secret: SANDBOX_SECRETS.contacts,
						agentId: '1000002',
						baseUrl: sandbox.wecomBaseUrl,
					},
				},
			},
		);
		const out = exported.output('Node');
		expect(out.filter((i) => i.type === 'department')).toHaveLength(6);
		expect(out.find((i) => i.id === '4')).toMatchObject({
			type: 'department',
			parentId: '2',
			path: 'Sandbox Corp/研发中心/后端组',
		});
		expect(out.find((i) => i.id === 'zhangsan')).toMatchObject({
			type: 'member',
			departments: ['2', '4'],
			departmentPaths: ['Sandbox Corp/研发中心', 'Sandbox Corp/研发中心/后端组'],
			mobile: '+86 13800000001',
			status: 'active',
		});
		// The root is the top department itself, so only what is below it is synced back.
		const source = out
			.filter((i) => i.id !== '1')
			.map((i) => (i.parentId === '1' ? { ...i, parentId: '' } : i));
		// Part-time departments included, since Zhang San is in two.
		const back = await sync(source, {
			matchBy: 'id',
			simulate: true,
			syncOptions: { allDepartments: true },
		});
		expect(back.output('Node').slice(0, -1)).toEqual([]);
		expect(summaryOf(back)).toMatchObject({ planned: 0, blocked: false });
	});
});
