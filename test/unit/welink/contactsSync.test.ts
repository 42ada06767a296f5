import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	WELINK_LIMITS,
	deriveDepartmentCode,
} from '../../../nodes/WeLink/actions/contactsSync/limits';
import { weLinkSyncAdapter } from '../../../nodes/WeLink/actions/contactsSync/platform';
import {
	departmentRef,
	toWeLinkMobile,
	userRef,
} from '../../../nodes/WeLink/actions/contactsSync/wire';
import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink, type Call } from './fake';

beforeEach(resetWeLink);

// Failed writes fail the node: tests that read the per-action report turn on Continue On Fail.
const sync = async (
	items: IDataObject[],
	parameters: Record<string, unknown> = {},
	continueOnFail = false,
) =>
	await runNode(
		{
			type: 'weLink',
			continueOnFail,
			parameters: {
				resource: 'contactsSync',
				operation: 'syncToWeLink',
				simulate: false,
				matchBy: 'mobile',
				fields: ['name', 'mobile'],
				maxDecreaseCount: 100,
				maxDecreasePercent: 100,
				...parameters,
			},
		},
		{ credentials, items, staticData: {} },
	);

const user = (n: number, extra: IDataObject = {}) => ({
	userId: `u${n}@t`,
	corpUserId: `E${n}`,
	userNameCn: `用户${n}`,
	mobileNumber: `+86-1380000000${n}`,
	deptCodes: ['1001'],
	mainDeptCode: '1001',
	userStatus: 3,
	sex: 'M',
	...extra,
});

/** A WeLink with one department (1001, made in the console: no corp code) and the given users. */
function directory(users: IDataObject[], answer: (call: Call) => IDataObject | undefined) {
	return fakeWeLink((call) => {
		const special = answer(call);
		if (special) return special;
		if (call.path === '/contact/v2/departments/list')
			return {
				code: '0',
				departmentInfo:
					call.query.deptCode === '0'
						? [
								{
									deptCode: '1001',
									corpDeptCode: '',
									deptNameCn: '研发部',
									fatherCode: '0',
									orderNo: 1000,
									hasChildDept: 0,
								},
							]
						: [],
			};
		if (call.path === '/contact/v2/user/list')
			return { code: '0', hasMore: 0, data: call.query.deptCode === '1001' ? users : [] };
		return { code: '0', message: 'ok' };
	});
}

const writes = (calls: Call[]) =>
	calls.filter((c) => !['/contact/v2/departments/list', '/contact/v2/user/list'].includes(c.path));

