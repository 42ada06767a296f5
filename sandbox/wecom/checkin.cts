import { createHash } from 'node:crypto';

import type { Router } from '../http.cjs';
import type { WeComApp } from './apps.cjs';
import { USERID_PATTERN, type Member } from './contacts.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate, type Schema } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * Check-in (打卡, reference §5): punch records, daily and monthly reports, rules and shift
 * schedules, generated deterministically for every member from a hash of member ID and day.
 * Weekends are off for the fixed-hours rule; members of 人力资源部 (6) and below work shifts.
 * Limits are enforced as WeCom documents them (and, where it does not, as the pack reads them):
 * 100 members (301023), 30 days of records (301024), 30 days of daily reports and one calendar
 * month of monthly reports (301024), one month of schedules (301075), and the per-minute quotas (45009).
 * Every endpoint needs the app permission 'checkin'. The '打卡 (system app)' secret lacks it, so it
 * gets 48002 like the built-in app's secret in corps set up after 2023-12-01; grant it 'checkin' to
 * emulate an older corp.
 */

/** WeCom's corp timezone: China Standard Time, no daylight saving. */
const CST = 8 * 3600;
const DAY = 86400;

export type DayOutcome = 'normal' | 'late' | 'early' | 'missing' | 'absent' | 'location' | 'rest';

interface Shift {
	schedule_id: number;
	schedule_name: string;
	work_sec: number;
	off_work_sec: number;
}

const SHIFTS: Record<number, Shift> = {
	11: { schedule_id: 11, schedule_name: '早班', work_sec: 8 * 3600, off_work_sec: 17 * 3600 },
	12: { schedule_id: 12, schedule_name: '晚班', work_sec: 13 * 3600, off_work_sec: 22 * 3600 },
};

export const CHECKIN_GROUPS = {
	fixed: { groupid: 1, groupname: '标准工时', grouptype: 1, record_type: 1 },
	shift: { groupid: 2, groupname: '客服排班', grouptype: 2, record_type: 3 },
} as const;

type Group = (typeof CHECKIN_GROUPS)[keyof typeof CHECKIN_GROUPS];

const FIXED_HOURS = { work_sec: 9 * 3600, off_work_sec: 18 * 3600 };

/** Department whose subtree works shifts. */
const SHIFT_DEPARTMENT = 6;
/** Department whose members also punch outings (外出打卡). */
const OUTING_DEPARTMENT = 3;

const OFFICE = {
	location_title: '沙箱大厦',
	location_detail: '广东省深圳市南山区科技园沙箱大厦',
	lat: 22540503,
	lng: 113934528,
	wifiname: 'Sandbox-Office',
	wifimac: '3c:46:d8:0c:7a:70',
};

export interface Punch {
	userid: string;
	groupname: string;
	checkin_type: '上班打卡' | '下班打卡' | '外出打卡';
	exception_type: string;
	checkin_time: number;
	location_title: string;
	location_detail: string;
	wifiname: string;
	wifimac: string;
	notes: string;
	mediaids: string[];
	lat: number;
	lng: number;
	deviceid: string;
	sch_checkin_time: number;
	groupid: number;
	schedule_id: number;
	timeline_id: number;
}

export interface DayPlan {
	date: number;
	key: string;
	group: Group;
	workday: boolean;
	outcome: DayOutcome;
	/** Scheduled on/off duty, seconds after 00:00 (workdays only). */
	hours?: { work_sec: number; off_work_sec: number };
	shift?: Shift;
	punches: Punch[];
}

/** yyyy-mm-dd of a Unix time in CST. */
export function dayKey(unix: number) {
	return new Date((unix + CST) * 1000).toISOString().slice(0, 10);
}

/** 00:00 CST of a yyyy-mm-dd day, Unix seconds. */
export function dayStart(key: string) {
	const [y, m, d] = key.split('-').map(Number);
	return Date.UTC(y, m - 1, d) / 1000 - CST;
}

function hash(...parts: Array<string | number>) {
	const digest = createHash('sha1').update(parts.join('|')).digest();
	return (salt: number) => digest.readUInt32BE((salt % 5) * 4);
}

