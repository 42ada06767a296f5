import nock from 'nock';
import { DateTime, Settings } from 'luxon';

import { MinutePacer, checkinPacer } from '../../../nodes/WeCom/actions/checkin/limits';
import { isoFormatter } from '../../../nodes/WeCom/actions/checkin/output';
import { isoFromUnix } from '../../../nodes/shared/time';
import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';

const BASE = 'https://wecom.test';
const credentials = {
	wecomWelinkWeComApi: {
		corpId: 'ww-unit',
		secret: 'dummy-secret',
		agentId: '1000002',
		baseUrl: BASE,
		accessToken: 'TOKEN',
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
};
const ZONE = 'Asia/Shanghai';
const DAY = 86400;
/** Unix seconds of a wall-clock time in Shanghai. */
const sh = (text: string) => Math.floor(DateTime.fromISO(text, { zone: ZONE }).toSeconds());

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const checkin = (operation: string, parameters: Record<string, unknown> = {}) => ({
	type: 'weCom',
	parameters: { resource: 'checkin', operation, returnAll: true, ...parameters },
});

const members = (...ids: string[]) => ({ who: 'members', members: ids });
const custom = (start: string, end: string) => ({ period: 'custom', start, end });

/** Answers every POST to `path` with `answer(body)` and records the bodies in arrival order. */
function stub(path: string, answer: (body: Body) => Body = () => ({})) {
	const bodies: Body[] = [];
	nock(BASE)
		.persist()
		.post(path)
		.query({ access_token: 'TOKEN' })
		.reply(200, (_uri, body) => {
			bodies.push(body as Body);
			return { errcode: 0, errmsg: 'ok', ...answer(body as Body) };
		});
	return bodies;
}

/** Fails the test's expectations if any call reaches WeCom. */
function noCalls() {
	const calls: string[] = [];
	nock(BASE)
		.persist()
		.post(/.*/)
		.query(true)
		.reply(200, (uri) => {
			calls.push(uri);
			return { errcode: 0 };
		})
		.get(/.*/)
		.query(true)
		.reply(200, (uri) => {
			calls.push(uri);
			return { errcode: 0 };
		});
	return calls;
}

const record = (userid: string, time: number, extra: Body = {}) => ({
	userid,
	groupname: '标准工时',
	checkin_type: '上班打卡',
	exception_type: '',
	checkin_time: time,
	location_title: '沙箱大厦',
	location_detail: '深圳市南山区',
	wifiname: 'Office',
	wifimac: '3c:46:d8:0c:7a:70',
	notes: '',
	mediaids: [],
	lat: 22540503,
	lng: 113934528,
	deviceid: 'dev-1',
	sch_checkin_time: time,
	groupid: 1,
	schedule_id: 0,
	timeline_id: 1,
	...extra,
});

beforeEach(() => {
	weComTokens.clear();
	checkinPacer.clear();
	nock.disableNetConnect();
});
afterEach(() => {
	nock.cleanAll();
	Settings.now = () => Date.now();
});

describe('Check-In: Get Records', () => {
	it('sends getcheckindata exactly as documented and shapes each punch with readable names', async () => {
		const start = sh('2024-03-01T00:00:00');
		const bodies = stub('/cgi-bin/checkin/getcheckindata', () => ({
			checkindata: [
				record('lisi', start + 9 * 3600 + 600, {
					exception_type: '时间异常;地点异常',
					sch_checkin_time: start + 9 * 3600,
				}),
				record('zhangsan', start + 8 * 3600, { sch_checkin_time: start + 9 * 3600 }),
				record('zhangsan', start + 14 * 3600, {
					checkin_type: '外出打卡',
					sch_checkin_time: 0,
					notes: '拜访客户',
					mediaids: ['WWCISP_1'],
				}),
				record('lisi', start + 18 * 3600, {
					checkin_type: '下班打卡',
					exception_type: '未打卡',
					location_title: '',
					lat: 0,
					lng: 0,
				}),
			],
		}));
		const run = await runNode(
			checkin('getRecords', {
				...members('zhangsan', 'lisi'),
				...custom('2024-03-01', '2024-03-02'),
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(bodies).toEqual([
			{
				opencheckindatatype: 3,
				starttime: start,
				endtime: start + 2 * DAY - 1,
				useridlist: ['zhangsan', 'lisi'],
			},
		]);
		const out = run.output('Node');
		// Ordered by time, then by the member's position in the list.
		expect(out.map((o) => [o.userId, o.checkinType])).toEqual([
			['zhangsan', 'on duty'],
			['lisi', 'on duty'],
			['zhangsan', 'outing'],
			['lisi', 'off duty'],
		]);
		expect(out[1]).toEqual({
			userId: 'lisi',
			checkinType: 'on duty',
			checkinTime: '2024-03-01T09:10:00.000+08:00',
			checkinTimeUnix: start + 9 * 3600 + 600,
			scheduledTime: '2024-03-01T09:00:00.000+08:00',
			scheduledTimeUnix: start + 9 * 3600,
			hasException: true,
			exceptions: ['wrong time', 'wrong location'],
			ruleId: 1,
			ruleName: '标准工时',
			scheduleId: 0,
			locationTitle: '沙箱大厦',
			locationDetail: '深圳市南山区',
			latitude: 22.540503,
			longitude: 113.934528,
			wifiName: 'Office',
			wifiMac: '3c:46:d8:0c:7a:70',
			deviceId: 'dev-1',
			mediaIds: [],
			timelineId: 1,
		});
		expect(out[2]).toMatchObject({
			scheduledTime: undefined,
			notes: '拜访客户',
			mediaIds: ['WWCISP_1'],
		});
		expect(out[3]).toMatchObject({
			exceptions: ['not checked in'],
			locationTitle: undefined,
			latitude: undefined,
		});
		expect(out[0]).not.toHaveProperty('raw');
	});

	it.each([
		[1, 1],
		[2, 2],
		[3, 3],
	])('Record Type %s is sent as opencheckindatatype %s', async (recordType, sent) => {
		const bodies = stub('/cgi-bin/checkin/getcheckindata', () => ({ checkindata: [] }));
		await runNode(
			checkin('getRecords', {
				...members('zhangsan'),
				...custom('2024-03-01', '2024-03-01'),
				recordType,
			}),
			{ credentials },
		);
		expect(bodies.map((b) => b.opencheckindatatype)).toEqual([sent]);
	});

	it.each([
		[100, [100]],
		[101, [100, 1]],
		[250, [100, 100, 50]],
	])('%s members are asked for in calls of %j', async (count, sizes) => {
		const ids = Array.from({ length: count }, (_, i) => `u${i}`);
		const bodies = stub('/cgi-bin/checkin/getcheckindata', () => ({ checkindata: [] }));
		const run = await runNode(
			checkin('getRecords', {
				who: 'members',
				members: '={{ $json.ids }}',
				...custom('2024-03-01', '2024-03-02'),
			}),
			{ credentials, items: [{ ids }] },
		);
		expect(run.error).toBeUndefined();
		expect(bodies.map((b) => b.useridlist.length).sort((a, b) => b - a)).toEqual(sizes);
		expect(bodies.flatMap((b) => b.useridlist).sort()).toEqual([...ids].sort());
	});

	it('splits at 30 days: 30 whole days = 1 call, 31 days = 2 calls, never more than 30 days each', async () => {
		const thirty = stub('/cgi-bin/checkin/getcheckindata', () => ({ checkindata: [] }));
		await runNode(
			checkin('getRecords', { ...members('zhangsan'), ...custom('2024-01-01', '2024-01-30') }),
			{ credentials },
		);
		expect(thirty).toEqual([
			expect.objectContaining({
				starttime: sh('2024-01-01T00:00:00'),
				endtime: sh('2024-01-31T00:00:00') - 1,
			}),
		]);
		nock.cleanAll();
		checkinPacer.clear();
		const thirtyOne = stub('/cgi-bin/checkin/getcheckindata', () => ({ checkindata: [] }));
		await runNode(
			checkin('getRecords', { ...members('zhangsan'), ...custom('2024-01-01', '2024-01-31') }),
			{ credentials },
		);
		expect(thirtyOne.map((b) => [b.starttime, b.endtime]).sort((a, b) => a[0] - b[0])).toEqual([
			[sh('2024-01-01T00:00:00'), sh('2024-01-31T00:00:00') - 1],
			[sh('2024-01-31T00:00:00'), sh('2024-02-01T00:00:00') - 1],
		]);
	});

	it('reads 1,000 members × 90 days of records in 30 calls (10 member batches × 3 windows)', async () => {
		const ids = Array.from({ length: 1000 }, (_, i) => `u${String(i).padStart(4, '0')}`);
		const bodies = stub('/cgi-bin/checkin/getcheckindata', (body) => ({
			checkindata: (body.useridlist as string[]).map((userid) =>
				record(userid, (body.starttime as number) + 9 * 3600),
			),
		}));
		const run = await runNode(
			checkin('getRecords', {
				who: 'members',
				members: '={{ $json.ids }}',
				...custom('2024-01-01', '2024-03-30'),
			}),
			{ credentials, items: [{ ids }] },
		);
		expect(run.error).toBeUndefined();
		expect(bodies).toHaveLength(30);
		expect(bodies.every((b) => b.useridlist.length === 100)).toBe(true);
		expect(bodies.every((b) => b.endtime - b.starttime < 30 * DAY)).toBe(true);
		const windows = [...new Set(bodies.map((b) => `${b.starttime}-${b.endtime}`))].sort();
		expect(windows).toEqual(
			[
				[sh('2024-01-01T00:00:00'), sh('2024-01-31T00:00:00') - 1],
				[sh('2024-01-31T00:00:00'), sh('2024-03-01T00:00:00') - 1],
				[sh('2024-03-01T00:00:00'), sh('2024-03-31T00:00:00') - 1],
			].map(([a, b]) => `${a}-${b}`),
		);
		// Every member is asked for once per window.
		for (const id of ['u0000', 'u0999'])
			expect(bodies.filter((b) => b.useridlist.includes(id))).toHaveLength(3);
		const out = run.output('Node');
		expect(out).toHaveLength(3000);
		expect(out[0]).toMatchObject({ userId: 'u0000', checkinTime: '2024-01-01T09:00:00.000+08:00' });
		expect(out[999]).toMatchObject({ userId: 'u0999' });
		expect(out[1000]).toMatchObject({
			userId: 'u0000',
			checkinTime: '2024-01-31T09:00:00.000+08:00',
		});
	});

	it('with a limit, fetches windows in order and stops once enough items are in', async () => {
		const bodies = stub('/cgi-bin/checkin/getcheckindata', (body) => ({
			checkindata: [record('zhangsan', (body.starttime as number) + 3600)],
		}));
		const run = await runNode(
			checkin('getRecords', {
				...members('zhangsan'),
				...custom('2024-01-01', '2024-03-30'),
				returnAll: false,
				limit: 1,
			}),
			{ credentials },
		);
		expect(bodies).toHaveLength(1);
		expect(run.output('Node')).toHaveLength(1);
	});

	it('gives one item per member on request, members without records included; Limit counts members', async () => {
		const bodies = stub('/cgi-bin/checkin/getcheckindata', () => ({
			checkindata: [
				record('lisi', sh('2024-03-01T08:50:00')),
				record('zhangsan', sh('2024-03-01T09:20:00'), { exception_type: '时间异常' }),
				record('zhangsan', sh('2024-03-01T08:40:00')),
			],
		}));
		const run = await runNode(
			checkin('getRecords', {
				...members('zhangsan', 'wangwu', 'lisi', 'zhaoliu'),
				...custom('2024-03-01', '2024-03-01'),
				returnAll: false,
				limit: 3,
				options: { outputMode: 'member', includeRaw: true },
			}),
			{ credentials },
		);
		expect(bodies.map((b) => b.useridlist)).toEqual([['zhangsan', 'wangwu', 'lisi']]);
		const out = run.output('Node');
		expect(out.map((o) => [o.userId, o.count, o.hasException])).toEqual([
			['zhangsan', 2, true],
			['wangwu', 0, false],
			['lisi', 1, false],
		]);
		const zhangsan = out[0].records as Body[];
		expect(zhangsan.map((r) => r.checkinTime)).toEqual([
			'2024-03-01T08:40:00.000+08:00',
			'2024-03-01T09:20:00.000+08:00',
		]);
		expect(zhangsan[0].raw).toMatchObject({ userid: 'zhangsan', checkin_type: '上班打卡' });
	});
});

describe('Check-In: presets in the workflow timezone (Asia/Shanghai)', () => {
	const at = (iso: string) => {
		const ms = DateTime.fromISO(iso).toMillis();
		Settings.now = () => ms;
	};

	it.each([
		// 00:00:30 on 1 March in Shanghai is still 29 February in UTC.
		['2024-03-01T00:00:30+08:00', 'today', [['2024-03-01', '2024-03-02']]],
		['2024-03-01T00:00:30+08:00', 'yesterday', [['2024-02-29', '2024-03-01']]],
		['2024-03-01T00:00:30+08:00', 'last7Days', [['2024-02-23', '2024-03-01']]],
		['2024-03-01T00:00:30+08:00', 'lastMonth', [['2024-02-01', '2024-03-01']]],
		[
			'2024-03-01T00:00:30+08:00',
			'thisMonth',
			[
				['2024-03-01', '2024-03-31'],
				['2024-03-31', '2024-04-01'],
			],
		],
		// 23:59:59 on 31 December in Shanghai (15:59 UTC).
		['2023-12-31T23:59:59+08:00', 'today', [['2023-12-31', '2024-01-01']]],
		['2023-12-31T23:59:59+08:00', 'lastMonth', [['2023-11-01', '2023-12-01']]],
		// 00:10 on 1 January in Shanghai is 31 December in UTC: last month is December.
		['2024-01-01T00:10:00+08:00', 'yesterday', [['2023-12-31', '2024-01-01']]],
		[
			'2024-01-01T00:10:00+08:00',
			'lastMonth',
			[
				['2023-12-01', '2023-12-31'],
				['2023-12-31', '2024-01-01'],
			],
		],
	])('at %s, %s asks for records of the days %j', async (now, period, windows) => {
		at(now);
		const bodies = stub('/cgi-bin/checkin/getcheckindata', () => ({ checkindata: [] }));
		const run = await runNode(checkin('getRecords', { ...members('zhangsan'), period }), {
			credentials,
		});
		expect(run.error).toBeUndefined();
		expect(bodies.map((b) => [b.starttime, b.endtime]).sort((a, b) => a[0] - b[0])).toEqual(
			windows.map(([from, to]) => [sh(`${from}T00:00:00`), sh(`${to}T00:00:00`) - 1]),
		);
	});

	it('daily reports for last month ask for 00:00 of its first and last day; this month (31 days) takes 2 calls', async () => {
		at('2024-03-01T00:00:30+08:00');
		const bodies = stub('/cgi-bin/checkin/getcheckin_daydata', () => ({ datas: [] }));
		await runNode(checkin('getDailyReports', { ...members('zhangsan'), period: 'lastMonth' }), {
			credentials,
		});
		expect(bodies).toEqual([
			{
				starttime: sh('2024-02-01T00:00:00'),
				endtime: sh('2024-02-29T00:00:00'),
				useridlist: ['zhangsan'],
			},
		]);
		bodies.length = 0;
		await runNode(checkin('getDailyReports', { ...members('zhangsan'), period: 'thisMonth' }), {
			credentials,
		});
		expect(bodies.map((b) => [b.starttime, b.endtime]).sort((a, b) => a[0] - b[0])).toEqual([
			[sh('2024-03-01T00:00:00'), sh('2024-03-30T00:00:00')],
			[sh('2024-03-31T00:00:00'), sh('2024-03-31T00:00:00')],
		]);
	});
});

const DAY_DATA = (userid: string, date: number, exceptions: Body[] = []) => ({
	base_info: {
		date,
		record_type: 1,
		name: '张三',
		name_ex: 'Three Zhang',
		departs_name: 'Sandbox Corp/研发中心;Sandbox Corp/研发中心/后端组',
		acctid: userid,
		rule_info: {
			groupid: 1,
			groupname: '标准工时',
			scheduleid: 0,
			schedulename: '',
			checkintime: [{ work_sec: 32400, off_work_sec: 64800 }],
		},
		day_type: 0,
	},
	summary_info: {
		checkin_count: 2,
		regular_work_sec: 30000,
		standard_work_sec: 32400,
		earliest_time: 33000,
		lastest_time: 63000,
	},
	holiday_infos: [
		{
			sp_number: '202403010002',
			sp_title: { data: [{ lang: 'zh_CN', text: '请假0.1小时' }] },
			sp_description: { data: [{ lang: 'zh_CN', text: '03/01 10:00~03/01 10:06' }] },
		},
	],
	exception_infos: exceptions,
	ot_info: { ot_status: 1, ot_duration: 3600, exception_duration: [] },
	sp_items: [
		{ count: 1, duration: 360, time_type: 1, type: 1, vacation_id: 2, name: '年假' },
		{ count: 0, duration: 0, time_type: 0, type: 100, vacation_id: 0, name: '外勤次数' },
	],
});

describe('Check-In: reports, rules and schedules', () => {
	it('shapes daily reports: exceptions as words, first and last punch as ISO times', async () => {
		const day = sh('2024-03-01T00:00:00');
		stub('/cgi-bin/checkin/getcheckin_daydata', () => ({
			datas: [
				DAY_DATA('zhangsan', day, [
					{ exception: 1, count: 1, duration: 600 },
					{ exception: 2, count: 1, duration: 1200 },
				]),
				DAY_DATA('lisi', day),
			],
		}));
		const run = await runNode(
			checkin('getDailyReports', {
				...members('zhangsan', 'lisi'),
				...custom('2024-03-01', '2024-03-01'),
			}),
			{ credentials },
		);
		const [zhangsan, lisi] = run.output('Node');
		expect(zhangsan).toEqual({
			date: '2024-03-01',
			dateUnix: day,
			userId: 'zhangsan',
			name: '张三',
			nameEn: 'Three Zhang',
			departments: ['Sandbox Corp/研发中心', 'Sandbox Corp/研发中心/后端组'],
			recordType: 'fixed hours',
			ruleId: 1,
			ruleName: '标准工时',
			dayType: 'workday',
			scheduleId: 0,
			scheduledTimes: [{ start: '09:00', end: '18:00' }],
			checkinCount: 2,
			earliestCheckin: '2024-03-01T09:10:00.000+08:00',
			latestCheckin: '2024-03-01T17:30:00.000+08:00',
			workSeconds: 30000,
			standardWorkSeconds: 32400,
			hasException: true,
			exceptionTypes: ['late', 'early leave'],
			exceptions: [
				{ type: 'late', code: 1, count: 1, durationSeconds: 600 },
				{ type: 'early leave', code: 2, count: 1, durationSeconds: 1200 },
			],
			approvals: [
				{
					type: 'leave',
					name: '年假',
					count: 1,
					durationSeconds: 360,
					unit: 'hour',
					vacationId: 2,
				},
				{
					type: 'field work',
					name: '外勤次数',
					count: 0,
					durationSeconds: 0,
					unit: 'day',
					vacationId: 0,
				},
			],
			holidays: [
				{ number: '202403010002', title: '请假0.1小时', description: '03/01 10:00~03/01 10:06' },
			],
			overtime: { status: 'approved', durationSeconds: 3600 },
		});
		expect(lisi).toMatchObject({ userId: 'lisi', hasException: false, exceptionTypes: [] });
	});

	it.each([
		[3, 'missing'],
		[4, 'absent'],
		[5, 'location'],
		[6, 'device'],
		[9, 'code 9'],
	])('daily report exception %s reads "%s"', async (code, word) => {
		stub('/cgi-bin/checkin/getcheckin_daydata', () => ({
			datas: [
				DAY_DATA('zhangsan', sh('2024-03-01T00:00:00'), [
					{ exception: code, count: 1, duration: 0 },
				]),
			],
		}));
		const run = await runNode(
			checkin('getDailyReports', { ...members('zhangsan'), ...custom('2024-03-01', '2024-03-01') }),
			{ credentials },
		);
		expect(run.output('Node')[0].exceptionTypes).toEqual([word]);
	});

	it('asks for monthly reports one calendar month at a time and labels each with its month', async () => {
		const bodies = stub('/cgi-bin/checkin/getcheckin_monthdata', (body) => ({
			datas: [
				{
					base_info: {
						record_type: 1,
						name: '张三',
						name_ex: '',
						departs_name: 'Sandbox Corp/研发中心',
						acctid: 'zhangsan',
						rule_info: { groupid: 1, groupname: '标准工时' },
					},
					summary_info: {
						work_days: body.starttime === sh('2024-02-01T00:00:00') ? 21 : 5,
						regular_days: 4,
						except_days: 1,
						rest_days: 2,
						regular_work_sec: 100,
						standard_work_sec: 200,
					},
					exception_infos: [{ exception: 4, count: 1, duration: 32400 }],
					sp_items: [],
					overwork_info: { workday_over_sec: 3600, restdays_over_sec: 0, holidays_over_sec: 0 },
				},
			],
		}));
		const run = await runNode(
			checkin('getMonthlyReports', {
				...members('zhangsan'),
				...custom('2024-01-15', '2024-03-10'),
			}),
			{ credentials },
		);
		expect(bodies.map((b) => [b.starttime, b.endtime]).sort((a, b) => a[0] - b[0])).toEqual([
			[sh('2024-01-15T00:00:00'), sh('2024-01-31T00:00:00')],
			[sh('2024-02-01T00:00:00'), sh('2024-02-29T00:00:00')],
			[sh('2024-03-01T00:00:00'), sh('2024-03-10T00:00:00')],
		]);
		const out = run.output('Node');
		expect(out.map((o) => [o.month, o.from, o.to, o.workDays])).toEqual([
			['2024-01', '2024-01-15', '2024-01-31', 5],
			['2024-02', '2024-02-01', '2024-02-29', 21],
			['2024-03', '2024-03-01', '2024-03-10', 5],
		]);
		expect(out[1]).toMatchObject({
			userId: 'zhangsan',
			exceptionDays: 1,
			exceptionTypes: ['absent'],
			overtime: { workdaySeconds: 3600, restDaySeconds: 0, holidaySeconds: 0 },
		});
	});

	it('reads the rules of members on a day (getcheckinoption) and all rules of the corp', async () => {
		const group = {
			grouptype: 1,
			groupid: 69,
			groupname: '打卡规则1',
			checkindate: [
				{
					workdays: [1, 2, 3, 4, 5],
					checkintime: [{ work_sec: 36000, off_work_sec: 43200 }],
					noneed_offwork: true,
				},
			],
			loc_infos: [
				{ lat: 30547030, lng: 104062890, loc_title: '腾讯', loc_detail: '成都', distance: 300 },
			],
			wifimac_infos: [{ wifiname: 'Tencent-WiFi', wifimac: 'c0:7b:bc:37:f8:d3' }],
			need_photo: true,
			sync_holidays: true,
			create_time: sh('2024-01-02T10:00:00'),
		};
		const bodies = stub('/cgi-bin/checkin/getcheckinoption', (body) => ({
			info: (body.useridlist as string[]).map((userid) => ({ userid, group })),
		}));
		const run = await runNode(
			checkin('getRules', {
				ruleScope: 'members',
				...members('zhangsan', 'lisi'),
				day: '2024-03-04 15:00',
			}),
			{ credentials },
		);
		expect(bodies).toEqual([
			{ datetime: sh('2024-03-04T00:00:00'), useridlist: ['zhangsan', 'lisi'] },
		]);
		const [first] = run.output('Node');
		expect(first).toMatchObject({
			userId: 'zhangsan',
			day: '2024-03-04',
			ruleId: 69,
			ruleName: '打卡规则1',
			ruleType: 'fixed hours',
			workTimes: [
				{
					weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
					times: [{ start: '10:00', end: '12:00' }],
					offDutyPunchNeeded: false,
				},
			],
			locations: [
				{
					title: '腾讯',
					detail: '成都',
					latitude: 30.54703,
					longitude: 104.06289,
					distanceMeters: 300,
				},
			],
			wifi: [{ name: 'Tencent-WiFi', mac: 'c0:7b:bc:37:f8:d3' }],
			createdAt: '2024-01-02T10:00:00.000+08:00',
			raw: group,
		});

		const corp = stub('/cgi-bin/checkin/getcorpcheckinoption', () => ({
			group: [group, { ...group, groupid: 70, grouptype: 2 }, { ...group, groupid: 71 }],
		}));
		const all = await runNode(
			checkin('getRules', { ruleScope: 'corp', returnAll: false, limit: 2 }),
			{ credentials },
		);
		// getcorpcheckinoption takes an empty body; n8n's request helper sends {} as no body at all.
		expect(corp).toHaveLength(1);
		expect(corp[0]).toEqual('');
		expect(all.output('Node').map((r) => [r.ruleId, r.ruleType])).toEqual([
			[69, 'fixed hours'],
			[70, 'shifts'],
		]);
	});

	it('gives one item per member and day of a shift schedule, rest days marked, days outside the range dropped', async () => {
		const bodies = stub('/cgi-bin/checkin/getcheckinschedulist', () => ({
			schedule_list: [
				{
					userid: 'sunba',
					yearmonth: 202403,
					groupid: 2,
					groupname: '客服排班',
					schedule: {
						scheduleList: [
							{
								day: 30,
								schedule_info: { schedule_id: 0, schedule_name: '休息', time_section: [] },
							},
							{
								day: 31,
								schedule_info: {
									schedule_id: 12,
									schedule_name: '晚班',
									time_section: [{ id: 2, work_sec: 46800, off_work_sec: 93600 }],
								},
							},
						],
					},
				},
				{
					userid: 'sunba',
					yearmonth: 202404,
					groupid: 2,
					groupname: '客服排班',
					schedule: {
						scheduleList: [
							{
								day: 1,
								schedule_info: {
									schedule_id: 11,
									schedule_name: '早班',
									time_section: [{ id: 1, work_sec: 28800, off_work_sec: 61200 }],
								},
							},
						],
					},
				},
			],
		}));
		const run = await runNode(
			checkin('getSchedules', { ...members('sunba'), ...custom('2024-03-30', '2024-03-31') }),
			{ credentials },
		);
		expect(bodies).toEqual([
			{
				starttime: sh('2024-03-30T00:00:00'),
				endtime: sh('2024-03-31T00:00:00'),
				useridlist: ['sunba'],
			},
		]);
		expect(run.output('Node')).toEqual([
			{
				userId: 'sunba',
				date: '2024-03-30',
				dateUnix: sh('2024-03-30T00:00:00'),
				ruleId: 2,
				ruleName: '客服排班',
				scheduleId: 0,
				scheduleName: '休息',
				rest: true,
				times: [],
			},
			{
				userId: 'sunba',
				date: '2024-03-31',
				dateUnix: sh('2024-03-31T00:00:00'),
				ruleId: 2,
				ruleName: '客服排班',
				scheduleId: 12,
				scheduleName: '晚班',
				rest: false,
				times: [{ start: '13:00', end: '26:00' }],
			},
		]);
	});
});

describe('Check-In: who', () => {
	it('resolves departments with their sub-departments (department/simplelist), each member once', async () => {
		const trees: string[] = [];
		const lists: string[] = [];
		nock(BASE)
			.persist()
			.get('/cgi-bin/department/simplelist')
			.query(true)
			.reply(200, (uri) => {
				trees.push(uri);
				return {
					errcode: 0,
					department_id: [
						{ id: 2, parentid: 1, order: 1 },
						{ id: 4, parentid: 2, order: 1 },
						{ id: 5, parentid: 2, order: 2 },
					],
				};
			})
			.get('/cgi-bin/user/simplelist')
			.query(true)
			.reply(200, (uri) => {
				const id = new URL(uri, BASE).searchParams.get('department_id');
				lists.push(String(id));
				const members: Record<string, Body[]> = {
					'2': [{ userid: 'zhangsan', name: '张三', department: [2, 4] }],
					'4': [
						{ userid: 'zhangsan', name: '张三', department: [2, 4] },
						{ userid: 'wangwu', name: '王五', department: [4] },
					],
					'5': [{ userid: 'zhaoliu', name: '赵六', department: [5] }],
				};
				return { errcode: 0, userlist: members[String(id)] ?? [] };
			});
		const bodies = stub('/cgi-bin/checkin/getcheckindata', () => ({ checkindata: [] }));
		const run = await runNode(
			checkin('getRecords', {
				who: 'departments',
				departments: [2],
				...custom('2024-03-01', '2024-03-01'),
				options: { outputMode: 'member' },
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(trees.map((u) => new URL(u, BASE).searchParams.get('id'))).toEqual(['2']);
		expect(lists.sort()).toEqual(['2', '4', '5']);
		expect(bodies.map((b) => b.useridlist)).toEqual([['zhangsan', 'wangwu', 'zhaoliu']]);
		expect(run.output('Node').map((m) => [m.userId, m.name])).toEqual([
			['zhangsan', '张三'],
			['wangwu', '王五'],
			['zhaoliu', '赵六'],
		]);

		nock.cleanAll();
		checkinPacer.clear();
		trees.length = 0;
		const only: Body[] = [];
		nock(BASE)
			.persist()
			.get('/cgi-bin/department/simplelist')
			.query(true)
			.reply(200, (uri) => {
				trees.push(uri);
				return { errcode: 0, department_id: [] };
			})
			.get('/cgi-bin/user/simplelist')
			.query({ access_token: 'TOKEN', department_id: '3' })
			.reply(200, { errcode: 0, userlist: [{ userid: 'lisi', name: '李四' }] })
			.post('/cgi-bin/checkin/getcheckindata')
			.query(true)
			.reply(200, (_uri, body) => {
				only.push(body as Body);
				return { errcode: 0, checkindata: [] };
			});
		const single = await runNode(
			checkin('getRecords', {
				who: 'departments',
				departments: '3',
				includeSubDepartments: false,
				...custom('2024-03-01', '2024-03-01'),
			}),
			{ credentials },
		);
		expect(single.error).toBeUndefined();
		expect(trees).toEqual([]);
		expect(only.map((b) => b.useridlist)).toEqual([['lisi']]);
	});

	it('reads everyone visible to the app from the whole visible department tree', async () => {
		const trees: string[] = [];
		nock(BASE)
			.get('/cgi-bin/department/simplelist')
			.query((q) => {
				trees.push(JSON.stringify(q));
				return true;
			})
			.reply(200, { errcode: 0, department_id: [{ id: 3 }, { id: 6 }] })
			.get('/cgi-bin/user/simplelist')
			.query({ access_token: 'TOKEN', department_id: '3' })
			.reply(200, { errcode: 0, userlist: [{ userid: 'lisi', name: '李四' }] })
			.get('/cgi-bin/user/simplelist')
			.query({ access_token: 'TOKEN', department_id: '6' })
			.reply(200, { errcode: 0, userlist: [{ userid: 'sunba', name: '孙八' }] });
		const bodies = stub('/cgi-bin/checkin/getcheckin_daydata', () => ({ datas: [] }));
		const run = await runNode(
			checkin('getDailyReports', { who: 'all', ...custom('2024-03-01', '2024-03-01') }),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(trees).toEqual([JSON.stringify({ access_token: 'TOKEN' })]);
		expect(bodies.map((b) => b.useridlist)).toEqual([['lisi', 'sunba']]);
	});
});

describe('Check-In: validation before any call', () => {
	it.each([
		[{ members: '={{ $json.none }}' }, 'Members: is empty [item 0]'],
		[
			{ members: '={{ "zhangsan, 张三" }}' },
			'Members: "张三" is not a member ID (账号: 1–64 letters, digits or _-@.) [item 0]',
		],
		[
			{ members: `={{ "${'a'.repeat(65)}" }}` },
			`Members: "${'a'.repeat(65)}" is not a member ID (账号: 1–64 letters, digits or _-@.) [item 0]`,
		],
		[{ who: 'departments', departments: '={{ [] }}' }, 'Departments: is empty [item 0]'],
		[
			{ who: 'departments', departments: '={{ "2, sales" }}' },
			'Departments: "sales" is not a department ID [item 0]',
		],
		[{ start: 'next tuesday' }, 'Start: "next tuesday" is not a date and time [item 0]'],
		[{ start: '2024-02-30' }, 'Start: "2024-02-30" is not a date and time [item 0]'],
		[{ end: '={{ $json.none }}' }, 'End: is empty [item 0]'],
		[
			{ start: '2024-03-05', end: '2024-03-01' },
			'End: 2024-03-01T23:59:59.999+08:00 is before Start 2024-03-05T00:00:00.000+08:00 [item 0]',
		],
		[
			{ start: '2024-03-05 18:00', end: '2024-03-05 09:00' },
			'End: 2024-03-05T09:00:00.000+08:00 is before Start 2024-03-05T18:00:00.000+08:00 [item 0]',
		],
		[
			{ returnAll: false, limit: '={{ 0 }}' },
			'Limit: 0 is not a whole number of at least 1 [item 0]',
		],
		[{ recordType: '={{ 4 }}' }, 'Record Type: 4 is not a record type [item 0]'],
		[{ period: '={{ "fortnight" }}' }, 'Period: "fortnight" is not a period [item 0]'],
	])('refuses %j before any call: %s', async (parameters, message) => {
		const calls = noCalls();
		const run = await runNode(
			checkin('getRecords', {
				...members('zhangsan'),
				...custom('2024-03-01', '2024-03-02'),
				...parameters,
			}),
			{ credentials },
		);
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBeTruthy();
		expect(calls).toEqual([]);
	});

	it('checks the Day of Get Rules and the members of every item before calling for any', async () => {
		const calls = noCalls();
		const rules = await runNode(
			checkin('getRules', { ruleScope: 'members', ...members('zhangsan'), day: 'someday' }),
			{ credentials },
		);
		expect(rules.error?.message).toBe('Day: "someday" is not a date and time [item 0]');
		const batch = await runNode(
			checkin('getDailyReports', {
				who: 'members',
				members: '={{ $json.ids }}',
				...custom('2024-03-01', '2024-03-01'),
			}),
			{ credentials, items: [{ ids: ['zhangsan'] }, { ids: [] }] },
		);
		expect(batch.error?.message).toBe('Members: is empty [item 1]');
		expect(calls).toEqual([]);
	});

	it('never refuses a long range: 400 days of daily reports are split into 30-day calls', async () => {
		const bodies = stub('/cgi-bin/checkin/getcheckin_daydata', () => ({ datas: [] }));
		const run = await runNode(
			checkin('getDailyReports', { ...members('zhangsan'), ...custom('2023-01-01', '2024-02-04') }),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(bodies).toHaveLength(14);
		expect(bodies.every((b) => (b.endtime - b.starttime) / DAY <= 29)).toBe(true);
	});
});

describe('Check-In: errors explained', () => {
	const failWith = (path: string, errcode: number, errmsg: string) =>
		nock(BASE)
			.persist()
			.post(path)
			.query(true)
			.reply(200, { errcode, errmsg: `${errmsg}, hint: [x], from ip: 1.2.3.4` });

	it('48002: the built-in 打卡 app’s secret (new corps since 2023-12-01) or an app not allowed to call', async () => {
		failWith('/cgi-bin/checkin/getcheckindata', 48002, 'api forbidden');
		const run = await runNode(
			checkin('getRecords', { ...members('zhangsan'), ...custom('2024-03-01', '2024-03-01') }),
			{ credentials },
		);
		expect(run.error?.message).toBe('WeCom: this app may not call the check-in (打卡) API (48002)');
		expect(run.error?.description).toContain('Use a self-built app’s secret');
		expect(run.error?.description).toContain('add the app under 打卡 → 可调用接口的应用');
		expect(run.error?.description).toContain('2023-12-01');
	});

	it.each([301021, 60011, 50002])(
		'%s: names the members of the call and the visible range',
		async (errcode) => {
			failWith('/cgi-bin/checkin/getcheckin_monthdata', errcode, 'invalid userid');
			const run = await runNode(
				checkin('getMonthlyReports', {
					...members('zhangsan', 'ghost'),
					...custom('2024-03-01', '2024-03-01'),
				}),
				{ credentials },
			);
			expect(run.error?.message).toBe(
				`WeCom: a member does not exist or is outside the app’s visible range (${errcode})`,
			);
			expect(run.error?.description).toContain('可见范围');
			expect(run.error?.description).toContain('This call asked for zhangsan, ghost.');
		},
	);

	it('60011 while listing a department: explains the department, and Continue On Fail keeps the code', async () => {
		nock(BASE)
			.get('/cgi-bin/department/simplelist')
			.query(true)
			.reply(200, { errcode: 60011, errmsg: 'no privilege to access/modify contact/party/agent' });
		const run = await runNode(
			{
				...checkin('getDailyReports', {
					who: 'departments',
					departments: [7],
					...custom('2024-03-01', '2024-03-01'),
				}),
				continueOnFail: true,
			},
			{ credentials },
		);
		expect(run.output('Node')).toEqual([
			expect.objectContaining({
				error: 'WeCom: a department does not exist or is outside the app’s visible range (60011)',
				errcode: 60011,
			}),
		]);
		expect(String(run.output('Node')[0].description)).toContain('departments (7)');
	});

	it('other errors keep the transport’s explanation (301024)', async () => {
		failWith('/cgi-bin/checkin/getcheckindata', 301024, 'invalid time range');
		const run = await runNode(
			checkin('getRecords', { ...members('zhangsan'), ...custom('2024-03-01', '2024-03-01') }),
			{ credentials },
		);
		expect(run.error?.message).toBe('WeCom: invalid time range (301024)');
		expect(run.error?.description).toContain('invalid check-in time range');
	});
});

describe('Check-In: fast ISO times', () => {
	it.each([
		'Asia/Shanghai',
		'America/New_York',
		'Europe/London',
		'UTC',
		'Asia/Kolkata',
		'Australia/Lord_Howe',
	])('formats like isoFromUnix in %s, minute by minute around daylight-saving changes', (zone) => {
		const iso = isoFormatter(zone);
		const wrong: string[] = [];
		const check = (t: number) => {
			if (iso(t) !== isoFromUnix(t, zone)) wrong.push(`${t}: ${iso(t)} vs ${isoFromUnix(t, zone)}`);
		};
		const from = sh('2024-01-01T00:00:00');
		let previous = DateTime.fromSeconds(from, { zone }).offset;
		// Hourly through 2024 (odd steps, so every minute of the hour is hit), and every minute
		// of the two hours around each change of offset.
		for (let t = from; t < from + 366 * DAY; t += 3607) {
			check(t);
			const offset = DateTime.fromSeconds(t, { zone }).offset;
			if (offset !== previous) for (let m = t - 7200; m < t + 3600; m += 60) check(m);
			previous = offset;
		}
		expect(wrong).toEqual([]);
		expect(iso(0)).toBeUndefined();
		expect(iso(undefined)).toBeUndefined();
	});
});

describe('Check-In: per-minute pacing', () => {
	it('lets the quota through at once, then waits for the oldest call to leave the minute', async () => {
		let now = 1_000_000;
		const waits: number[] = [];
		const pacer = new MinutePacer(
			() => now,
			async (ms) => {
				waits.push(ms);
				now += ms;
			},
		);
		for (let i = 0; i < 60; i++) {
			await pacer.slot('corp|monthdata', 60);
			now += 100;
		}
		expect(waits).toEqual([]);
		expect(pacer.used('corp|monthdata')).toBe(60);
		await pacer.slot('corp|monthdata', 60);
		// The first call was at 1,000,000; the 61st may go 61 s later (a minute plus a second of slack).
		expect(waits).toEqual([61_000 - 6_000]);
		expect(now).toBe(1_061_000);
		// Another endpoint (or corp) has its own minute.
		await pacer.slot('corp|daydata', 100);
		expect(waits).toHaveLength(1);
	});

	it('hands out slots one at a time to parallel callers', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new MinutePacer(
			() => now,
			async (ms) => {
				waits.push(ms);
				now += ms;
			},
		);
		await Promise.all(Array.from({ length: 5 }, async () => await pacer.slot('k', 3)));
		// Three go at once; the fourth waits for the minute, the fifth then finds a free slot.
		expect(waits).toEqual([61_000]);
		expect(pacer.used('k')).toBe(2);
	});
});
