import { seedLargeWeLinkContacts } from '../../sandbox/welink/contacts.cjs';
import { SANDBOX_WELINK_TENANT_ID } from '../../sandbox/welink/world.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('WeLink attendance against the sandbox', () => {
	const { sandbox, weLinkCredentials } = sandboxForTests();

	const run = async (parameters: Record<string, unknown>, timezone = 'Asia/Shanghai') =>
		await runNode(
			{
				type: 'weLink',
				parameters: { resource: 'attendance', operation: 'getRecords', ...parameters },
			},
			{ timezone, credentials: weLinkCredentials() },
		);

	it('reads 120 people over 3 days: 3 groups × 3 windows, paged, times in the workflow timezone', async () => {
		seedLargeWeLinkContacts(sandbox.state.welink, 2, 120);
		const people = Array.from({ length: 120 }, (_, i) => `B${String(i).padStart(5, '0')}`);
		// Mon 2026-03-02 00:00 to Thu 2026-03-05 00:00 (Asia/Shanghai): 3 weekdays × 2 punches × 120 people
		const result = await run({
			employeeIds: people.join(','),
			from: '2026-03-02 00:00',
			to: '2026-03-05 00:00',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const records = result.output('Node');
		expect(records).toHaveLength(720);
		const calls = sandbox.state.log.all({ path: '/api/attendance/v3/records' });
		const queries = calls.map((c) => c.body as Record<string, unknown>);
		// 9 queries (3 groups of ≤ 50 × 3 windows); each has 100 or 100 + short page
		expect(
			new Set(queries.map((q) => `${(q.userIdList as string[])[0]}|${String(q.startTime)}`)).size,
		).toBe(9);
		expect(queries.every((q) => (q.userIdList as string[]).length <= 50 && q.limit === 100)).toBe(
			true,
		);
		expect(
			queries.find((q) => q.offset === 0 && (q.userIdList as string[])[0] === 'B00000'),
		).toMatchObject({
			startTime: '2026-03-02 00:00:00',
			endTime: '2026-03-02 23:59:59',
		});
		// the earliest punch: n = 10 in the directory (3 seeded users, then B00000…) punches at 08:50
		expect(records[0]).toMatchObject({
			corpUserId: 'B00007',
			userId: `u7@${SANDBOX_WELINK_TENANT_ID}`,
			punchTime: '2026-03-02T08:50:00.000+08:00',
			checkTime: '2026-03-02T08:50:00.000+08:00',
			raw: { punchTime: '2026-03-02 08:50:00' },
		});
		expect(new Set(records.map((r) => `${String(r.corpUserId)} ${String(r.punchTime)}`)).size).toBe(
			720,
		);
	});

	it.each([
		// Mon 2026-03-02 00:00 Tokyo = Sun 23:00 in China: the first punch is E001's 08:50 Monday
		['Asia/Tokyo', '2026-03-02T09:50:00.000+09:00'],
		// 2026-03-02 00:00–12:00 New York = 13:00–01:00 in China: E001's 18:00 punch out, 05:00 in New York
		['America/New_York', '2026-03-02T05:00:00.000-05:00'],
	])(
		'in %s, asks for the range in WeLink’s clock and gives the punch and check time as one instant',
		async (timezone, first) => {
			const result = await run(
				{ employeeIds: 'E001', from: '2026-03-02 00:00', to: '2026-03-02 12:00', returnAll: true },
				timezone,
			);
			expect(result.error).toBeUndefined();
			const [punch] = result.output('Node');
			expect(punch).toMatchObject({ corpUserId: 'E001', punchTime: first, checkTime: first });
			const [query] = sandbox.state.log.all({ path: '/api/attendance/v3/records' });
			expect(query.body).toMatchObject(
				timezone === 'Asia/Tokyo'
					? { startTime: '2026-03-01 23:00:00', endTime: '2026-03-02 11:00:00' }
					: { startTime: '2026-03-02 13:00:00', endTime: '2026-03-03 01:00:00' },
			);
		},
	);

	it('stops at the limit', async () => {
		const result = await run({
			employeeIds: 'E001,E002,E003',
			from: '2026-03-02 00:00',
			to: '2026-03-09 00:00',
			limit: 4,
		});
		expect(result.output('Node')).toHaveLength(4);
		// 7 windows, but the first wave of 3 already holds enough records
		expect(sandbox.state.log.all({ path: '/api/attendance/v3/records' })).toHaveLength(3);
	});
});