describe('Contacts Sync to WeLink: requests', () => {
	it('addresses a department without a corp code by its WeLink code, and asks the code of a new one before mixing them', async () => {
		const calls = directory([user(1)], (call) =>
			call.path === '/contact/v2/department/detail'
				? { code: '0', deptCode: '2002', corpDeptCode: 'NEW' }
				: undefined,
		);
		const run = await sync(
			[
				{ type: 'department', id: 'RD', name: '研发部' },
				{ type: 'department', id: 'NEW', name: '新部门' },
				{
					type: 'member',
					id: 'E1',
					name: '用户1',
					mobile: '13800000001',
					departments: ['RD', 'NEW'],
				},
			],
			{ syncOptions: { allDepartments: true } },
		);
		expect(run.error).toBeUndefined();
		expect(writes(calls).map((c) => [c.method, c.path, c.query, c.body])).toEqual([
			[
				'POST',
				'/contact/v1/department/create',
				{},
				{ corpDeptCode: 'NEW', corpParentCode: '0', deptNameCn: '新部门' },
			],
			['GET', '/contact/v2/department/detail', { corpDeptCode: 'NEW' }, undefined],
			['POST', '/contact/v1/user/update', {}, { corpUserId: 'E1', deptCodes: ['1001', '2002'] }],
		]);
	});

	it('clips orders to 1–999 and writes them through a batch sync; an unreported create is read back', async () => {
		const calls = directory([], (call) => {
			if (call.path === '/contact/v1/department/batch/sync')
				return { code: '0', jobId: `job-${(call.body as IDataObject).deptInfos ? 'x' : ''}` };
			if (call.path === '/contact/v1/batch/result')
				return { code: '0', status: 2, percentage: 100, data: [] };
			if (call.path === '/contact/v2/department/detail')
				return { code: '0', deptCode: `3${call.query.corpDeptCode}` };
			return undefined;
		});
		const run = await sync([
			{ type: 'department', id: 'A', name: '甲', order: 5000 },
			{ type: 'department', id: 'B', name: '乙', order: 0 },
			// A key that is not a valid corp code gets a stable hash.
			{ type: 'department', id: 'C 1', name: '丙', parentId: 'A', order: 7 },
		]);
		expect(run.error).toBeUndefined();
		const plan = run.output('Node');
		expect(plan.map((a) => a.after)).toEqual([
			{ name: '甲', parentId: '0', order: 999 },
			{ name: '乙', parentId: '0', order: 1 },
			{ name: '丙', parentId: 'new:A', order: 7 },
		]);
		const submitted = writes(calls).filter((c) => c.path === '/contact/v1/department/batch/sync');
		const code = deriveDepartmentCode('C 1', 'A', '丙', () => false);
		expect(code).toMatch(/^D[0-9a-f]{16}$/);
		expect(submitted.map((c) => c.body)).toEqual([
			{
				deptInfos: [
					{ corpDeptCode: 'A', corpParentCode: '0', deptNameCn: '甲', orderNo: '999', valid: '1' },
				],
			},
			{
				deptInfos: [
					{ corpDeptCode: 'B', corpParentCode: '0', deptNameCn: '乙', orderNo: '1', valid: '1' },
				],
			},
			{
				deptInfos: [
					{ corpDeptCode: code, corpParentCode: 'A', deptNameCn: '丙', orderNo: '7', valid: '1' },
				],
			},
		]);
		expect(
			calls.filter((c) => c.path === '/contact/v2/department/detail').map((c) => c.query),
		).toEqual([{ corpDeptCode: 'A' }, { corpDeptCode: 'B' }, { corpDeptCode: code }]);
	});

	it('deletes one by one when the batch delete fails: each refusal fails its own user only (no code is taken to mean "already deleted")', async () => {
		const calls = directory([user(1), user(2), user(3)], (call) => {
			if (call.path === '/contact/v1/user/batch/delete')
				return { code: '47002', message: 'batch refused' };
			if (call.path === '/contact/v1/user/delete') {
				const id = (call.body as IDataObject).corpUserId;
				if (id === 'E2') return { code: '47001', message: 'user not found' };
				if (id === 'E3') return { code: '47000', message: 'no permission' };
			}
			return undefined;
		});
		const run = await sync(
			[1, 2, 3].map((n) => ({
				type: 'member',
				id: `E${n}`,
				name: `用户${n}`,
				mobile: `1380000000${n}`,
				status: 'left',
			})),
			{ syncOptions: { leavers: 'delete', deleteAccounts: true } },
			true,
		);
		expect(run.error).toBeUndefined();
		expect(run.output('Node').map((a) => [a.action, a.targetId, a.status, a.error])).toEqual([
			['delete_member', 'E1', 'applied', null],
			['delete_member', 'E2', 'failed', expect.stringContaining('47001')],
			['delete_member', 'E3', 'failed', expect.stringContaining('47000')],
		]);
		expect(writes(calls).map((c) => [c.path, c.body])).toEqual([
			[
				'/contact/v1/user/batch/delete',
				{
					personInfos: [1, 2, 3].map((n) => ({ corpUserId: `E${n}`, isDeleteUser: 1 })),
				},
			],
			...[1, 2, 3].map((n) => [
				'/contact/v1/user/delete',
				{ corpUserId: `E${n}`, isDeleteUser: 1 },
			]),
		]);
	});

	it('creates users with M/F, isNotify from Invite, the default sex when the source has none, and refuses one without a mobile', async () => {
		const calls = directory([], () => undefined);
		const run = await sync(
			[
				{ type: 'department', id: 'RD', name: '研发部' },
				{ type: 'member', id: 'N1', name: '甲', mobile: '+86 139 0000 0001', departments: 'RD' },
				{
					type: 'member',
					id: 'N2',
					name: '乙',
					mobile: '13900000002',
					departments: 'RD',
					gender: '2',
				},
				{ type: 'member', id: 'N3', name: '丙', email: 'c@example.com', departments: 'RD' },
			],
			{
				matchBy: 'email',
				fields: ['name', 'mobile', 'gender'],
				syncOptions: { defaultSex: 'F', invite: true },
			},
			true,
		);
		expect(run.error).toBeUndefined();
		const created = writes(calls)
			.filter((c) => c.path === '/contact/v1/user/create')
			.map((c) => c.body);
		expect(created).toEqual([
			{
				corpUserId: 'N1',
				mobileNumber: '+86-13900000001',
				userNameCn: '甲',
				deptCodes: ['1001'],
				mainDeptCode: '1001',
				isNotify: 1,
				sex: 'F',
			},
			{
				corpUserId: 'N2',
				mobileNumber: '+86-13900000002',
				userNameCn: '乙',
				sex: 'F',
				deptCodes: ['1001'],
				mainDeptCode: '1001',
				isNotify: 1,
			},
		]);
		const failed = run.output('Node').find((a) => a.status === 'failed');
		expect(failed).toMatchObject({
			action: 'create_member',
			sourceKey: 'N3',
			error: 'WeLink needs a mobile number to create a user: map Mobile for this member',
		});
	});
});

