import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_WELINK_TENANT_ID as T } from '../../sandbox/welink/world.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

/** A source org as an HR system would give it: one item per department and per member. */
function hrOrg() {
	return [
		{ type: 'department', id: 'HQ', name: '总部', parentId: '' },
		{ type: 'department', id: 'RD', name: '研发中心', parentId: 'HQ', order: 20 },
		{ type: 'department', id: 'OPS', name: '运维部', parentId: 'HQ', order: 10 },
		// Zhang San already exists in WeLink (+86-15800000001): matched by mobile, moved into the tree.
		{
			type: 'member',
			id: 'E001',
			name: '张三',
			mobile: '15800000001',
			departments: ['RD'],
			position: '研发总监',
			status: 'active',
		},
		{
			type: 'member',
			id: 'H002',
			name: '周一',
			mobile: '13700000002',
			email: 'zhouyi@hr.example.com',
			departments: 'RD,OPS',
			gender: '男',
			status: '在职',
		},
		{
			type: 'member',
			id: 'H003',
			name: '吴二',
			mobile: '+86 137 0000 0003',
			departments: ['OPS'],
			gender: '女',
		},
		{
			type: 'member',
			id: 'H004',
			name: '郑三',
			mobile: '13700000004',
			departments: ['OPS'],
			gender: 'male',
		},
		{
			type: 'member',
			id: 'H005',
			name: '冯四',
			mobile: '13700000005',
			email: 'fengsi@hr.example.com',
			departments: ['HQ'],
			employeeNo: 'A-5',
			gender: 'f',
		},
	] as IDataObject[];
}

const WRITES = new Set(
	[
		'department/create',
		'department/update',
		'department/delete',
		'department/batch/sync',
		'user/create',
		'user/update',
		'user/delete',
		'user/mobilenumber',
		'user/batch/sync',
		'user/batch/delete',
		'users/bulk',
	].map((p) => `/api/contact/v1/${p}`),
);

