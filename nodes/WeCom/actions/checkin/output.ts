import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { isoFromUnix } from '../../../shared/time';

/** getcheckindata's checkin_type strings. */
const CHECKIN_TYPE: Record<string, string> = {
	上班打卡: 'on duty',
	下班打卡: 'off duty',
	外出打卡: 'outing',
};

/** getcheckindata's exception_type strings (several, separated by ;). */
const RECORD_EXCEPTION: Record<string, string> = {
	时间异常: 'wrong time',
	地点异常: 'wrong location',
	未打卡: 'not checked in',
	wifi异常: 'wrong wifi',
	非常用设备: 'unusual device',
};

/** Report exception codes (exception_infos[].exception). */
export const REPORT_EXCEPTION: Record<number, string> = {
	1: 'late',
	2: 'early leave',
	3: 'missing',
	4: 'absent',
	5: 'location',
	6: 'device',
};

const RECORD_TYPE: Record<number, string> = {
	1: 'fixed hours',
	2: 'outing',
	3: 'shifts',
	4: 'free',
	5: 'overtime',
	7: 'no rule',
};

const SP_TYPE: Record<number, string> = {
	1: 'leave',
	2: 'punch correction',
	3: 'business trip',
	4: 'outing',
	100: 'field work',
};

const OT_STATUS: Record<number, string> = { 0: 'none', 1: 'approved', 2: 'too short' };

const RULE_TYPE: Record<number, string> = { 1: 'fixed hours', 2: 'shifts', 3: 'free' };

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const num = (value: unknown) => {
	const n = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(n)
		? undefined
		: n;
};

