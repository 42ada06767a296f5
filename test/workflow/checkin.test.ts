import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { dayKey, planDay } from '../../sandbox/wecom/checkin.cjs';
import { seedLargeContacts } from '../../sandbox/wecom/contacts.cjs';
import { checkinPacer } from '../../nodes/WeCom/actions/checkin/limits';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 86400;
/** The demo members in the order the directory walk finds them (departments 2, 3, 6, 4, 5). */
const DEMO = ['zhangsan', 'lisi', 'qianqi', 'sunba', 'wangwu', 'zhaoliu'];

describe('Check-in against the sandbox', () => {
	const { sandbox, weComCredentials: credentials } = sandboxForTests();
	beforeEach(() => checkinPacer.clear());
	const op = async (
		operation: string,
		parameters: Record<string, unknown>,
		options: { items?: IDataObject[]; continueOnFail?: boolean; secret?: string } = {},
	) =>
		await runNode(
			{
				type: 'weCom',
				parameters: { resource: 'checkin', operation, returnAll: true, ...parameters },
				continueOnFail: options.continueOnFail,
			},
			{ credentials: credentials(options.secret), items: options.items },
		);
	const world = () => sandbox.state.wecom;
	const member = (userid: string) => {
		const found = world().contacts.members.get(userid);
		if (!found) throw new Error(`no ${userid}`);
		return found;
	};
	const today = () => DateTime.now().setZone('Asia/Shanghai').startOf('day');
	const bodies = (path: string) => sandbox.state.log.all({ path }).map((e) => e.body as Body);

	it('reports yesterday’s exceptions of everyone the app can see, in one daily-report call', async () => {
		const yesterday = today().minus({ days: 1 }).toFormat('yyyy-MM-dd');
		for (const id of DEMO) world().checkin.setOutcome(id, yesterday, 'normal');
		world().checkin.setOutcome('zhangsan', yesterday, 'late');
		world().checkin.setOutcome('lisi', yesterday, 'absent');
		world().checkin.setOutcome('zhaoliu', yesterday, 'missing');

		const run = await op('getDailyReports', { who: 'all', period: 'yesterday' });
		expect(run.error).toBeUndefined();
		const out = run.output('Node');
		expect(out.map((r) => [r.userId, r.date, r.exceptionTypes])).toEqual([
			['zhangsan', yesterday, ['late']],
			['lisi', yesterday, ['absent']],
			['qianqi', yesterday, []],
			['sunba', yesterday, []],
			['wangwu', yesterday, []],
			['zhaoliu', yesterday, ['missing']],
		]);
		expect(out[0]).toMatchObject({
			name: '张三',
			departments: ['Sandbox Corp/研发中心', 'Sandbox Corp/研发中心/后端组'],
			recordType: 'fixed hours',
			dayType: 'workday',
			checkinCount: 2,
			scheduledTimes: [{ start: '09:00', end: '18:00' }],
		});
		expect(String(out[0].earliestCheckin)).toMatch(new RegExp(`^${yesterday}T09:`));
		expect(out[3]).toMatchObject({ userId: 'sunba', recordType: 'shifts', ruleName: '客服排班' });
		const counts = sandbox.state.log.counts();
		expect(counts['/cgi-bin/checkin/getcheckin_daydata']).toBe(1);
		expect(counts['/cgi-bin/department/simplelist']).toBe(1);
		expect(bodies('/cgi-bin/checkin/getcheckin_daydata')[0]).toEqual({
			starttime: today().minus({ days: 1 }).toSeconds(),
			endtime: today().minus({ days: 1 }).toSeconds(),
			useridlist: DEMO,
		});
	});

	it('returns every punch of the last 7 days as the sandbox generated it, outings only on request', async () => {
		const run = await op('getRecords', {
			who: 'members',
			members: 'lisi, qianqi',
			period: 'last7Days',
		});
		expect(run.error).toBeUndefined();
		const expected = ['lisi', 'qianqi'].flatMap((id) =>
			Array.from({ length: 7 }, (_, i) =>
				planDay(
					world(),
					member(id),
					today()
						.minus({ days: 7 - i })
						.toFormat('yyyy-MM-dd'),
				),
			).flatMap((plan) => plan.punches),
		);
		const out = run.output('Node');
		expect(out).toHaveLength(expected.length);
		expect(out.map((r) => r.checkinTimeUnix).sort()).toEqual(
			expected.map((p) => p.checkin_time).sort(),
		);
		const times = out.map((r) => Number(r.checkinTimeUnix));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const words = new Set(out.map((r) => r.checkinType));
		expect([...words].every((w) => ['on duty', 'off duty', 'outing'].includes(String(w)))).toBe(
			true,
		);

		const outings = await op('getRecords', {
			who: 'members',
			members: 'lisi, qianqi',
			period: 'last7Days',
			recordType: 2,
		});
		expect(outings.output('Node').map((r) => r.checkinTimeUnix)).toEqual(
			expected
				.filter((p) => p.checkin_type === '外出打卡')
				.map((p) => p.checkin_time)
				.sort((a, b) => a - b),
		);
	});

	it('reads 1,000 members × 90 days of records in 30 calls the sandbox accepts', async () => {
		seedLargeContacts(world().contacts, 20, 1000);
		const ids = Array.from({ length: 1000 }, (_, i) => `u${i}`);
		const end = today().minus({ days: 1 });
		const start = end.minus({ days: 89 });
		const run = await op(
			'getRecords',
			{
				who: 'members',
				members: '={{ $json.ids }}',
				period: 'custom',
				start: start.toISODate(),
				end: end.toISODate(),
				options: { outputMode: 'member' },
			},
			{ items: [{ ids }] },
		);
		expect(run.error).toBeUndefined();
		const calls = sandbox.state.log.all({ path: '/cgi-bin/checkin/getcheckindata' });
		expect(calls).toHaveLength(30);
		expect(calls.every((c) => c.code === '0')).toBe(true);
		const out = run.output('Node');
		expect(out).toHaveLength(1000);
		const sample = out[123];
		const expected = Array.from({ length: 90 }, (_, i) =>
			planDay(world(), member('u123'), start.plus({ days: i }).toFormat('yyyy-MM-dd')),
		).flatMap((plan) => plan.punches);
		expect(sample).toMatchObject({ userId: 'u123', count: expected.length });
		expect(out.reduce((sum, m) => sum + Number(m.count), 0)).toBeGreaterThan(1000 * 90);
	}, 30_000);

	it('resolves a department tree with Include Sub-Departments and reads the rules of its members', async () => {
		const run = await op('getRules', {
			ruleScope: 'members',
			who: 'departments',
			departments: [1],
			includeSubDepartments: true,
			day: today().toISO(),
		});
		expect(run.error).toBeUndefined();
		const out = run.output('Node');
		expect(out.map((r) => [r.userId, r.ruleName, r.ruleType])).toEqual([
			['zhangsan', '标准工时', 'fixed hours'],
			['lisi', '标准工时', 'fixed hours'],
			['qianqi', '标准工时', 'fixed hours'],
			['sunba', '客服排班', 'shifts'],
			['wangwu', '标准工时', 'fixed hours'],
			['zhaoliu', '标准工时', 'fixed hours'],
		]);
		expect(out[0]).toMatchObject({
			name: '张三',
			workTimes: [
				{
					weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
					times: [{ start: '09:00', end: '18:00' }],
				},
			],
		});
		expect(out[3].shifts).toEqual([
			{ scheduleId: 11, scheduleName: '早班', times: [{ start: '08:00', end: '17:00' }] },
			{ scheduleId: 12, scheduleName: '晚班', times: [{ start: '13:00', end: '22:00' }] },
		]);
		expect(bodies('/cgi-bin/checkin/getcheckinoption')).toEqual([
			{ datetime: today().toSeconds(), useridlist: out.map((r) => r.userId) },
		]);

		const withoutSub = await op('getRecords', {
			who: 'departments',
			departments: '2',
			includeSubDepartments: false,
			period: 'yesterday',
			options: { outputMode: 'member' },
		});
		expect(withoutSub.output('Node').map((m) => m.userId)).toEqual(['zhangsan']);

		const corp = await op('getRules', { ruleScope: 'corp' });
		expect(corp.output('Node').map((r) => [r.ruleId, r.ruleName, r.appliesTo])).toEqual([
			[1, '标准工时', { departments: ['1'], members: [], tags: [] }],
			[2, '客服排班', { departments: ['6'], members: [], tags: [] }],
		]);
	});

	it('gives last month’s report per member and this month’s shift schedule per day', async () => {
		const lastMonth = today().startOf('month').minus({ months: 1 });
		const monthly = await op('getMonthlyReports', {
			who: 'members',
			members: ['zhangsan', 'sunba'],
			period: 'lastMonth',
		});
		expect(monthly.error).toBeUndefined();
		const days = Array.from({ length: lastMonth.daysInMonth ?? 0 }, (_, i) =>
			planDay(world(), member('zhangsan'), lastMonth.plus({ days: i }).toFormat('yyyy-MM-dd')),
		);
		const [zhangsan, sunba] = monthly.output('Node');
		expect(zhangsan).toMatchObject({
			userId: 'zhangsan',
			month: lastMonth.toFormat('yyyy-MM'),
			workDays: days.filter((d) => d.workday).length,
			exceptionDays: days.filter((d) => d.workday && d.outcome !== 'normal').length,
		});
		expect(sunba).toMatchObject({ userId: 'sunba', recordType: 'shifts' });
		expect(bodies('/cgi-bin/checkin/getcheckin_monthdata')).toEqual([
			{
				starttime: lastMonth.toSeconds(),
				endtime: lastMonth.endOf('month').startOf('day').toSeconds(),
				useridlist: ['zhangsan', 'sunba'],
			},
		]);

		const schedules = await op('getSchedules', {
			who: 'departments',
			departments: [6],
			period: 'thisMonth',
		});
		expect(schedules.error).toBeUndefined();
		const out = schedules.output('Node');
		const month = today().startOf('month');
		expect(out).toHaveLength(month.daysInMonth ?? 0);
		expect(out[0]).toMatchObject({ userId: 'sunba', date: month.toFormat('yyyy-MM-dd') });
		const rest = out.filter((d) => d.rest);
		expect(rest.length).toBeGreaterThanOrEqual(8);
		expect(
			rest.every((d) => d.scheduleName === '休息' && (d.times as unknown[]).length === 0),
		).toBe(true);
		expect(
			out.filter((d) => !d.rest).every((d) => ['早班', '晚班'].includes(String(d.scheduleName))),
		).toBe(true);
	});

	it('explains 48002 for the built-in 打卡 app’s secret (a corp set up after 2023-12-01)', async () => {
		const run = await op(
			'getRecords',
			{ who: 'members', members: 'zhangsan', period: 'yesterday' },
			{ secret: SANDBOX_SECRETS.checkinSystem },
		);
		expect(run.error?.message).toBe('WeCom: this app may not call the check-in (打卡) API (48002)');
		expect(run.error?.description).toContain('打卡 → 可调用接口的应用');
		expect(run.error?.description).toContain('2023-12-01');

		// An older corp keeps using that secret.
		world().app('checkin-system').permissions.add('checkin');
		const older = await op(
			'getRecords',
			{ who: 'members', members: 'zhangsan', period: 'yesterday' },
			{ secret: SANDBOX_SECRETS.checkinSystem },
		);
		expect(older.error).toBeUndefined();
	});

	it('explains members and departments outside the app’s visible range, keeping the code per item', async () => {
		world().app('app').visibleDepartments = [2];
		const run = await op(
			'getDailyReports',
			{ who: 'members', members: '={{ $json.members }}', period: 'yesterday' },
			{ continueOnFail: true, items: [{ members: 'zhangsan' }, { members: 'zhangsan,lisi' }] },
		);
		const [ok, failed] = run.output('Node');
		expect(ok).toMatchObject({ userId: 'zhangsan' });
		expect(failed).toMatchObject({
			error: 'WeCom: a member does not exist or is outside the app’s visible range (301021)',
			errcode: 301021,
		});
		expect(String(failed.description)).toContain('This call asked for zhangsan, lisi.');

		const departments = await op('getRecords', {
			who: 'departments',
			departments: [3],
			includeSubDepartments: false,
			period: 'yesterday',
		});
		expect(departments.error?.message).toBe(
			'WeCom: a department does not exist or is outside the app’s visible range (60011)',
		);
		expect(sandbox.state.log.counts()['/cgi-bin/checkin/getcheckindata']).toBeUndefined();
	});

	it('the sandbox enforces WeCom’s limits that the node splits around: 101 members (301023), 31 days (301024)', async () => {
		seedLargeContacts(world().contacts, 5, 101);
		const request = async (body: Body) =>
			await runNode(
				{
					type: 'weCom',
					parameters: {
						resource: 'apiRequest',
						operation: 'request',
						method: 'POST',
						path: '/cgi-bin/checkin/getcheckindata',
						body: JSON.stringify(body),
					},
				},
				{ credentials: credentials() },
			);
		const start = Math.floor(today().minus({ days: 40 }).toSeconds());
		const ids = Array.from({ length: 101 }, (_, i) => `u${i}`);
		const base = { opencheckindatatype: 3, starttime: start, endtime: start + DAY };
		expect((await request({ ...base, useridlist: ids })).error?.message).toContain('(301023)');
		expect((await request({ ...base, useridlist: ids.slice(0, 100) })).error).toBeUndefined();
		expect(
			(await request({ ...base, endtime: start + 30 * DAY + 1, useridlist: ['u1'] })).error
				?.message,
		).toBe('WeCom: time range exceeds 30 days (301024)');

		// Through the Check-In resource the same asks succeed, split into calls WeCom accepts.
		const run = await op(
			'getRecords',
			{
				who: 'members',
				members: '={{ $json.ids }}',
				period: 'custom',
				start: dayKey(start),
				end: dayKey(start + 30 * DAY),
			},
			{ items: [{ ids }] },
		);
		expect(run.error).toBeUndefined();
		const calls = sandbox.state.log.all({ path: '/cgi-bin/checkin/getcheckindata' }).slice(3);
		expect(calls).toHaveLength(4);
		expect(calls.every((c) => c.code === '0')).toBe(true);
	});
});