describe('Contacts Sync to WeLink against the sandbox', () => {
	const { sandbox, weLinkCredentials: credentials } = sandboxForTests();
	let staticData: IDataObject;
	beforeEach(() => {
		staticData = {};
	});

	const world = () => sandbox.state.welink;
	const writeCalls = () =>
		sandbox.state.log.all({ platform: 'welink' }).filter((e) => WRITES.has(e.path));
	const writes = () => writeCalls().length;
	/** Writes and user read-backs after a point of the log, as [path, body]. */
	const callsAfter = (seq: number) =>
		sandbox.state.log
			.all({ platform: 'welink' })
			.filter((e) => e.seq > seq && (WRITES.has(e.path) || e.path.endsWith('/user/detail')))
			.map((e) => [e.path.replace('/api/contact/', ''), e.body]);
	/** `onError`: true is Continue On Fail (regular output). */
	const sync = async (
		items: IDataObject[],
		parameters: Record<string, unknown> = {},
		onError: boolean | 'continueErrorOutput' = false,
	) =>
		await runNode(
			{
				type: 'weLink',
				continueOnFail: onError === true,
				...(onError === 'continueErrorOutput' ? { onError } : {}),
				parameters: {
					resource: 'contactsSync',
					operation: 'syncToWeLink',
					simulate: false,
					matchBy: 'mobile',
					fields: ['name', 'mobile', 'email', 'position', 'gender', 'employeeNo'],
					...parameters,
				},
			},
			{ credentials: credentials(), items, staticData },
		);
	/** The Summary output: one item. */
	const summaryOf = (run: Awaited<ReturnType<typeof sync>>) => {
		const [summary, ...more] = run.output('Node', 1);
		expect(more).toEqual([]);
		return summary;
	};
	const departmentNamed = (name: string) =>
		[...world().departments.values()].find((d) => d.deptNameCn === name);
	const user = (corpUserId: string) =>
		[...world().users.values()].find((u) => u.corpUserId === corpUserId);

	it('simulates without writing, applies in a safe order, then a re-run makes zero writes', async () => {
		const simulated = await sync(hrOrg(), { simulate: true });
		expect(simulated.error).toBeUndefined();
		const plan = simulated.output('Node');
		expect(plan.map((a) => [a.action, a.sourceKey, a.status])).toEqual([
			['create_department', 'HQ', 'planned'],
			['create_department', 'RD', 'planned'],
			['create_department', 'OPS', 'planned'],
			['create_member', 'H002', 'planned'],
			['create_member', 'H003', 'planned'],
			['create_member', 'H004', 'planned'],
			['create_member', 'H005', 'planned'],
			['update_member', 'E001', 'planned'],
		]);
		// Level 1 hangs under the virtual root "0"; existing IDs are corp codes.
		expect(plan[0]).toMatchObject({ after: { name: '总部', parentId: '0' } });
		expect(plan[7]).toMatchObject({
			targetId: 'E001',
			before: { departments: ['D001'], mainDepartment: 'D001' },
			after: { position: '研发总监', departments: ['new:RD'], mainDepartment: 'new:RD' },
		});
		expect(summaryOf(simulated)).toMatchObject({
			platform: 'WeLink',
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
		// The corp codes are the source keys; level 1 is under "0"; orders went through batch sync.
		const hq = departmentNamed('总部');
		const rd = departmentNamed('研发中心');
		expect(hq).toMatchObject({ corpDeptCode: 'HQ', parentCode: '0' });
		expect(rd).toMatchObject({ corpDeptCode: 'RD', parentCode: hq?.deptCode, orderNo: 20 });
		expect(departmentNamed('运维部')).toMatchObject({ corpDeptCode: 'OPS', orderNo: 10 });
		expect(user('E001')).toMatchObject({
			userId: `zhangsan@${T}`,
			position: '研发总监',
			deptCodes: [rd?.deptCode],
			mainDeptCode: rd?.deptCode,
		});
		expect(user('H002')).toMatchObject({
			userNameCn: '周一',
			mobileNumber: '+86-13700000002',
			userEmail: 'zhouyi@hr.example.com',
			sex: 'M',
			deptCodes: [rd?.deptCode],
		});
		expect(user('H003')).toMatchObject({ mobileNumber: '+86-13700000003', sex: 'F' });
		expect(user('H005')).toMatchObject({ employeeId: 'A-5', sex: 'F', deptCodes: [hq?.deptCode] });
		// Departments are created before the users that need them.
		const order = writeCalls().map((e) => e.path);
		expect(order.lastIndexOf('/api/contact/v1/department/batch/sync')).toBeLessThan(
			order.indexOf('/api/contact/v1/user/create'),
		);
		const created = writeCalls().filter((e) => e.path === '/api/contact/v1/user/create');
		expect(created.map((e) => e.body)).toContainEqual({
			corpUserId: 'H002',
			mobileNumber: '+86-13700000002',
			userNameCn: '周一',
			userEmail: 'zhouyi@hr.example.com',
			sex: 'M',
			corpDeptCodes: ['RD'],
			mainCorpDeptCode: 'RD',
			isNotify: 0,
		});

		const before = writes();
		const rerun = await sync(hrOrg());
		expect(summaryOf(rerun)).toMatchObject({ writes: 0, planned: 0, applied: 0 });
		expect(rerun.output('Node')).toEqual([]);
		expect(writes()).toBe(before);
	});

	const failSecondUserCreate = () =>
		sandbox.state.faults.add({
			platform: 'welink',
			path: '/api/contact/v1/user/create',
			kind: 'errcode',
			errcode: '47004',
			after: 1,
		});

	it('converges after a partial failure', async () => {
		failSecondUserCreate();
		// Failed writes fail the node; Continue On Fail gives the per-action report instead.
		const first = await sync(hrOrg(), {}, true);
		expect(first.error).toBeUndefined();
		const failed = first.output('Node').filter((a) => a.status === 'failed');
		expect(failed).toHaveLength(1);
		expect(failed[0].error).toContain('47004');
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

	it('with the error output, failed actions go there paired with their source item; Actions and Summary stay apart', async () => {
		failSecondUserCreate();
		const run = await sync(hrOrg(), {}, 'continueErrorOutput');
		expect(run.error).toBeUndefined();
		const [actions, summary, errors] = [0, 1, 2].map((output) => run.items('Node', output));
		expect(actions.map((a) => a.json.status)).toEqual(Array(7).fill('applied'));
		// One table: every action has the same keys.
		const keys = [
			'action',
			'status',
			'sourceKey',
			'targetId',
			'reason',
			'error',
			'before',
			'after',
		];
		for (const a of actions) expect(Object.keys(a.json)).toEqual(keys);
		expect(summary.map((s) => s.json)).toMatchObject([{ failed: 1, applied: 7, writes: 8 }]);
		expect(summary[0].pairedItem).toHaveLength(hrOrg().length);
		// n8n keeps only the message of an item on the error output; it names the member.
		const created = actions.filter((a) => a.json.action === 'create_member');
		const missing = ['H002', 'H003', 'H004', 'H005'].filter(
			(key) => !created.some((a) => a.json.sourceKey === key),
		);
		expect(missing).toHaveLength(1);
		expect(errors).toMatchObject([
			{
				json: { error: expect.stringMatching(new RegExp(`^create_member ${missing[0]} .*47004`)) },
				pairedItem: { item: hrOrg().findIndex((item) => item.id === missing[0]) },
			},
		]);
		// Each action is paired with its own source item.
		for (const a of actions)
			expect(hrOrg()[(a.pairedItem as { item: number }).item].id).toBe(a.json.sourceKey);
	});

	it('closes leavers and moves them to the disabled department; the threshold blocks a mass removal before any write', async () => {
		await sync(hrOrg());
		const leavers = hrOrg().map((item) =>
			item.id === 'H003' ? { ...item, status: '离职' } : item,
		);
		const mark = sandbox.state.log.lastSeq;
		const run = await sync(leavers, { syncOptions: { disabledDepartmentName: '已禁用用户' } });
		expect(run.error).toBeUndefined();
		expect(run.output('Node').map((a) => [a.action, a.status])).toEqual([
			['create_department', 'applied'],
			['disable_member', 'applied'],
		]);
		const disabled = departmentNamed('已禁用用户');
		expect(disabled?.parentCode).toBe('0');
		expect(disabled?.corpDeptCode).toMatch(/^D[0-9a-f]{16}$/);
		expect(user('H003')).toMatchObject({ userStatus: 4, deptCodes: [disabled?.deptCode] });
		// users/bulk (the user as WeLink has it, valid "0"), read back until closed, then the move.
		const record = {
			corpUserId: 'H003',
			userNameCn: '吴二',
			sex: 'F',
			mobileNumber: '+86-13700000003',
			phoneNumber: '+86-13700000003',
		};
		const closing = callsAfter(mark);
		expect(closing[0]).toEqual([
			'v1/department/create',
			{ corpDeptCode: disabled?.corpDeptCode, corpParentCode: '0', deptNameCn: '已禁用用户' },
		]);
		expect(closing[1]).toEqual([
			'v1/users/bulk',
			{
				personInfo: [
					{
						...record,
						corpDeptCode: disabled?.corpDeptCode,
						isOpenAccount: '0',
						valid: '0',
					},
				],
			},
		]);
		// WeLink applies it later: the first read still shows the user open.
		const reads = closing.filter(([path]) => path === 'v2/user/detail');
		expect(reads.length).toBeGreaterThanOrEqual(2);
		expect(reads[0][1]).toEqual({ corpUserId: 'H003' });
		expect(closing.indexOf(reads[0])).toBe(2);
		expect(closing.at(-1)).toEqual([
			'v1/user/update',
			{
				corpUserId: 'H003',
				corpDeptCodes: [disabled?.corpDeptCode],
				mainCorpDeptCode: disabled?.corpDeptCode,
			},
		]);
		expect(closing.map(([path]) => path)).not.toContain('v1/user/batch/sync');
		// Closed users are not written again.
		const again = await sync(leavers, { syncOptions: { disabledDepartmentName: '已禁用用户' } });
		expect(summaryOf(again)).toMatchObject({ writes: 0 });

		// Back in the source: reopened (valid "1"), read back, moved back.
		const reopenedAt = sandbox.state.log.lastSeq;
		const back = await sync(hrOrg(), { syncOptions: { disabledDepartmentName: '已禁用用户' } });
		expect(back.output('Node').map((a) => [a.action, a.status])).toEqual([
			['update_member', 'applied'],
		]);
		expect(user('H003')).toMatchObject({
			userStatus: 1,
			deptCodes: [departmentNamed('运维部')?.deptCode],
		});
		const reopening = callsAfter(reopenedAt);
		expect(reopening[0]).toEqual([
			'v1/users/bulk',
			{ personInfo: [{ ...record, corpDeptCode: 'OPS', isOpenAccount: '1', valid: '1' }] },
		]);
		expect(reopening.at(-1)).toEqual([
			'v1/user/update',
			{ corpUserId: 'H003', corpDeptCodes: ['OPS'], mainCorpDeptCode: 'OPS' },
		]);

		// A broken export where everyone but Zhang San "left": 4 of 7 enabled users would go.
		const writesBefore = writes();
		const gone = hrOrg().map((item) =>
			item.type === 'member' && item.id !== 'E001' ? { ...item, status: 'left' } : item,
		);
		const blocked = await sync(gone, { maxDecreaseCount: 50, maxDecreasePercent: 20 });
		expect(blocked.error?.message).toMatch(
			/^Sync stopped before any write: 4 of 7 members \(57\.1%\) would be disabled or deleted/,
		);
		expect(writes()).toBe(writesBefore);
		const preview = await sync(gone, { simulate: true, maxDecreasePercent: 20 });
		expect(summaryOf(preview)).toMatchObject({ blocked: true, decrease: 4, writes: 0 });
		expect(user('H002')).toMatchObject({ userStatus: 1 });
	});

	it('a close WeLink has not applied within Max Wait is a failed action; a later run finds it done', async () => {
		await sync(hrOrg());
		const leavers = hrOrg().map((item) =>
			item.id === 'H004' ? { ...item, status: 'left' } : item,
		);
		// WeLink accepts the record but has not got to it yet.
		world().contactJobs.userSyncsPaused = true;
		const stuck = await sync(leavers, { syncOptions: { leavers: 'disable', maxWaitSeconds: 2 } });
		expect(stuck.error?.message).toBe('1 of 1 writes to WeLink failed; 0 were applied');
		expect(stuck.error?.description).toMatch(
			/disable_member H004 → 郑三 \(H004\): WeLink accepted the close \(users\/bulk\) but after \d+ s the user is still open \(userStatus 1\)/,
		);
		expect(user('H004')).toMatchObject({ userStatus: 1 });
		const reported = await sync(
			leavers,
			{ syncOptions: { leavers: 'disable', maxWaitSeconds: 1 } },
			true,
		);
		expect(reported.output('Node')).toMatchObject([
			{ action: 'disable_member', status: 'failed', error: expect.stringContaining('still open') },
		]);
		expect(summaryOf(reported)).toMatchObject({ failed: 1, applied: 0 });

		// WeLink gets to the records: the user is closed, and nothing is left to do.
		world().contactJobs.userSyncsPaused = false;
		const later = await sync(leavers, { syncOptions: { leavers: 'disable' } });
		expect(user('H004')).toMatchObject({ userStatus: 4 });
		expect(summaryOf(later)).toMatchObject({ writes: 0 });
		// The first record closed the user; the second (sent by the run that reported the failure)
		// may still be waiting, and changes nothing when applied.
		const applied = world().contactJobs.userSyncResults.map((r) => r.code);
		expect(applied[0]).toBe('47109');
		expect(applied.every((code) => code === '47109')).toBe(true);
	});

	it('the sandbox refuses `valid` in a user batch sync (the Java SDK’s record has none) and checks users/bulk', async () => {
		await sync(hrOrg());
		const send = async (path: string, body: IDataObject) =>
			await runNode(
				{
					type: 'weLink',
					parameters: {
						resource: 'apiRequest',
						operation: 'request',
						method: 'POST',
						path,
						body: JSON.stringify(body),
					},
				},
				{ credentials: credentials() },
			);
		const batch = await send('/contact/v1/user/batch/sync', {
			personInfos: [{ corpUserId: 'H004', valid: '0' }],
		});
		expect(batch.error?.message).toMatch(/47004/);
		expect(JSON.stringify(batch.error)).toContain('unknown field personInfos[0].valid');
		const record = {
			corpUserId: 'H004',
			userNameCn: '郑三',
			sex: 'M',
			mobileNumber: '+86-13700000004',
			phoneNumber: '+86-13700000004',
			corpDeptCode: 'OPS',
			isOpenAccount: '0',
			valid: '0',
		};
		// At most 10 records; every field the SDK marks required; valid only "1" / "0".
		const eleven = await send('/contact/v1/users/bulk', {
			personInfo: Array.from({ length: 11 }, () => record),
		});
		expect(JSON.stringify(eleven.error)).toContain('personInfo has more than 10 items');
		const noSex = Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'sex'));
		const missing = await send('/contact/v1/users/bulk', { personInfo: [noSex] });
		expect(JSON.stringify(missing.error)).toContain('personInfo[0].sex is required');
		const wrong = await send('/contact/v1/users/bulk', { personInfo: [{ ...record, valid: 0 }] });
		expect(JSON.stringify(wrong.error)).toContain('personInfo[0].valid must be string');
		expect(world().contactJobs.userSyncs).toHaveLength(0);
		// Accepted now, applied later: the user is still open until the sandbox gets to it.
		const accepted = await send('/contact/v1/users/bulk', { personInfo: [record] });
		expect(accepted.error).toBeUndefined();
		expect(accepted.output('Node')).toMatchObject([{ data: [{ corpUserId: 'H004', code: '0' }] }]);
		expect(user('H004')).toMatchObject({ userStatus: 1 });
		expect(world().contactJobs.userSyncs).toHaveLength(1);
	});

	it('deletes leavers in one batch job, and changes a mobile number with its own call', async () => {
		await sync(hrOrg());
		const changed = hrOrg()
			.filter((item) => item.id !== 'H004')
			.map((item) => (item.id === 'H005' ? { ...item, mobile: '13900000005' } : item));
		const run = await sync(changed, { syncOptions: { leavers: 'delete' } });
		expect(run.error).toBeUndefined();
		expect(run.output('Node').map((a) => [a.action, a.targetId, a.status])).toEqual([
			['update_member', 'H005', 'applied'],
			['delete_member', 'H004', 'applied'],
		]);
		expect(user('H004')).toBeUndefined();
		expect(user('H005')).toMatchObject({ mobileNumber: '+86-13900000005' });
		expect(world().contactJobs.deletedUsers).toEqual([
			{ userId: `h004@${T}`, corpUserId: 'H004', isDeleteUser: 0 },
		]);
		const paths = writeCalls().map((e) => e.path);
		expect(paths).toContain('/api/contact/v1/user/mobilenumber');
		expect(paths).toContain('/api/contact/v1/user/batch/delete');
		expect(paths).not.toContain('/api/contact/v1/user/delete');
		const rerun = await sync(changed, { syncOptions: { leavers: 'delete' } });
		expect(summaryOf(rerun)).toMatchObject({ writes: 0 });
	});

	it('stops on a bad source item before calling WeLink', async () => {
		const items = [...hrOrg(), { type: 'person', id: 'X' }];
		const run = await sync(items);
		expect(run.error?.message).toBe(
			'Record Type: "person" is neither "department" nor "member" [item 8]',
		);
		const gender = await sync([
			{ type: 'member', id: 'E9', name: 'N', gender: 'x', departments: 'RD' },
		]);
		expect(gender.error?.message).toContain('Member Mapping: Gender: "x" is not a gender');
		// With the error output, the stop is one item there, paired with the bad item.
		const routed = await sync(items, {}, 'continueErrorOutput');
		expect(routed.error).toBeUndefined();
		expect([0, 1].map((output) => routed.output('Node', output))).toEqual([[], []]);
		expect(routed.items('Node', 2)).toMatchObject([
			{
				json: { type: 'person', error: expect.stringContaining('Record Type: "person"') },
				pairedItem: { item: 8 },
			},
		]);
		expect(sandbox.state.log.all({ platform: 'welink' })).toHaveLength(0);
	});

	it('exports the org with paths in the shape Sync reads, and syncing the export back changes nothing', async () => {
		const exported = await runNode(
			{
				type: 'weLink',
				parameters: { resource: 'contactsSync', operation: 'exportFromWeLink' },
			},
			{ credentials: credentials() },
		);
		expect(exported.error).toBeUndefined();
		const out = exported.output('Node');
		expect(out.filter((i) => i.type === 'department')).toEqual([
			{
				type: 'department',
				id: 'D001',
				name: '研发部',
				parentId: '',
				order: 1,
				path: '研发部',
				deptCode: '1001',
			},
			{
				type: 'department',
				id: 'D002',
				name: '市场部',
				parentId: '',
				order: 2,
				path: '市场部',
				deptCode: '1002',
			},
			{
				type: 'department',
				id: 'D003',
				name: '平台组',
				parentId: 'D001',
				order: 3,
				path: '研发部/平台组',
				deptCode: '1003',
			},
		]);
		expect(out.find((i) => i.id === 'E003')).toEqual({
			type: 'member',
			id: 'E003',
			name: '王五',
			mobile: '+86-15800000003',
			email: 'wangwu@welink.example.com',
			gender: 'male',
			alias: 'Wang Wu',
			employeeNo: 'E003',
			departments: ['D003'],
			mainDepartment: 'D003',
			departmentPaths: ['研发部/平台组'],
			status: 'active',
			userId: `wangwu@${T}`,
		});
		const back = await sync(out, {
			matchBy: 'id',
			simulate: true,
			fields: ['name', 'mobile', 'email', 'position', 'gender', 'alias', 'employeeNo'],
			syncOptions: { allDepartments: true },
		});
		expect(back.output('Node')).toEqual([]);
		expect(summaryOf(back)).toMatchObject({ planned: 0, blocked: false });
	});
});