export class CheckinStore {
	/** Forced outcomes by `${userid}|${yyyy-mm-dd}` (a forced outcome makes any day a workday). */
	readonly overrides = new Map<string, DayOutcome>();

	/** Calls per minute WeCom allows per corp (reference §1.2, §5). getcheckinoption: not documented. */
	readonly perMinute: Record<string, number> = {
		'/cgi-bin/checkin/getcheckindata': 600,
		'/cgi-bin/checkin/getcheckin_daydata': 100,
		'/cgi-bin/checkin/getcheckin_monthdata': 60,
		'/cgi-bin/checkin/getcheckinschedulist': 60,
		'/cgi-bin/checkin/getcorpcheckinoption': 60,
	};

	/** Call times (sandbox clock, ms) per path, for the quotas. */
	readonly calls = new Map<string, number[]>();

	setOutcome(userid: string, key: string, outcome: DayOutcome) {
		this.overrides.set(`${userid}|${key}`, outcome);
	}

	countCall(path: string, now: number) {
		const limit = this.perMinute[path];
		const recent = (this.calls.get(path) ?? []).filter((t) => now - t < 60_000);
		recent.push(now);
		this.calls.set(path, recent);
		if (limit !== undefined && recent.length > limit) fail(45009, 'api freq out of limit');
	}
}

function groupOf(world: WeComWorld, member: Member): Group {
	return member.department.some((d) => world.contacts.isWithin(d, SHIFT_DEPARTMENT))
		? CHECKIN_GROUPS.shift
		: CHECKIN_GROUPS.fixed;
}

/** A shift member's shift on a day: two rest days a week, early or late otherwise. */
function shiftOf(userid: string, key: string): Shift | undefined {
	const index = Math.round(dayStart(key) / DAY);
	const offset = hash(userid)(0) % 7;
	if ((index + offset) % 7 < 2) return undefined;
	return hash(userid, key)(1) % 2 === 0 ? SHIFTS[11] : SHIFTS[12];
}

export function planDay(world: WeComWorld, member: Member, key: string): DayPlan {
	const store = world.checkin;
	const date = dayStart(key);
	const group = groupOf(world, member);
	const forced = store.overrides.get(`${member.userid}|${key}`);
	const h = hash(member.userid, key);
	let hours: DayPlan['hours'];
	let shift: Shift | undefined;
	if (group === CHECKIN_GROUPS.shift) {
		shift = shiftOf(member.userid, key);
		if (!shift && forced && forced !== 'rest') shift = SHIFTS[11];
		if (shift) hours = { work_sec: shift.work_sec, off_work_sec: shift.off_work_sec };
	} else {
		const weekday = new Date((date + CST) * 1000).getUTCDay();
		if ((weekday !== 0 && weekday !== 6) || (forced && forced !== 'rest')) hours = FIXED_HOURS;
	}
	const workday = hours !== undefined && forced !== 'rest';
	let outcome: DayOutcome = 'rest';
	if (workday) {
		if (forced) outcome = forced;
		else {
			const r = h(0) % 100;
			outcome =
				r < 6
					? 'late'
					: r < 10
						? 'early'
						: r < 13
							? 'missing'
							: r < 15
								? 'absent'
								: r < 18
									? 'location'
									: 'normal';
		}
	}
	const plan: DayPlan = { date, key, group, workday, outcome, hours, shift, punches: [] };
	if (!workday || !hours) return plan;

	const punch = (
		type: Punch['checkin_type'],
		time: number,
		sch: number,
		exception: string,
		seq: number,
	): Punch => {
		const missing = exception === '未打卡';
		const away = type === '外出打卡';
		return {
			userid: member.userid,
			groupname: group.groupname,
			checkin_type: type,
			exception_type: exception,
			checkin_time: time,
			location_title: missing ? '' : away ? '客户现场' : OFFICE.location_title,
			location_detail: missing ? '' : away ? '深圳市福田区客户大厦' : OFFICE.location_detail,
			wifiname: missing || away ? '' : OFFICE.wifiname,
			wifimac: missing || away ? '' : OFFICE.wifimac,
			notes: away ? '拜访客户' : '',
			mediaids: [],
			lat: missing ? 0 : away ? 22543099 : OFFICE.lat,
			lng: missing ? 0 : away ? 114057868 : OFFICE.lng,
			deviceid: missing ? '' : `device-${member.userid}`,
			sch_checkin_time: sch,
			groupid: group.groupid,
			schedule_id: shift?.schedule_id ?? 0,
			timeline_id: seq,
		};
	};
	const on = date + hours.work_sec;
	const off = date + hours.off_work_sec;
	const onTime =
		outcome === 'late'
			? on + (3 + (h(1) % 37)) * 60
			: outcome === 'absent'
				? on
				: on - (5 + (h(1) % 25)) * 60;
	const onException =
		outcome === 'late'
			? '时间异常'
			: outcome === 'absent'
				? '未打卡'
				: outcome === 'location'
					? '地点异常'
					: '';
	plan.punches.push(punch('上班打卡', onTime, on, onException, 1));
	if (
		member.department.some((d) => world.contacts.isWithin(d, OUTING_DEPARTMENT)) &&
		outcome !== 'absent' &&
		h(3) % 4 === 0
	) {
		plan.punches.push(punch('外出打卡', date + 14 * 3600 + (h(3) % 60) * 60, 0, '', 0));
	}
	const offTime =
		outcome === 'early'
			? off - (5 + (h(2) % 55)) * 60
			: outcome === 'missing' || outcome === 'absent'
				? off
				: off + (h(2) % 45) * 60;
	const offException =
		outcome === 'early'
			? '时间异常'
			: outcome === 'missing' || outcome === 'absent'
				? '未打卡'
				: '';
	plan.punches.push(punch('下班打卡', offTime, off, offException, 1));
	return plan;
}

