import type { IDataObject } from 'n8n-workflow';

import { seedLargeWeLinkContacts } from '../../sandbox/welink/contacts.cjs';
import { SANDBOX_WELINK_TENANT_ID as T } from '../../sandbox/welink/world.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('WeLink contacts against the sandbox', () => {
	const { sandbox, operations } = sandboxForTests();
	const departmentOp = operations('weLink', 'department');
	const userOp = operations('weLink', 'user');
	const world = () => sandbox.state.welink;

	it('walks the whole tree (level 1, then each subtree) and lists a department’s users page by page', async () => {
		seedLargeWeLinkContacts(world(), 120, 130);
		const tree = await departmentOp('getAll', {
			parentDepartment: { __rl: true, mode: 'id', value: '0' },
			options: { includeDescendants: true },
			returnAll: true,
		});
		expect(tree.error).toBeUndefined();
		expect(tree.output('Node')).toHaveLength(123);
		const lists = sandbox.state.log.all({ path: '/api/contact/v2/departments/list' });
		expect(lists.map((l) => l.query)).toEqual([
			{ deptCode: '0', recursiveflag: '0', offset: '1', limit: '100' },
			{ deptCode: '1001', recursiveflag: '1', offset: '1', limit: '100' },
			{ deptCode: '1001', recursiveflag: '1', offset: '2', limit: '100' },
		]);

		const children = await departmentOp('getAll', {
			parentDepartment: { __rl: true, mode: 'corpCode', value: 'D001' },
			limit: 2,
		});
		// by orderNo: the bulk departments have 1, 2, …; 平台组 (1003) has 3
		expect(children.output('Node').map((d) => d.deptCode)).toEqual(['5000', '5001']);

		const users = await userOp('getAll', {
			department: { __rl: true, mode: 'id', value: '5000' },
			returnAll: true,
		});
		expect(users.output('Node').map((u) => u.corpUserId)).toEqual(['B00000', 'B00120']);
		const big = await userOp('getAll', {
			department: { __rl: true, mode: 'id', value: '1001' },
			limit: 1,
		});
		expect(big.output('Node')).toEqual([expect.objectContaining({ userId: `zhangsan@${T}` })]);
	});

	it('creates, reads, updates and deletes a department and a user in real time', async () => {
		const dept = await departmentOp('create', {
			parentDepartment: { __rl: true, mode: 'corpCode', value: 'D001' },
			corpDeptCode: 'D900',
			deptNameCn: '测试部',
			additionalFields: { deptNameEn: 'QA', visibleRange: 3, createDeptGroup: true },
		});
		expect(dept.error).toBeUndefined();
		const { deptCode } = dept.output('Node')[0] as { deptCode: string };
		expect(world().departments.get(deptCode)).toMatchObject({
			corpDeptCode: 'D900',
			parentCode: '1001',
			deptNameEn: 'QA',
			visibleRange: 3,
			createDeptGroup: 1,
		});

		const user = await userOp('create', {
			corpUserId: 'E900',
			userNameCn: '赵六',
			mobileNumber: '+86-13900000900',
			sex: 'F',
			departments: [deptCode],
			additionalFields: {
				userEmail: 'zhaoliu@example.com',
				position: '测试',
				extAttr: '{"level":"P5"}',
			},
		});
		expect(user.error).toBeUndefined();
		const { userId } = user.output('Node')[0] as { userId: string };
		expect(userId).toBe(`e900@${T}`);

		const ids = await userOp('getIds', { corpUserIds: 'E900, E001, E404' });
		expect(ids.output('Node')).toEqual([
			{ corpUserId: 'E900', userId, found: true },
			{ corpUserId: 'E001', userId: `zhangsan@${T}`, found: true },
			{ corpUserId: 'E404', userId: null, found: false },
		]);

		const updated = await userOp('update', {
			user: { __rl: true, mode: 'corpUserId', value: 'E900' },
			updateFields: { position: '测试主管', corpDeptCodes: 'D900,D002' },
		});
		expect(updated.error).toBeUndefined();
		const read = await userOp('get', {
			user: { __rl: true, mode: 'mobile', value: '+86-13900000900' },
		});
		expect(read.output('Node')[0]).toMatchObject({
			userId,
			position: '测试主管',
			deptCodes: [deptCode, '1002'],
			extAttr: { level: 'P5' },
		});

		const notEmpty = await departmentOp('delete', {
			department: { __rl: true, mode: 'corpCode', value: 'D900' },
		});
		// No page gives this refusal a code: the sandbox answers 47004 (参数不对) with its reason.
		expect(notEmpty.error?.message).toBe('WeLink: a parameter is not right (参数不对) (47004)');
		expect(notEmpty.error?.description).toContain('department has sub-departments or users');

		const gone = await userOp('delete', {
			user: { __rl: true, mode: 'id', value: userId },
			options: { deleteAccount: true },
		});
		expect(gone.output('Node')[0]).toMatchObject({ userId, deleted: true, accountDeleted: true });
		expect(world().contactJobs.deletedUsers).toEqual([
			{ userId, corpUserId: 'E900', isDeleteUser: 1 },
		]);

		const renamed = await departmentOp('update', {
			department: { __rl: true, mode: 'id', value: deptCode },
			updateFields: { deptNameCn: '质量部' },
		});
		expect(renamed.error).toBeUndefined();
		const detail = await departmentOp('get', {
			department: { __rl: true, mode: 'corpCode', value: 'D900' },
		});
		expect(detail.output('Node')[0]).toMatchObject({
			deptCode,
			deptNameCn: '质量部',
			corpParentCode: 'D001',
		});

		const removed = await departmentOp('delete', {
			department: { __rl: true, mode: 'id', value: deptCode },
		});
		expect(removed.output('Node')[0]).toMatchObject({ deptCode, deleted: true });
		expect(world().departments.has(deptCode)).toBe(false);
	});

	it('syncs 150 departments in two jobs, parents first, and gives every input item its own result', async () => {
		const items: IDataObject[] = [
			// children listed before their parent: the node sends the parent first
			{ code: 'S-A-1', name: '子部门A1', parent: 'S-A' },
			{ code: 'S-A', name: '部门A', parent: '0' },
			...Array.from({ length: 147 }, (_, i) => ({
				code: `S-${i}`,
				name: `部门${i}`,
				parent: 'S-A',
			})),
			{ code: 'S-X', name: '孤儿', parent: 'NOPE' },
		];
		const run = await departmentOp(
			'syncBatch',
			{
				corpDeptCode: '={{ $json.code }}',
				deptNameCn: '={{ $json.name }}',
				corpParentCode: '={{ $json.parent }}',
			},
			items,
		);
		expect(run.error).toBeUndefined();
		const out = run.output('Node');
		expect(out).toHaveLength(150);
		expect(out[0]).toMatchObject({
			corpDeptCode: 'S-A-1',
			action: 'upsert',
			success: true,
			code: '0',
		});
		expect(out[149]).toMatchObject({ corpDeptCode: 'S-X', success: false, code: '47012' });
		expect(run.items('Node').map((i) => (i.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: 150 }, (_, i) => i),
		);
		const submits = sandbox.state.log.all({ path: '/api/contact/v1/department/batch/sync' });
		expect(submits.map((s) => (s.body as { deptInfos: unknown[] }).deptInfos.length)).toEqual([
			100, 50,
		]);
		expect((submits[0].body as { deptInfos: IDataObject[] }).deptInfos[0]).toEqual({
			corpDeptCode: 'S-A',
			valid: '1',
			deptNameCn: '部门A',
			corpParentCode: '0',
		});
		// Each job polled until 100 % (50 % per poll in the sandbox), the second sent after the first finished.
		const order = sandbox.state.log
			.all({ platform: 'welink' })
			.map((e) => e.path)
			.filter((p) => p.includes('/batch/'));
		expect(order).toEqual([
			'/api/contact/v1/department/batch/sync',
			'/api/contact/v1/batch/result',
			'/api/contact/v1/batch/result',
			'/api/contact/v1/department/batch/sync',
			'/api/contact/v1/batch/result',
			'/api/contact/v1/batch/result',
		]);

		const deleted = await departmentOp(
			'syncBatch',
			{ corpDeptCode: '={{ $json.code }}', syncAction: 'delete' },
			[{ code: 'S-A' }, { code: 'S-0' }],
		);
		expect(deleted.output('Node')).toEqual([
			expect.objectContaining({
				corpDeptCode: 'S-A',
				action: 'delete',
				success: false,
				code: '47004',
			}),
			expect.objectContaining({ corpDeptCode: 'S-0', action: 'delete', success: true }),
		]);
	});

	it('syncs users (create and update), refusing a duplicate key before anything is sent', async () => {
		const dupe = await userOp(
			'syncBatch',
			{
				corpUserId: '={{ $json.id }}',
				userNameCn: '={{ $json.name }}',
				mobileNumber: '={{ $json.mobile }}',
				corpDeptCodes: 'D001',
			},
			[
				{ id: 'E001', name: '张三', mobile: '+86-15800000001' },
				{ id: 'E001', name: '张三', mobile: '+86-15800000001' },
			],
		);
		expect(dupe.error?.message).toBe('Corp User ID: "E001" is also in item 0 [item 1]');
		expect(sandbox.state.log.all({ path: '/api/contact/v1/user/batch/sync' })).toHaveLength(0);

		const run = await userOp(
			'syncBatch',
			{
				corpUserId: '={{ $json.id }}',
				userNameCn: '={{ $json.name }}',
				mobileNumber: '={{ $json.mobile }}',
				corpDeptCodes: '={{ $json.depts }}',
				additionalFields: { position: '={{ $json.position }}' },
			},
			[
				{
					id: 'E001',
					name: '张三丰',
					mobile: '+86-15800000001',
					depts: 'D001,D002',
					position: '总监',
				},
				{
					id: 'E777',
					name: '新人',
					mobile: '+86-13700000777',
					depts: ['D003'],
					position: '工程师',
				},
				{ id: 'E778', name: '冲突', mobile: '+86-13700000777', depts: 'D003', position: '工程师' },
			],
		);
		expect(run.output('Node')).toEqual([
			expect.objectContaining({ corpUserId: 'E001', success: true, message: 'updated' }),
			expect.objectContaining({ corpUserId: 'E777', success: true, message: 'created' }),
			expect.objectContaining({ corpUserId: 'E778', success: false, code: '47004' }),
		]);
		expect(world().users.get(`zhangsan@${T}`)).toMatchObject({
			userNameCn: '张三丰',
			deptCodes: ['1001', '1002'],
		});
		expect(world().users.get(`e777@${T}`)).toMatchObject({
			deptCodes: ['1003'],
			position: '工程师',
		});
	});
});