const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** Seconds after 00:00 as "HH:mm" (a shift ending after midnight shows 26:00). */
export function clock(seconds: unknown): string | undefined {
	const s = num(seconds);
	if (s === undefined) return undefined;
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const dateOf = (unix: unknown, zone: string) => {
	const n = num(unix);
	return n === undefined ? undefined : DateTime.fromSeconds(n, { zone }).toFormat('yyyy-MM-dd');
};

/**
 * isoFromUnix for many values: the zone's offset is looked up once per quarter hour (offsets only
 * change on quarter hours) and the text is built from it, with luxon's own suffix (+08:00, Z).
 * 100,000 records format in milliseconds instead of seconds.
 */
export function isoFormatter(zone: string) {
	const offsets = new Map<number, { seconds: number; suffix: string }>();
	return (value: unknown): string | undefined => {
		const n = Number(value);
		if (value === undefined || value === null || !Number.isFinite(n) || n <= 0) return undefined;
		const bucket = Math.floor(n / 900);
		let offset = offsets.get(bucket);
		if (!offset) {
			const start = DateTime.fromSeconds(bucket * 900, { zone });
			const iso = isoFromUnix(bucket * 900, zone);
			if (!iso) return undefined;
			offset = { seconds: start.offset * 60, suffix: iso.slice(23) };
			offsets.set(bucket, offset);
		}
		return new Date((n + offset.seconds) * 1000).toISOString().slice(0, 23) + offset.suffix;
	};
}

export type IsoFormatter = ReturnType<typeof isoFormatter>;

/** One punch (getcheckindata) with readable names; times as ISO text in the workflow timezone. */
export function shapeRecord(
	record: IDataObject,
	iso: IsoFormatter,
	includeRaw: boolean,
): IDataObject {
	const exceptionsRaw = String(record.exception_type ?? '')
		.split(/[;；]/)
		.map((e) => e.trim())
		.filter(Boolean);
	const exceptions = exceptionsRaw.map((e) => RECORD_EXCEPTION[e] ?? e);
	const lat = num(record.lat);
	const lng = num(record.lng);
	const out: IDataObject = {
		userId: record.userid,
		checkinType: CHECKIN_TYPE[String(record.checkin_type)] ?? record.checkin_type,
		checkinTime: iso(record.checkin_time),
		checkinTimeUnix: num(record.checkin_time),
		scheduledTime: iso(record.sch_checkin_time),
		scheduledTimeUnix: num(record.sch_checkin_time) || undefined,
		hasException: exceptions.length > 0,
		exceptions,
		ruleId: num(record.groupid),
		ruleName: record.groupname,
		scheduleId: num(record.schedule_id),
		locationTitle: record.location_title || undefined,
		locationDetail: record.location_detail || undefined,
		latitude: lat ? lat / 1e6 : undefined,
		longitude: lng ? lng / 1e6 : undefined,
		wifiName: record.wifiname || undefined,
		wifiMac: record.wifimac || undefined,
		deviceId: record.deviceid || undefined,
		notes: record.notes || undefined,
		mediaIds: list(record.mediaids),
		timelineId: num(record.timeline_id),
	};
	if (includeRaw) out.raw = record;
	return out;
}

function shapeExceptions(infos: unknown) {
	const exceptions = list(infos).map((e) => ({
		type: REPORT_EXCEPTION[Number(e.exception)] ?? `code ${String(e.exception)}`,
		code: num(e.exception),
		count: num(e.count) ?? 0,
		durationSeconds: num(e.duration) ?? 0,
	}));
	return {
		hasException: exceptions.some((e) => e.count > 0),
		exceptionTypes: exceptions.filter((e) => e.count > 0).map((e) => e.type),
		exceptions,
	};
}

const shapeSpItems = (items: unknown) =>
	list(items).map((s) => ({
		type: SP_TYPE[Number(s.type)] ?? `type ${String(s.type)}`,
		name: s.name,
		count: num(s.count),
		durationSeconds: num(s.duration),
		unit: Number(s.time_type) === 1 ? 'hour' : 'day',
		vacationId: num(s.vacation_id),
	}));

const text = (value: unknown) =>
	list((value as IDataObject | undefined)?.data)
		.map((d) => String(d.text ?? ''))
		.join(' ');

function baseInfo(base: IDataObject) {
	const rule = (base.rule_info as IDataObject | undefined) ?? {};
	return {
		userId: base.acctid,
		name: base.name,
		nameEn: base.name_ex || undefined,
		departments: String(base.departs_name ?? '')
			.split(';')
			.filter(Boolean),
		recordType: RECORD_TYPE[Number(base.record_type)] ?? base.record_type,
		ruleId: num(rule.groupid),
		ruleName: rule.groupname,
		rule,
	};
}

/** One member's day (getcheckin_daydata) with readable names. */
export function shapeDayReport(data: IDataObject, zone: string, includeRaw: boolean): IDataObject {
	const base = (data.base_info as IDataObject | undefined) ?? {};
	const summary = (data.summary_info as IDataObject | undefined) ?? {};
	const ot = (data.ot_info as IDataObject | undefined) ?? {};
	const date = num(base.date);
	const count = num(summary.checkin_count) ?? 0;
	const { rule, ...info } = baseInfo(base);
	const atTime = (seconds: unknown) =>
		date !== undefined && count > 0 && num(seconds) !== undefined
			? isoFromUnix(date + Number(seconds), zone)
			: undefined;
	const out: IDataObject = {
		date: dateOf(date, zone),
		dateUnix: date,
		...info,
		dayType: Number(base.day_type) === 1 ? 'rest day' : 'workday',
		scheduleId: num(rule.scheduleid),
		scheduleName: rule.schedulename || undefined,
		scheduledTimes: list(rule.checkintime).map((t) => ({
			start: clock(t.work_sec),
			end: clock(t.off_work_sec),
		})),
		checkinCount: count,
		earliestCheckin: atTime(summary.earliest_time),
		latestCheckin: atTime(summary.lastest_time),
		workSeconds: num(summary.regular_work_sec) ?? 0,
		standardWorkSeconds: num(summary.standard_work_sec) ?? 0,
		...shapeExceptions(data.exception_infos),
		approvals: shapeSpItems(data.sp_items),
		holidays: list(data.holiday_infos).map((h) => ({
			number: h.sp_number,
			title: text(h.sp_title),
			description: text(h.sp_description),
		})),
		overtime: {
			status: OT_STATUS[Number(ot.ot_status ?? 0)] ?? ot.ot_status,
			durationSeconds: num(ot.ot_duration) ?? 0,
		},
	};
	if (includeRaw) out.raw = data;
	return out;
}

/** One member's month (getcheckin_monthdata); the month and days asked for are given. */
export function shapeMonthReport(
	data: IDataObject,
	window: { starttime: number; endtime: number },
	zone: string,
	includeRaw: boolean,
): IDataObject {
	const base = (data.base_info as IDataObject | undefined) ?? {};
	const summary = (data.summary_info as IDataObject | undefined) ?? {};
	const over = (data.overwork_info as IDataObject | undefined) ?? {};
	const { rule, ...info } = baseInfo(base);
	void rule;
	const out: IDataObject = {
		month: DateTime.fromSeconds(window.starttime, { zone }).toFormat('yyyy-MM'),
		from: dateOf(window.starttime, zone),
		to: dateOf(window.endtime, zone),
		fromUnix: window.starttime,
		toUnix: window.endtime,
		...info,
		workDays: num(summary.work_days) ?? 0,
		regularDays: num(summary.regular_days) ?? 0,
		exceptionDays: num(summary.except_days) ?? 0,
		restDays: num(summary.rest_days),
		workSeconds: num(summary.regular_work_sec) ?? 0,
		standardWorkSeconds: num(summary.standard_work_sec) ?? 0,
		...shapeExceptions(data.exception_infos),
		approvals: shapeSpItems(data.sp_items),
		overtime: {
			workdaySeconds: num(over.workday_over_sec) ?? 0,
			restDaySeconds: num(over.restdays_over_sec) ?? 0,
			holidaySeconds: num(over.holidays_over_sec) ?? 0,
		},
	};
	if (includeRaw) out.raw = data;
	return out;
}

/** A check-in rule (打卡规则) with the fields people look for first; WeCom's object under raw. */
export function shapeRule(group: IDataObject, zone: string): IDataObject {
	const range = (group.range as IDataObject | undefined) ?? {};
	return {
		ruleId: num(group.groupid),
		ruleName: group.groupname,
		ruleType: RULE_TYPE[Number(group.grouptype)] ?? group.grouptype,
		workTimes: list(group.checkindate).map((d) => ({
			weekdays: ((d.workdays as number[] | undefined) ?? []).map((w) => WEEKDAY[w] ?? w),
			times: list(d.checkintime).map((t) => ({
				start: clock(t.work_sec),
				end: clock(t.off_work_sec),
			})),
			offDutyPunchNeeded: d.noneed_offwork === undefined ? undefined : !d.noneed_offwork,
		})),
		shifts: list(group.schedulelist).map((s) => ({
			scheduleId: num(s.schedule_id),
			scheduleName: s.schedule_name,
			times: list(s.time_section).map((t) => ({
				start: clock(t.work_sec),
				end: clock(t.off_work_sec),
			})),
		})),
		locations: list(group.loc_infos).map((l) => ({
			title: l.loc_title,
			detail: l.loc_detail,
			latitude: num(l.lat) === undefined ? undefined : Number(l.lat) / 1e6,
			longitude: num(l.lng) === undefined ? undefined : Number(l.lng) / 1e6,
			distanceMeters: num(l.distance),
		})),
		wifi: list(group.wifimac_infos).map((w) => ({ name: w.wifiname, mac: w.wifimac })),
		needPhoto: group.need_photo,
		syncHolidays: group.sync_holidays,
		appliesTo:
			group.range === undefined
				? undefined
				: {
						departments: (range.party_id as unknown[] | undefined) ?? [],
						members: (range.userid as unknown[] | undefined) ?? [],
						tags: (range.tagid as unknown[] | undefined) ?? [],
					},
		createdAt: isoFromUnix(group.create_time, zone),
		raw: group,
	};
}

/** One member's day of a shift schedule (getcheckinschedulist). */
export function shapeScheduleDays(
	entry: IDataObject,
	zone: string,
	includeRaw: boolean,
): Array<{ dateUnix: number; item: IDataObject }> {
	const yearMonth = String(entry.yearmonth ?? '');
	const year = Number(yearMonth.slice(0, 4));
	const month = Number(yearMonth.slice(4, 6));
	const days = list((entry.schedule as IDataObject | undefined)?.scheduleList);
	return days.map((day) => {
		const info = (day.schedule_info as IDataObject | undefined) ?? {};
		const date = DateTime.fromObject({ year, month, day: Number(day.day) }, { zone });
		const scheduleId = num(info.schedule_id) ?? 0;
		const item: IDataObject = {
			userId: entry.userid,
			date: date.isValid ? date.toFormat('yyyy-MM-dd') : undefined,
			dateUnix: date.isValid ? Math.floor(date.toSeconds()) : undefined,
			ruleId: num(entry.groupid),
			ruleName: entry.groupname,
			scheduleId,
			scheduleName: info.schedule_name,
			rest: scheduleId === 0,
			times: list(info.time_section).map((t) => ({
				start: clock(t.work_sec),
				end: clock(t.off_work_sec),
			})),
		};
		if (includeRaw) item.raw = { ...entry, schedule: { scheduleList: [day] } };
		return { dateUnix: Number(item.dateUnix ?? 0), item };
	});
}