function departsName(world: WeComWorld, member: Member) {
	return member.department
		.map((id) => {
			const names: string[] = [];
			let current = world.contacts.departments.get(id);
			while (current) {
				names.unshift(current.name);
				if (current.id === 1) break;
				current = world.contacts.departments.get(current.parentid);
			}
			return names.join('/');
		})
		.join(';');
}

interface DaySummary {
	checkin_count: number;
	regular_work_sec: number;
	standard_work_sec: number;
	earliest_time: number;
	lastest_time: number;
	exceptions: Map<number, { count: number; duration: number }>;
}

function summarize(plan: DayPlan): DaySummary {
	const real = plan.punches.filter(
		(p) => p.exception_type !== '未打卡' && p.checkin_type !== '外出打卡',
	);
	const onPunch = plan.punches.find((p) => p.checkin_type === '上班打卡');
	const offPunch = plan.punches.find((p) => p.checkin_type === '下班打卡');
	const exceptions = new Map<number, { count: number; duration: number }>();
	const add = (code: number, duration: number) => exceptions.set(code, { count: 1, duration });
	const standard = plan.hours ? plan.hours.off_work_sec - plan.hours.work_sec : 0;
	let worked = 0;
	if (plan.workday && onPunch && offPunch) {
		if (plan.outcome === 'late') add(1, onPunch.checkin_time - onPunch.sch_checkin_time);
		if (plan.outcome === 'early') add(2, offPunch.sch_checkin_time - offPunch.checkin_time);
		if (plan.outcome === 'missing') add(3, 0);
		if (plan.outcome === 'absent') add(4, standard);
		if (plan.outcome === 'location') add(5, 0);
		if (plan.outcome !== 'missing' && plan.outcome !== 'absent') {
			worked = Math.max(
				0,
				Math.min(offPunch.checkin_time, offPunch.sch_checkin_time) -
					Math.max(onPunch.checkin_time, onPunch.sch_checkin_time),
			);
		}
	}
	const times = real.map((p) => p.checkin_time - plan.date);
	return {
		checkin_count: real.length,
		regular_work_sec: worked,
		standard_work_sec: plan.workday ? standard : 0,
		earliest_time: times.length ? Math.min(...times) : 0,
		lastest_time: times.length ? Math.max(...times) : 0,
		exceptions,
	};
}

const exceptionInfos = (map: DaySummary['exceptions']) =>
	[...map.entries()]
		.sort(([a], [b]) => a - b)
		.map(([exception, { count, duration }]) => ({ exception, count, duration }));

