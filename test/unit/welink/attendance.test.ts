import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink } from './fake';

const records = (parameters: Record<string, unknown>) => ({
	type: 'weLink',
	parameters: { resource: 'attendance', operation: 'getRecords', returnAll: true, ...parameters },
});

beforeEach(resetWeLink);

describe('Attendance: Get Punch Records', () => {
	it('splits 60 people × 30 hours into 2 groups × 2 windows of at most 24 h, and pages each with offset 0, 1, …', async () => {
		const calls = fakeWeLink((call) => {
			const body = call.body as { offset: number; userIdList: string[]; startTime: string };
			// the first query has a full page, then a short one
			const full =
				body.offset === 0 && body.userIdList[0] === 'E0' && body.startTime.startsWith('2026-03-02');
			return {
				code: '0',
				data: Array.from({ length: full ? 100 : body.offset === 1 ? 3 : 1 }, (_, i) => ({
					userId: body.userIdList[0],
					punchTime: `2026-03-02 09:${String(i % 60).padStart(2, '0')}:00`,
				})),
			};
		});
		const people = Array.from({ length: 60 }, (_, i) => `E${i}`);
		const run = await runNode(
			records({
				employeeIds: '={{ $json.people }}',
				from: '2026-03-02 00:00',
				to: '2026-03-03 06:00',
			}),
			{ credentials, items: [{ people }] },
		);
		expect(run.error).toBeUndefined();
		const bodies = calls.map((c) => c.body as Record<string, unknown>);
		expect(calls.every((c) => c.method === 'POST' && c.path === '/attendance/v3/records')).toBe(
			true,
		);
		expect(bodies).toEqual([
			{
				userIdList: people.slice(0, 50),
				startTime: '2026-03-02 00:00:00',
				endTime: '2026-03-02 23:59:59',
				offset: 0,
				limit: 100,
			},
			{
				userIdList: people.slice(0, 50),
				startTime: '2026-03-03 00:00:00',
				endTime: '2026-03-03 06:00:00',
				offset: 0,
				limit: 100,
			},
			{
				userIdList: people.slice(50),
				startTime: '2026-03-02 00:00:00',
				endTime: '2026-03-02 23:59:59',
				offset: 0,
				limit: 100,
			},
			{
				userIdList: people.slice(0, 50),
				startTime: '2026-03-02 00:00:00',
				endTime: '2026-03-02 23:59:59',
				offset: 1,
				limit: 100,
			},
			{
				userIdList: people.slice(50),
				startTime: '2026-03-03 00:00:00',
				endTime: '2026-03-03 06:00:00',
				offset: 0,
				limit: 100,
			},
		]);
		expect(run.output('Node')).toHaveLength(100 + 3 + 1 + 1 + 1);
	});

	// One punch at 2026-03-02T01:01:00Z, told three ways: WeLink's zone-less text (China Standard Time),
	// Unix seconds and milliseconds. It must come out as one instant, whatever the workflow's zone.
	const punch = {
		userId: 'E1',
		punchTime: '2026-03-02 09:01:00',
		checkTime: '1772413260',
		updateTime: 1772413260000,
		overTime: 30,
		workDate: '2026-03-02',
	};

	it.each([
		['Asia/Tokyo', '2026-03-02T10:01:00.000+09:00'],
		['America/New_York', '2026-03-01T20:01:00.000-05:00'],
		['Asia/Shanghai', '2026-03-02T09:01:00.000+08:00'],
	])(
		'in %s, gives every time of a record as the same instant, ISO in the workflow timezone, and keeps the raw record',
		async (timezone, iso) => {
			fakeWeLink(() => ({ code: '0', totalCount: 1, limit: 100, offset: 0, data: [punch] }));
			const run = await runNode(
				records({
					employeeIds: 'E1',
					from: '2026-03-02T00:00:00+08:00',
					to: '2026-03-02T12:00:00+08:00',
				}),
				{ credentials, timezone },
			);
			expect(run.output('Node')).toEqual([
				{
					...punch,
					punchTime: iso,
					checkTime: iso,
					updateTime: iso,
					raw: punch,
				},
			]);
		},
	);

	it.each([
		// 2026-03-02 00:00–12:00 Tokyo = 2026-03-01 15:00Z–03:00Z = 23:00–11:00 China Standard Time
		[
			'Asia/Tokyo',
			'2026-03-02 00:00',
			'2026-03-02 12:00',
			[['2026-03-01 23:00:00', '2026-03-02 11:00:00']],
		],
		// the DST day in New York has 23 hours: one window, 05:00Z–04:00Z
		[
			'America/New_York',
			'2026-03-08 00:00',
			'2026-03-09 00:00',
			[['2026-03-08 13:00:00', '2026-03-09 12:00:00']],
		],
		// a range given with an offset is that instant in any workflow zone
		[
			'America/New_York',
			'2026-03-02T00:00:00Z',
			'2026-03-02T12:00:00Z',
			[['2026-03-02 08:00:00', '2026-03-02 20:00:00']],
		],
	])(
		'in %s, asks WeLink for %s – %s in its own clock (China Standard Time)',
		async (timezone, from, to, expected) => {
			const calls = fakeWeLink(() => ({ code: '0', data: [] }));
			await runNode(records({ employeeIds: 'E1', from, to }), { credentials, timezone });
			expect(
				calls.map((c) => {
					const body = c.body as { startTime: string; endTime: string };
					return [body.startTime, body.endTime];
				}),
			).toEqual(expected);
		},
	);

	it('reads and asks in another WeLink time zone when one is set (a dedicated deployment)', async () => {
		const calls = fakeWeLink(() => ({ code: '0', data: [{ punchTime: '2026-03-02 09:01:00' }] }));
		const run = await runNode(
			records({
				employeeIds: 'E1',
				from: '2026-03-02T00:00:00Z',
				to: '2026-03-02T12:00:00Z',
				options: { weLinkTimezone: 'Europe/Berlin' },
			}),
			{ credentials, timezone: 'Asia/Tokyo' },
		);
		expect(calls[0].body).toMatchObject({
			startTime: '2026-03-02 01:00:00',
			endTime: '2026-03-02 13:00:00',
		});
		expect(run.output('Node')[0].punchTime).toBe('2026-03-02T17:01:00.000+09:00');
	});

	it('stops calling once the limit is reached', async () => {
		const calls = fakeWeLink((call) => {
			const { offset } = call.body as { offset: number };
			return { code: '0', data: Array.from({ length: 100 }, (_, i) => ({ n: offset * 100 + i })) };
		});
		const run = await runNode(
			records({
				returnAll: false,
				limit: 150,
				employeeIds: 'E1',
				from: '2026-03-01 00:00',
				to: '2026-03-02 00:00',
			}),
			{ credentials },
		);
		expect(run.output('Node')).toHaveLength(150);
		// the one window is read page by page until 150 records are in
		expect(calls.map((c) => (c.body as { offset: number }).offset)).toEqual([0, 1]);
	});

	it('stops when the server sends the same page again (offset ignored)', async () => {
		const page = Array.from({ length: 100 }, (_, i) => ({ userId: 'E1', n: i }));
		const calls = fakeWeLink(() => ({ code: '0', data: page }));
		const run = await runNode(
			records({ employeeIds: 'E1', from: '2026-03-01 00:00', to: '2026-03-02 00:00' }),
			{
				credentials,
			},
		);
		expect(calls).toHaveLength(2);
		expect(run.output('Node')).toHaveLength(100);
	});

	it.each([
		[{ employeeIds: '={{ "" }}' }, 'Employee Numbers: is empty [item 0]'],
		[
			{ employeeIds: 'E 1' },
			'Employee Numbers: "E 1" is not an employee number (no spaces, at most 128 characters) [item 0]',
		],
		[{ from: 'yesterday' }, 'From: "yesterday" is not a date and time [item 0]'],
		[
			{ options: { weLinkTimezone: 'China/Beijing' } },
			'WeLink Time Zone: "China/Beijing" is not a time zone [item 0]',
		],
		[
			{ to: '2026-03-01 00:00' },
			'To: 2026-03-01T00:00:00.000+08:00 is not after From 2026-03-02T00:00:00.000+08:00 [item 0]',
		],
	])('refuses %j before any call', async (parameters, message) => {
		const calls = fakeWeLink();
		const run = await runNode(
			records({
				employeeIds: 'E1',
				from: '2026-03-02 00:00',
				to: '2026-03-03 00:00',
				...parameters,
			}),
			{ credentials },
		);
		expect(run.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});
});
