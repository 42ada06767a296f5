import type {
	IDataObject,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';

import { SANDBOX_CORP_ID, SANDBOX_SECRETS, type TenantProfile } from '../../sandbox/wecom/apps.cjs';
import { IDS_ONLY } from '../../nodes/WeCom/methods/directory';
import { weComTokens } from '../../nodes/WeCom/transport/token';
import { pickFrom } from '../harness/loadOptions.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

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
	const { sandbox } = sandboxForTests();
	let staticData: IDataObject;
	const fresh = (profile: TenantProfile) => {
		sandbox.state.reset(profile);
		weComTokens.clear();
		staticData = {};
	};

	const contacts = () => sandbox.state.wecom.contacts;
	const writes = () =>
		sandbox.state.log.all({ platform: 'wecom' }).filter((e) => WRITES.includes(e.path)).length;
	const credentials = () => ({
		wecomWelinkWeComApi: {
			corpId: SANDBOX_CORP_ID,
			secret: SANDBOX_SECRETS.contacts,
			agentId: '',
			baseUrl: sandbox.wecomBaseUrl,
		},
		// The self-built app "n8n Automation": created after 2022-06-20 on the modern tenant.
		wecomWelinkWeComReaderApi: {
			corpId: SANDBOX_CORP_ID,
			secret: SANDBOX_SECRETS.app,
			baseUrl: sandbox.wecomBaseUrl,
		},
	});
	let defaults: Record<string, unknown> = {};
	const sync = async (
		items: IDataObject[],
		parameters: Record<string, unknown> = {},
		options: { continueOnFail?: boolean; staticData?: IDataObject } = {},
	) =>
		await runNode(
			{
				type: 'weCom',
				continueOnFail: options.continueOnFail,
				parameters: {
					resource: 'contactsSync',
					operation: 'syncToWeCom',
					simulate: false,
					matchBy: 'mobile',
					fields: ['name', 'mobile', 'email', 'position', 'gender', 'employeeNo'],
					...defaults,
					...parameters,
				},
			},
			{ credentials: credentials(), items, staticData: options.staticData ?? staticData },
		);
	/** The Summary output: one item. */
	const summaryOf = (run: Awaited<ReturnType<typeof sync>>) => {
		const [summary, ...more] = run.output('Node', 1);
		expect(more).toEqual([]);
		return summary;
	};
	const departmentNamed = (name: string) =>
		[...contacts().departments.values()].find((d) => d.name === name);
	const calls = (path: string) => sandbox.state.log.all({ platform: 'wecom', path }).length;

	describe('a legacy tenant (contacts-sync IP trusted before 2022-08-15), read with the WeCom API credential', () => {
		beforeEach(() => {
			fresh('legacy');
			defaults = { readWith: 'credential' };
		});

		it('simulates without writing, applies in a safe order, then a re-run makes zero writes', async () => {
			const simulated = await sync(hrOrg(), { simulate: true });
			expect(simulated.error).toBeUndefined();
			const plan = simulated.output('Node');
			expect(plan.map((a) => [a.action, a.sourceKey, a.status])).toEqual([
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
			expect(rerun.output('Node')).toEqual([]);
			expect(writes()).toBe(before);
		});

		it('converges after a partial failure', async () => {
			// The second member creation is refused.
			const failSecondCreate = () =>
				sandbox.state.faults.add({
					platform: 'wecom',
					path: '/cgi-bin/user/create',
					kind: 'errcode',
					errcode: 60104,
					after: 1,
				});
			failSecondCreate();
			// Failed writes fail the node and name what failed …
			const failing = await sync(hrOrg());
			expect(failing.error?.message).toBe('1 of 8 writes to WeCom failed; 7 were applied');
			expect(failing.error?.description).toMatch(
				/^create_member E00\d → E00\d: WeCom: .*\(60104\)/,
			);
			// … and with Continue On Fail the per-action report comes out instead.
			fresh('legacy');
			failSecondCreate();
			const first = await sync(hrOrg(), {}, { continueOnFail: true });
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
			expect(status.error?.message).toContain(
				'Member Mapping: Status: "on holiday" is not a status',
			);
			expect(sandbox.state.log.all({ platform: 'wecom' })).toHaveLength(0);
		});

		it('exports the org with paths in the shape Sync reads, and syncing the export back changes nothing', async () => {
			const exported = await runNode(
				{
					type: 'weCom',
					parameters: {
						resource: 'contactsSync',
						operation: 'exportFromWeCom',
						readWith: 'credential',
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
			expect(back.output('Node')).toEqual([]);
			expect(summaryOf(back)).toMatchObject({ planned: 0, blocked: false });
		});
	});

	describe('a modern tenant (WeCom as set up today), read with the Contacts Reader credential', () => {
		beforeEach(() => {
			fresh('modern');
			defaults = {};
		});

		it('simulates, applies, and a re-run plans 0 writes, with or without the links saved', async () => {
			const simulated = await sync(hrOrg(), { simulate: true });
			expect(simulated.error).toBeUndefined();
			expect(simulated.output('Node').map((a) => [a.action, a.sourceKey])).toEqual([
				['create_department', 'HQ'],
				['create_department', 'RD'],
				['create_department', 'OPS'],
				['create_member', 'E002'],
				['create_member', 'E003'],
				['create_member', 'E004'],
				['create_member', 'E005'],
				['update_member', 'E001'],
			]);
			// Zhang San was found through user/getuserid: the reader cannot see mobiles.
			const zhang = simulated.output('Node')[7];
			expect(zhang).toMatchObject({ targetId: 'zhangsan', after: { position: '研发总监' } });
			expect(Object.keys(zhang.after as IDataObject)).not.toContain('mobile');
			expect(summaryOf(simulated)).toMatchObject({
				writes: 0,
				// No member has the custom attribute 工号 yet: unknown, not empty, for everyone.
				hiddenFields: ['mobile', 'email', 'gender', 'address', 'employeeNo'],
				lookups: { field: 'mobile', found: 1, pending: 0 },
			});
			// One getuserid per number not linked otherwise (E001–E004; E005 has no mobile).
			expect(calls('/cgi-bin/user/getuserid')).toBe(4);
			expect(writes()).toBe(0);

			const applied = await sync(hrOrg());
			expect(summaryOf(applied)).toMatchObject({ applied: 8, failed: 0 });
			const rd = departmentNamed('研发部');
			expect(contacts().members.get('E002')).toMatchObject({ department: [rd?.id] });
			expect(contacts().members.get('zhangsan')).toMatchObject({ position: '研发总监' });
			expect(summaryOf(applied).bindings).toMatchObject({
				members: { E001: 'zhangsan', E002: 'E002', E005: 'E005' },
				departments: { RD: String(rd?.id) },
			});

			// The same run again, then as a manual run that keeps nothing (n8n saves no static data then).
			const before = writes();
			const lookupsBefore = calls('/cgi-bin/user/getuserid');
			const rerun = await sync(hrOrg());
			expect(summaryOf(rerun)).toMatchObject({ writes: 0, planned: 0 });
			expect(calls('/cgi-bin/user/getuserid')).toBe(lookupsBefore);
			const manual = await sync(hrOrg(), {}, { staticData: {} });
			expect(summaryOf(manual)).toMatchObject({ writes: 0, planned: 0 });
			expect(manual.output('Node')).toEqual([]);
			expect(summaryOf(manual).bindings).toEqual(summaryOf(applied).bindings);
			expect(writes()).toBe(before);
		});

		it('never clears, overwrites or matches on a field it cannot see', async () => {
			await sync(hrOrg());
			// WeCom has Zhang San as male with an email; the source says otherwise, and the reader sees neither.
			const changed = hrOrg().map((item) =>
				item.id === 'E001' ? { ...item, gender: 'female', email: 'other@x.cn' } : item,
			);
			const run = await sync(changed, { simulate: true });
			expect(summaryOf(run)).toMatchObject({ planned: 0 });
			// The legacy reader sees them and updates both.
			sandbox.state.wecom.apps.find((a) => a.kind === 'app')!.createdAt = '2021-01-01T00:00:00Z';
			const seeing = await sync(changed, { simulate: true });
			expect(seeing.output('Node')[0]).toMatchObject({
				action: 'update_member',
				targetId: 'zhangsan',
				after: { gender: 'female', email: 'other@x.cn' },
			});
		});

		it('finds a renamed and moved department on a run without saved links', async () => {
			await sync(hrOrg());
			const ops = departmentNamed('运维部');
			const renamed = hrOrg().map((item) =>
				item.id === 'OPS' ? { ...item, name: '基础设施部', parentId: 'RD' } : item,
			);
			const run = await sync(renamed, {}, { staticData: {} });
			expect(run.output('Node')[0]).toMatchObject({
				action: 'update_department',
				targetId: String(ops?.id),
				after: { name: '基础设施部' },
			});
			expect(contacts().departments.get(Number(ops?.id))).toMatchObject({
				name: '基础设施部',
				parentid: departmentNamed('研发部')?.id,
			});
		});

		it('explains a refused read: which call, which credential, which errcode, which setting', async () => {
			const legacyRead = await sync(hrOrg(), { readWith: 'credential', simulate: true });
			expect(legacyRead.error?.message).toBe(
				'WeCom refused department/list to the WeCom API credential: api forbidden for contact assistant (48009)',
			);
			expect(legacyRead.error?.description).toContain(
				'Contacts Reader Credential (Self-Built App)',
			);

			sandbox.state.wecom.apps.find((a) => a.kind === 'app')!.visibleDepartments = [2];
			const narrow = await sync(hrOrg(), { simulate: true });
			expect(narrow.error?.message).toBe(
				'The app of the WeCom Contacts Reader credential cannot see 3 of the 6 departments under department 1 (IDs 1, 6, 3)',
			);
			expect(narrow.error?.description).toContain('可见范围');

			const appAsWriter = await runNode(
				{
					type: 'weCom',
					parameters: { resource: 'contactsSync', operation: 'syncToWeCom', simulate: true },
				},
				{
					credentials: {
						...credentials(),
						wecomWelinkWeComApi: { ...credentials().wecomWelinkWeComReaderApi, agentId: '' },
					},
					items: hrOrg(),
				},
			);
			// An app's secret where the contacts-sync one belongs: list_id is refused.
			expect(appAsWriter.error?.message).toBe(
				'WeCom refused user/list_id to the WeCom API credential: api forbidden (48002)',
			);
			expect(appAsWriter.error?.description).toContain('管理工具 → 通讯录同步');
		});

		it('counts disables and moves into the disabled department against WeCom’s own guard, and lets a confirmed number through', async () => {
			const area = contacts().createDepartment({ name: '同步区', parentid: 1 });
			const top = { topDepartmentId: String(area.id), disabledDepartmentName: '已禁用用户' };
			await sync(hrOrg(), { syncOptions: top });
			const gone = hrOrg().map((item) =>
				item.type === 'member' ? { ...item, status: 'left' } : item,
			);
			const before = writes();
			// Thresholds raised as far as they go: WeCom's guard (more than 80 %) still stops it.
			const raised = { maxDecreaseCount: 1000, maxDecreasePercent: 100 };
			const blocked = await sync(gone, { ...raised, syncOptions: top });
			expect(blocked.error?.message).toMatch(
				/^Sync stopped before any write: 5 of 5 members \(100\.0%\) would be disabled or deleted, more than the platform's own guard allows/,
			);
			expect(blocked.error?.message).toContain('周一 (E002): disable_member');
			expect(blocked.error?.description).toContain('Confirm Removals (This Run) to 5');
			expect(writes()).toBe(before);

			const wrong = await sync(gone, { ...raised, syncOptions: { ...top, confirmRemovals: 4 } });
			expect(wrong.error?.message).toMatch(/^Sync stopped before any write/);
			expect(writes()).toBe(before);
			const confirmed = await sync(gone, {
				...raised,
				syncOptions: { ...top, confirmRemovals: 5 },
			});
			expect(summaryOf(confirmed)).toMatchObject({ decrease: 5, failed: 0 });
			expect(contacts().members.get('E002')).toMatchObject({
				enable: 0,
				department: [departmentNamed('已禁用用户')?.id],
			});
		});

		it('honours Continue On Fail in Export and Sync: the refusal becomes one error item', async () => {
			const exported = await runNode(
				{
					type: 'weCom',
					continueOnFail: true,
					parameters: {
						resource: 'contactsSync',
						operation: 'exportFromWeCom',
						readWith: 'credential',
					},
				},
				{ credentials: credentials(), items: [{ a: 1 }, { a: 2 }] },
			);
			expect(exported.error).toBeUndefined();
			expect(exported.output('Node')).toEqual([
				expect.objectContaining({
					error: expect.stringMatching(
						/^WeCom refused department\/list to the WeCom API credential/,
					),
					errcode: 48009,
				}),
			]);
			expect(exported.items('Node')[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
			const synced = await sync(hrOrg(), { readWith: 'credential' }, { continueOnFail: true });
			expect(synced.output('Node')).toEqual([expect.objectContaining({ errcode: 48009 })]);
		});

		it('exports what the reader sees: hidden fields are named, never sent empty', async () => {
			const exported = await runNode(
				{ type: 'weCom', parameters: { resource: 'contactsSync', operation: 'exportFromWeCom' } },
				{ credentials: credentials() },
			);
			expect(exported.error).toBeUndefined();
			const zhang = exported.output('Node').find((i) => i.id === 'zhangsan');
			expect(zhang).toMatchObject({
				type: 'member',
				name: '张三',
				unknownFields: ['mobile', 'email', 'gender', 'address', 'employeeNo'],
			});
			expect(zhang).not.toHaveProperty('mobile');
			expect(calls('/cgi-bin/user/list')).toBe(6);
		});
	});

	describe('pickers on a modern tenant: this node’s WeCom API credential holds the contacts-sync secret', () => {
		beforeEach(() => fresh('modern'));
		const contactsSecret = () => ({ wecomWelinkWeComApi: credentials().wecomWelinkWeComApi });
		const byValue = (list: INodePropertyOptions[]) =>
			[...list].sort((a, b) => Number(a.value) - Number(b.value));
		const options = async (
			method: string,
			parameters: INodeParameters,
			selected: Partial<ReturnType<typeof credentials>> = contactsSecret(),
		) =>
			(await pickFrom({
				type: 'weCom',
				method,
				parameters,
				credentials: selected,
			})) as INodePropertyOptions[];
		const search = async (method: string, parameters: INodeParameters, filter?: string) =>
			(await pickFrom({
				type: 'weCom',
				method,
				parameters,
				credentials: contactsSecret(),
				listSearch: { filter },
			})) as INodeListSearchResult;
		const refusals = () =>
			sandbox.state.log.all({ platform: 'wecom' }).filter((e) => e.code === '48009').length;
		const member = { resource: 'member', operation: 'create' };
		const contactsSync = { resource: 'contactsSync', operation: 'syncToWeCom' };

		it('a Member node lists every department and member as an ID, saying why no name shows', async () => {
			expect(byValue(await options('getDepartments', member))).toEqual(
				[...contacts().departments.keys()].map((id) => ({
					name: `${id} (ID only)`,
					value: id,
					description: IDS_ONLY,
				})),
			);
			const members = await search('searchMembers', member);
			expect(members.results.map((m) => m.value).sort()).toEqual(
				[...contacts().members.keys()].sort(),
			);
			expect(members.results.every((m) => m.description === IDS_ONLY)).toBe(true);
			expect(members.paginationToken).toBeUndefined();
			// The filter applies to the IDs.
			expect((await search('searchMembers', member, 'zhang')).results).toEqual([
				{ name: 'zhangsan (ID only)', value: 'zhangsan', description: IDS_ONLY },
			]);
			expect((await search('searchDepartments', member, '4')).results).toEqual([
				{ name: '4 (ID only)', value: '4', description: IDS_ONLY },
			]);
			// Each picker asked for names once (refused), then listed IDs.
			expect(refusals()).toBe(4);
			expect(calls('/cgi-bin/user/list_id')).toBe(2);
		});

		it('tags list with the contacts-sync secret (tag/list is not a detail read)', async () => {
			expect(await options('getTags', { resource: 'tag', operation: 'addMembers' })).toEqual(
				[...sandbox.state.wecom.messages.tags].map(([id, tag]) => ({
					name: `${tag.tagname} (${id})`,
					value: id,
				})),
			);
			expect(refusals()).toBe(0);
		});

		it('Contacts Sync’s Top Department reads names with the node’s Contacts Reader credential', async () => {
			expect(byValue(await options('getDepartments', contactsSync, credentials()))).toEqual(
				[...contacts().departments.values()].map((d) => ({
					name: `${d.name} (${d.id})`,
					value: d.id,
				})),
			);
			expect(refusals()).toBe(0);
			// Reading with the WeCom API credential (the legacy setting), it falls back to IDs.
			const legacy = await options(
				'getDepartments',
				{ ...contactsSync, readWith: 'credential' },
				credentials(),
			);
			expect(legacy).toContainEqual({ name: '1 (ID only)', value: 1, description: IDS_ONLY });
			expect(refusals()).toBe(1);
		});
	});
});
