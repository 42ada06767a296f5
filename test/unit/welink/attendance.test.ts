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

	it('gives times as ISO in the workflow timezone (text, Unix seconds, milliseconds) and keeps the raw record', async () => {
		fakeWeLink(() => ({
			code: '0',
			data: [
				{
					userId: 'E1',
					punchTime: '2026-03-02 09:01:00',
					checkTime: 1772413260,
					updateTime: 1772413260000,
					overTime: 30,
					workDate: '2026-03-02',
				},
			],
		}));
		const run = await runNode(
			records({
				employeeIds: 'E1',
				from: '2026-03-02T00:00:00+08:00',
				to: '2026-03-02T12:00:00+08:00',
			}),
			{
				credentials,
				timezone: 'Asia/Tokyo',
			},
		);
		expect(run.output('Node')).toEqual([
			{
				userId: 'E1',
				punchTime: '2026-03-02T09:01:00.000+09:00',
				checkTime: '2026-03-02T10:01:00.000+09:00',
				updateTime: '2026-03-02T10:01:00.000+09:00',
				overTime: 30,
				workDate: '2026-03-02',
				raw: {
					userId: 'E1',
					punchTime: '2026-03-02 09:01:00',
					checkTime: 1772413260,
					updateTime: 1772413260000,
					overTime: 30,
					workDate: '2026-03-02',
				},
			},
		]);
	});

	it('reads the range in the workflow timezone when the text has no offset', async () => {
		const calls = fakeWeLink(() => ({ code: '0', data: [] }));
		await runNode(
			records({ employeeIds: 'E1', from: '2026-03-02T00:00:00Z', to: '2026-03-02 12:00' }),
			{ credentials },
		);
		expect(calls[0].body).toMatchObject({
			startTime: '2026-03-02 08:00:00',
			endTime: '2026-03-02 12:00:00',
		});
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