function ruleInfo(plan: DayPlan) {
	return {
		groupid: plan.group.groupid,
		groupname: plan.group.groupname,
		scheduleid: plan.shift?.schedule_id ?? 0,
		schedulename: plan.shift?.schedule_name ?? '',
		checkintime: plan.hours
			? [{ work_sec: plan.hours.work_sec, off_work_sec: plan.hours.off_work_sec }]
			: [],
	};
}

function ruleObject(group: Group, createdAt: number) {
	const base = {
		grouptype: group.grouptype,
		groupid: group.groupid,
		groupname: group.groupname,
		spe_workdays: [],
		spe_offdays: [],
		sync_holidays: true,
		need_photo: false,
		note_can_use_local_pic: false,
		allow_checkin_offworkday: false,
		allow_apply_offworkday: true,
		wifimac_infos: [{ wifiname: OFFICE.wifiname, wifimac: OFFICE.wifimac }],
		loc_infos: [
			{
				lat: OFFICE.lat,
				lng: OFFICE.lng,
				loc_title: OFFICE.location_title,
				loc_detail: OFFICE.location_detail,
				distance: 300,
			},
		],
		create_time: createdAt,
		white_users: [],
		type: 0,
		allow_apply_bk_cnt: -1,
		option_out_range: 0,
		create_userid: 'sunba',
		update_userid: 'sunba',
		use_face_detect: false,
		allow_apply_bk_day_limit: 30,
		offwork_interval_time: 300,
		buka_restriction: 0,
	};
	const section = (shift: Shift, id: number) => ({
		id,
		work_sec: shift.work_sec,
		off_work_sec: shift.off_work_sec,
		remind_work_sec: shift.work_sec - 600,
		remind_off_work_sec: shift.off_work_sec,
	});
	if (group === CHECKIN_GROUPS.shift) {
		return {
			...base,
			checkindate: [],
			schedulelist: Object.values(SHIFTS).map((shift, i) => ({
				schedule_id: shift.schedule_id,
				schedule_name: shift.schedule_name,
				time_section: [section(shift, i + 1)],
				limit_aheadtime: 14400000,
				noneed_offwork: false,
			})),
		};
	}
	return {
		...base,
		checkindate: [
			{
				workdays: [1, 2, 3, 4, 5],
				checkintime: [
					{
						work_sec: FIXED_HOURS.work_sec,
						off_work_sec: FIXED_HOURS.off_work_sec,
						remind_work_sec: FIXED_HOURS.work_sec - 600,
						remind_off_work_sec: FIXED_HOURS.off_work_sec,
					},
				],
				noneed_offwork: false,
				limit_aheadtime: 14400000,
				flex_on_duty_time: 0,
				flex_off_duty_time: 0,
			},
		],
		schedulelist: [],
	};
}

const MEMBERS: Schema = {
	useridlist: { type: 'string[]', required: true, max: 100, errcode: 301023 },
};

/** Every endpoint's member list: 1–100 members, each existing and visible to the app (301021). */
function members(world: WeComWorld, app: WeComApp, body: Record<string, unknown>): Member[] {
	const list = body.useridlist as string[] | undefined;
	if (!Array.isArray(list) || list.length === 0) fail(301023, 'useridlist is empty');
	if (list.length > 100) fail(301023, 'useridlist exceeds 100');
	return list.map((userid) => {
		const member = USERID_PATTERN.test(userid) ? world.contacts.members.get(userid) : undefined;
		if (!member) fail(301021, `invalid userid: ${userid}`);
		if (!world.canSee(app, member)) fail(301021, `userid ${userid} is outside the app's range`);
		return member;
	});
}

function daysBetween(starttime: number, endtime: number) {
	const keys: string[] = [];
	for (let t = dayStart(dayKey(starttime)); t <= endtime; t += DAY) keys.push(dayKey(t));
	return keys;
}

function range(body: Record<string, unknown>, errcode: number) {
	const starttime = Number(body.starttime);
	const endtime = Number(body.endtime);
	if (endtime < starttime) fail(errcode, 'endtime is earlier than starttime');
	return { starttime, endtime };
}

