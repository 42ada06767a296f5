import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { changeStatus, type StatusChange } from '../../../nodes/WeLink/actions/contactsSync/status';
import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink, type Call } from './fake';

/**
 * Closing and reopening WeLink users (status.ts): the legacy contact/v1/users/bulk, then each user
 * read back (POST contact/v2/user/detail) until userStatus shows the change or Max Wait runs out.
 */
beforeEach(resetWeLink);

const user = (n: number, extra: IDataObject = {}) => ({
	userId: `u${n}@t`,
	corpUserId: `E${n}`,
	userNameCn: `用户${n}`,
	mobileNumber: `+86-1380000000${n}`,
	phoneNumber: [],
	deptCodes: ['1001'],
	mainDeptCode: '1001',
	userStatus: 3,
	sex: 'M',
	...extra,
});

/**
 * A WeLink with one department (1001, corp code RD) and the given users. `bulk` answers users/bulk;
 * `status` gives a user's userStatus on its nth read-back (1-based).
 */
function tenant(
	users: IDataObject[],
	bulk: (records: IDataObject[]) => IDataObject,
	status: (corpUserId: string, read: number) => number,
) {
	const reads = new Map<string, number>();
	const calls = fakeWeLink((call: Call) => {
		if (call.path === '/contact/v2/departments/list')
			return {
				code: '0',
				departmentInfo:
					call.query.deptCode === '0'
						? [
								{
									deptCode: '1001',
									corpDeptCode: 'RD',
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
		if (call.path === '/contact/v1/users/bulk')
			return bulk((call.body as { personInfo: IDataObject[] }).personInfo);
		if (call.path === '/contact/v2/user/detail') {
			const id = String((call.body as IDataObject).corpUserId);
			const n = (reads.get(id) ?? 0) + 1;
			reads.set(id, n);
			const found = users.find((u) => u.corpUserId === id);
			return { code: '0', ...found, userStatus: status(id, n) };
		}
		return { code: '0', message: 'ok' };
	});
	return calls;
}

const accepted = (records: IDataObject[]) => ({
	code: '0',
	data: records.map((r) => ({ corpUserId: r.corpUserId, code: '0', message: 'success' })),
});

/** Sync to WeLink with source members 1380000000n who left; the Sync Options given replace the defaults. */
const leave = (ns: number[], syncOptions: IDataObject = {}, continueOnFail = true) =>
	runNode(
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
				syncOptions: { leavers: 'disable', maxWaitSeconds: 5, ...syncOptions },
			},
		},
		{
			credentials,
			staticData: {},
			items: ns.map((n) => ({
				type: 'member',
				id: `E${n}`,
				name: `用户${n}`,
				mobile: `138${String(n).padStart(8, '0')}`,
				status: 'left',
			})),
		},
	);

const paths = (calls: Call[]) =>
	calls
		.map((c) => c.path)
		.filter((p) => !['/contact/v2/departments/list', '/contact/v2/user/list'].includes(p));

describe('WeLink close / reopen through users/bulk', () => {
	it('closes a user WeLink accepts, reads it back until userStatus 4, and only then reports it applied', async () => {
		const calls = tenant([user(1, { userEmail: 'a@example.com' })], accepted, (_id, read) =>
			read < 3 ? 3 : 4,
		);
		const run = await leave([1]);
		expect(run.error).toBeUndefined();
		expect(run.output('Node').map((a) => [a.action, a.targetId, a.status])).toEqual([
			['disable_member', 'E1', 'applied'],
		]);
		// The user as WeLink has it, valid "0"; nothing else writes a status.
		expect(calls.find((c) => c.path === '/contact/v1/users/bulk')?.body).toEqual({
			personInfo: [
				{
					corpUserId: 'E1',
					userNameCn: '用户1',
					sex: 'M',
					mobileNumber: '+86-13800000001',
					phoneNumber: '+86-13800000001',
					corpDeptCode: 'RD',
					isOpenAccount: '0',
					valid: '0',
					userEmail: 'a@example.com',
				},
			],
		});
		expect(paths(calls)).toEqual([
			'/contact/v1/users/bulk',
			'/contact/v2/user/detail',
			'/contact/v2/user/detail',
			'/contact/v2/user/detail',
		]);
		expect(paths(calls)).not.toContain('/contact/v1/user/batch/sync');
	}, 20_000);

	it('fails a record users/bulk refuses, with its code, and does not read it back; the others go on', async () => {
		const calls = tenant(
			[user(1), user(2)],
			(records) => ({
				code: '0',
				data: records.map((r) =>
					r.corpUserId === 'E2'
						? { corpUserId: 'E2', code: '47004', message: 'mobileNumber is not right' }
						: { corpUserId: r.corpUserId, code: '0', message: 'success' },
				),
			}),
			() => 4,
		);
		const run = await leave([1, 2]);
		expect(run.output('Node').map((a) => [a.targetId, a.status, a.error])).toEqual([
			['E1', 'applied', null],
			['E2', 'failed', 'WeLink refused to close it (users/bulk 47004): mobileNumber is not right'],
		]);
		const reads = calls.filter((c) => c.path === '/contact/v2/user/detail').map((c) => c.body);
		expect(reads).toEqual([{ corpUserId: 'E1' }]);
	});

	it('a whole users/bulk refusal fails every record in it', async () => {
		tenant(
			[user(1)],
			() => ({ code: '47003', message: 'personInfo is empty' }),
			() => 4,
		);
		const run = await leave([1]);
		expect(run.output('Node')).toMatchObject([
			{ targetId: 'E1', status: 'failed', error: expect.stringContaining('47003') },
		]);
	});

	it('a close WeLink accepts but never applies within Max Wait is a failure, with the reason', async () => {
		const calls = tenant([user(1)], accepted, () => 3);
		const started = Date.now();
		const run = await leave([1], { maxWaitSeconds: 2 });
		expect(Date.now() - started).toBeLessThan(4_000);
		const [action] = run.output('Node');
		expect(action).toMatchObject({ action: 'disable_member', targetId: 'E1', status: 'failed' });
		expect(action.error).toMatch(
			/^WeLink accepted the close \(users\/bulk\) but after \d+ s the user is still open \(userStatus 3\)/,
		);
		// Read more than once: WeLink applies users/bulk later.
		expect(calls.filter((c) => c.path === '/contact/v2/user/detail').length).toBeGreaterThanOrEqual(
			2,
		);
		// Without Continue On Fail the node fails.
		const strict = await leave([1], { maxWaitSeconds: 1 }, false);
		expect(strict.error?.message).toBe('1 of 1 writes to WeLink failed; 0 were applied');
	}, 20_000);

	it('sends at most 10 records per users/bulk request', async () => {
		const ns = Array.from({ length: 12 }, (_, i) => i + 10);
		const users = ns.map((n) => user(n, { mobileNumber: `+86-138000000${n}` }));
		const calls = tenant(users, accepted, () => 4);
		const run = await leave(ns, { maxWaitSeconds: 120 });
		expect(run.output('Node').map((a) => a.status)).toEqual(ns.map(() => 'applied'));
		const sizes = calls
			.filter((c) => c.path === '/contact/v1/users/bulk')
			.map((c) => (c.body as { personInfo: unknown[] }).personInfo.length);
		expect(sizes).toEqual([10, 2]);
	});
});

describe('WeLink close / reopen: what users/bulk requires, checked before any call', () => {
	/** A context any API call would have to go through: it records and refuses every use. */
	const untouched = () => {
		const used: string[] = [];
		const ctx = new Proxy(
			{},
			{
				get(_target, key) {
					used.push(String(key));
					throw new Error(`the context was used (${String(key)})`);
				},
			},
		) as IExecuteFunctions;
		return { ctx, used };
	};
	const change = (extra: Partial<StatusChange> = {}, raw: IDataObject = {}): StatusChange => ({
		id: 'E1',
		open: false,
		department: 'RD',
		user: { ...user(1), ...raw },
		...extra,
	});

	it.each([
		[
			'a corp user ID',
			change({ id: '#u1@t' }),
			"WeLink's users/bulk, the only way to close a user, needs a corp user ID (corpUserId): give the user one in WeLink and run again",
		],
		[
			'a department corp code',
			change({ department: '#1001' }),
			"WeLink's users/bulk, the only way to close a user, needs the corp code of its department (corpDeptCode): department 1001 has none; give it one in WeLink and run again",
		],
		[
			'a mobile number',
			change({ open: true }, { mobileNumber: '' }),
			"WeLink's users/bulk, the only way to reopen a user, needs its mobile number (mobileNumber): WeLink shows none for it",
		],
		[
			'a sex',
			change({}, { sex: undefined }),
			"WeLink's users/bulk, the only way to close a user, needs its sex (M/F): WeLink shows none for it; set Options → Sex for New Users Without Gender",
		],
		[
			'a Chinese name',
			change({}, { userNameCn: ' ' }),
			"WeLink's users/bulk, the only way to close a user, needs its Chinese name (userNameCn): WeLink shows none for it",
		],
	])('without %s: a clear failure and no call', async (_what, input, message) => {
		const calls = fakeWeLink();
		const { ctx, used } = untouched();
		const failures = await changeStatus(ctx, [input], { maxWaitMs: 1_000 });
		expect([...failures]).toEqual([[input.id, message]]);
		expect(used).toEqual([]);
		expect(calls).toEqual([]);
	});

	it('the default sex stands in for a user WeLink has none for', async () => {
		const calls = tenant([user(1, { sex: '' })], accepted, () => 4);
		const run = await leave([1], { maxWaitSeconds: 120, defaultSex: 'F' });
		expect(run.output('Node')).toMatchObject([{ targetId: 'E1', status: 'applied' }]);
		expect(calls.find((c) => c.path === '/contact/v1/users/bulk')?.body).toMatchObject({
			personInfo: [{ corpUserId: 'E1', sex: 'F' }],
		});
	});

	it('a node run with a user whose department has no corp code fails it before users/bulk', async () => {
		const calls = fakeWeLink((call) => {
			if (call.path === '/contact/v2/departments/list')
				return {
					code: '0',
					departmentInfo:
						call.query.deptCode === '0'
							? [{ deptCode: '1001', corpDeptCode: '', deptNameCn: '研发部', fatherCode: '0' }]
							: [],
				};
			if (call.path === '/contact/v2/user/list')
				return { code: '0', hasMore: 0, data: call.query.deptCode === '1001' ? [user(1)] : [] };
			return { code: '0', message: 'ok' };
		});
		const run = await leave([1]);
		expect(run.output('Node')).toMatchObject([
			{
				targetId: 'E1',
				status: 'failed',
				error: expect.stringContaining('department 1001 has none'),
			},
		]);
		expect(paths(calls)).toEqual([]);
	});
});