describe('Contacts Sync to WeLink: rules', () => {
	const ctx = {} as IExecuteFunctions;

	it('never writes the virtual root "0" as a department', async () => {
		const adapter = weLinkSyncAdapter(ctx, { deleteAccounts: false, maxWaitMs: 1000 });
		expect(() => departmentRef('0')).toThrow('"0" is WeLink\'s root');
		await expect(adapter.updateDepartment('0', { name: 'x' })).rejects.toThrow('root');
		await expect(adapter.deleteDepartment('0')).rejects.toThrow('root');
		await expect(
			adapter.createMember({ id: 'N1', name: 'n', mobile: '13900000001', departments: ['0'] }),
		).rejects.toThrow('root');
		expect(departmentRef('#1001')).toEqual({ deptCode: '1001' });
		expect(departmentRef('D1')).toEqual({ corpDeptCode: 'D1' });
		expect(userRef('#a@t')).toEqual({ userId: 'a@t' });
		expect(userRef('E1')).toEqual({ corpUserId: 'E1' });
	});

	it('writes mobile numbers as +country-number', () => {
		expect(toWeLinkMobile('13800000001')).toBe('+86-13800000001');
		expect(toWeLinkMobile('+86 138 0000 0001')).toBe('+86-13800000001');
		expect(toWeLinkMobile('+8613800000001')).toBe('+86-13800000001');
		expect(toWeLinkMobile('+86-13800000001')).toBe('+86-13800000001');
		expect(toWeLinkMobile('+852 6123 4567')).toBe('+852-61234567');
		expect(() => toWeLinkMobile('6123 4567')).toThrow('+country code-number');
	});

	it('limits: names, corp IDs, derived codes and orders', () => {
		expect(WELINK_LIMITS.departmentName('研发部')).toBeUndefined();
		expect(WELINK_LIMITS.departmentName('x'.repeat(129))).toContain('1–128');
		expect(WELINK_LIMITS.departmentName('a\tb')).toContain('control character');
		expect(WELINK_LIMITS.memberId('E001')).toBe(true);
		expect(WELINK_LIMITS.memberId('has space')).toBe(false);
		expect(WELINK_LIMITS.memberId('#u@t')).toBe(false);
		expect(WELINK_LIMITS.memberId('0')).toBe(false);
		expect(WELINK_LIMITS.deriveMemberId('E001')).toBe('E001');
		expect(WELINK_LIMITS.deriveMemberId('张 三')).toMatch(/^u[0-9a-f]{15}$/);
		expect(WELINK_LIMITS.departmentOrder?.(0)).toBe(1);
		expect(WELINK_LIMITS.departmentOrder?.(1000)).toBe(999);
		expect(WELINK_LIMITS.departmentOrder?.(42)).toBe(42);
		const taken = new Set(['RD']);
		const code = deriveDepartmentCode('RD', '0', '研发', (c) => taken.has(c));
		expect(code).toMatch(/^D[0-9a-f]{16}$/);
		expect(deriveDepartmentCode('RD', '0', '研发', (c) => taken.has(c))).toBe(code);
		expect(deriveDepartmentCode(undefined, '0', '已禁用用户', () => false)).toBe(
			deriveDepartmentCode(undefined, '0', '已禁用用户', () => false),
		);
	});
});