export function registerCheckinRoutes(router: Router, world: WeComWorld) {
	const opts = { permission: 'checkin' as const };
	const nowSeconds = () => Math.floor(world.now() / 1000);
	/** Only days that are over have reports. */
	const complete = (key: string) => dayStart(key) + DAY <= nowSeconds();
	const route = (
		path: string,
		handler: (body: Record<string, unknown>, app: WeComApp) => Record<string, unknown>,
	) =>
		wecomRoute(router, world, 'POST', path, opts, ({ body, app }) => {
			world.checkin.countCall(path, world.now());
			return handler(body, app);
		});

	route('/cgi-bin/checkin/getcheckindata', (body, app) => {
		validate(body, {
			opencheckindatatype: { type: 'uint', required: true, enum: [1, 2, 3] },
			starttime: { type: 'uint', required: true },
			endtime: { type: 'uint', required: true },
			...MEMBERS,
		});
		const { starttime, endtime } = range(body, 301024);
		if (endtime - starttime > 30 * DAY) fail(301024, 'time range exceeds 30 days');
		const kind = Number(body.opencheckindatatype);
		const now = nowSeconds();
		const checkindata: Punch[] = [];
		for (const member of members(world, app, body)) {
			for (const key of daysBetween(starttime, endtime)) {
				for (const p of planDay(world, member, key).punches) {
					const outing = p.checkin_type === '外出打卡';
					if ((kind === 1 && outing) || (kind === 2 && !outing)) continue;
					if (p.checkin_time < starttime || p.checkin_time > endtime || p.checkin_time > now)
						continue;
					checkindata.push(p);
				}
			}
		}
		return { checkindata };
	});

	route('/cgi-bin/checkin/getcheckin_daydata', (body, app) => {
		validate(body, {
			starttime: { type: 'uint', required: true },
			endtime: { type: 'uint', required: true },
			...MEMBERS,
		});
		const { starttime, endtime } = range(body, 301024);
		const keys = daysBetween(starttime, endtime);
		if (keys.length > 30) fail(301024, 'time range exceeds 30 days');
		const datas: unknown[] = [];
		for (const member of members(world, app, body)) {
			for (const key of keys.filter(complete)) {
				const plan = planDay(world, member, key);
				const summary = summarize(plan);
				datas.push({
					base_info: {
						date: plan.date,
						record_type: plan.group.record_type,
						name: member.name,
						name_ex: '',
						departs_name: departsName(world, member),
						acctid: member.userid,
						rule_info: ruleInfo(plan),
						day_type: plan.workday ? 0 : 1,
					},
					summary_info: {
						checkin_count: summary.checkin_count,
						regular_work_sec: summary.regular_work_sec,
						standard_work_sec: summary.standard_work_sec,
						earliest_time: summary.earliest_time,
						lastest_time: summary.lastest_time,
					},
					holiday_infos: [],
					exception_infos: exceptionInfos(summary.exceptions),
					ot_info: { ot_status: 0, ot_duration: 0, exception_duration: [] },
					sp_items: [],
				});
			}
		}
		return { datas };
	});

	route('/cgi-bin/checkin/getcheckin_monthdata', (body, app) => {
		validate(body, {
			starttime: { type: 'uint', required: true },
			endtime: { type: 'uint', required: true },
			...MEMBERS,
		});
		const { starttime, endtime } = range(body, 301024);
		if (dayKey(starttime).slice(0, 7) !== dayKey(endtime).slice(0, 7))
			fail(301024, 'starttime and endtime must be in the same month');
		const keys = daysBetween(starttime, endtime).filter(complete);
		const datas = members(world, app, body).map((member) => {
			const totals = {
				work_days: 0,
				regular_days: 0,
				except_days: 0,
				rest_days: 0,
				regular_work_sec: 0,
				standard_work_sec: 0,
			};
			const exceptions = new Map<number, { count: number; duration: number }>();
			let group: Group = groupOf(world, member);
			for (const key of keys) {
				const plan = planDay(world, member, key);
				group = plan.group;
				const summary = summarize(plan);
				if (!plan.workday) {
					totals.rest_days++;
					continue;
				}
				totals.work_days++;
				if (summary.exceptions.size) totals.except_days++;
				else totals.regular_days++;
				totals.regular_work_sec += summary.regular_work_sec;
				totals.standard_work_sec += summary.standard_work_sec;
				for (const [code, { count, duration }] of summary.exceptions) {
					const sum = exceptions.get(code) ?? { count: 0, duration: 0 };
					exceptions.set(code, { count: sum.count + count, duration: sum.duration + duration });
				}
			}
			return {
				base_info: {
					record_type: group.record_type,
					name: member.name,
					name_ex: '',
					departs_name: departsName(world, member),
					acctid: member.userid,
					rule_info: { groupid: group.groupid, groupname: group.groupname },
				},
				summary_info: totals,
				exception_infos: exceptionInfos(exceptions),
				sp_items: [],
				overwork_info: {
					workday_over_sec: 0,
					holidays_over_sec: 0,
					restdays_over_sec: 0,
					workdays_over_as_vacation: 0,
					workdays_over_as_money: 0,
					restdays_over_as_vacation: 0,
					restdays_over_as_money: 0,
					holidays_over_as_vacation: 0,
					holidays_over_as_money: 0,
				},
			};
		});
		return { datas };
	});

	route('/cgi-bin/checkin/getcheckinoption', (body, app) => {
		validate(body, { datetime: { type: 'uint', required: true }, ...MEMBERS });
		const created = dayStart('2024-01-02');
		return {
			info: members(world, app, body).map((member) => ({
				userid: member.userid,
				group: ruleObject(groupOf(world, member), created),
			})),
		};
	});

	route('/cgi-bin/checkin/getcorpcheckinoption', (body) => {
		validate(body, {});
		const created = dayStart('2024-01-02');
		return {
			group: [
				{
					...ruleObject(CHECKIN_GROUPS.fixed, created),
					range: { party_id: ['1'], userid: [], tagid: [] },
				},
				{
					...ruleObject(CHECKIN_GROUPS.shift, created),
					range: { party_id: [String(SHIFT_DEPARTMENT)], userid: [], tagid: [] },
				},
			],
		};
	});

	route('/cgi-bin/checkin/getcheckinschedulist', (body, app) => {
		validate(body, {
			starttime: { type: 'uint', required: true },
			endtime: { type: 'uint', required: true },
			...MEMBERS,
		});
		const { starttime, endtime } = range(body, 301075);
		const first = new Date((starttime + CST) * 1000);
		const monthLater =
			Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate()) / 1000 -
			CST +
			((starttime + CST) % DAY);
		if (endtime > monthLater) fail(301075, 'time range exceeds one month');
		const keys = daysBetween(starttime, endtime);
		const schedule_list: unknown[] = [];
		for (const member of members(world, app, body)) {
			if (groupOf(world, member) !== CHECKIN_GROUPS.shift) continue;
			const byMonth = new Map<string, string[]>();
			for (const key of keys) {
				const month = key.slice(0, 7);
				byMonth.set(month, [...(byMonth.get(month) ?? []), key]);
			}
			for (const [month, days] of byMonth) {
				schedule_list.push({
					userid: member.userid,
					yearmonth: Number(month.replace('-', '')),
					groupid: CHECKIN_GROUPS.shift.groupid,
					groupname: CHECKIN_GROUPS.shift.groupname,
					schedule: {
						scheduleList: days.map((key) => {
							const shift = planDay(world, member, key).shift;
							return {
								day: Number(key.slice(8, 10)),
								schedule_info: shift
									? {
											schedule_id: shift.schedule_id,
											schedule_name: shift.schedule_name,
											time_section: [
												{
													id: shift.schedule_id === 11 ? 1 : 2,
													work_sec: shift.work_sec,
													off_work_sec: shift.off_work_sec,
													remind_work_sec: shift.work_sec - 600,
													remind_off_work_sec: shift.off_work_sec,
												},
											],
										}
									: { schedule_id: 0, schedule_name: '休息', time_section: [] },
							};
						}),
					},
				});
			}
		}
		return { schedule_list };
	});
}
