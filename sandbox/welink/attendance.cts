import { DateTime } from 'luxon';

import type { Router } from '../http.cjs';
import { welinkRoute } from './routes.cjs';
import { ATTENDANCE_CODES, validate } from './schema.cjs';
import { welinkFail, type WeLinkWorld } from './world.cjs';

/**
 * Punch records: POST /attendance/v3/records {offset, limit, userIdList, startTime, endTime} →
 * {totalCount, limit, offset, data} (both SDKs' field names; JAR AttendanceV3RecordsResponse and
 * AttendanceRecordResponseData for the answer, every record field a String).
 * The v3 page is not published; the v2 page's rules are enforced (the strictest reading of v3):
 * userIdList ≤ 50 employee numbers (员工企业标识), times "yyyy-MM-dd HH:mm:ss" at most 24 h apart,
 * offset a page index from 0, limit 1–100 (open.welink.huaweicloud.com …/serverapi/attendance; PY
 * AttendanceV2RecordsRequest and constants.py).
 * UNCONFIRMED: WeLink's clock, the shape of punchTime/checkTime and the error codes. The sandbox's
 * clock is China Standard Time (the public cloud's); it writes punchTime as zone-less text and
 * checkTime as epoch milliseconds in text, the same instant, so a client must read both shapes to
 * agree; it refuses with code "400" and the reason.
 *
 * Records are generated deterministically: every known employee punches in on weekdays at
 * 08:50 + (n mod 10) minutes and out at 18:00 + (n mod 10) minutes, n being their position in the
 * directory. `extra` holds records tests add.
 */

export const TENANT_ZONE = 'Asia/Shanghai';
const FORMAT = 'yyyy-MM-dd HH:mm:ss';

export interface PunchRecord {
	id: string;
	/** The employee number (员工企业标识) the query names. */
	corpUserId: string;
	userId: string;
	userNameCn: string;
	deptName: string;
	groupName: string;
	punchTime: string;
	checkTime: string;
	location: string;
	longitude: string;
	latitude: string;
	isRange: string;
	isField: string;
	remark: string;
}

export class AttendanceStore {
	readonly extra: PunchRecord[] = [];
}

function parse(value: string, field: string) {
	const dt = DateTime.fromFormat(value, FORMAT, { zone: TENANT_ZONE });
	if (!dt.isValid) welinkFail(ATTENDANCE_CODES.invalid, `${field} must be ${FORMAT}`);
	return dt;
}

/** A record at `at` (China Standard Time) for an employee. */
export function punchRecord(
	fields: Pick<PunchRecord, 'corpUserId' | 'userId' | 'userNameCn'> & Partial<PunchRecord>,
	at: DateTime,
): PunchRecord {
	return {
		id: `${fields.corpUserId}-${at.toMillis()}`,
		deptName: '',
		groupName: '默认考勤组',
		location: '总部',
		longitude: '114.06',
		latitude: '22.54',
		isRange: '1',
		isField: '0',
		remark: '',
		...fields,
		punchTime: at.setZone(TENANT_ZONE).toFormat(FORMAT),
		checkTime: String(at.toMillis()),
	};
}

export function punchRecords(
	world: WeLinkWorld,
	employeeIds: string[],
	from: DateTime,
	to: DateTime,
) {
	const people = [...world.users.values()];
	const out: PunchRecord[] = [];
	for (let day = from.startOf('day'); day <= to; day = day.plus({ days: 1 })) {
		if (day.weekday > 5) continue;
		people.forEach((user, n) => {
			const number = user.employeeId ?? user.corpUserId;
			if (!employeeIds.includes(number)) return;
			for (const [hour, minute] of [
				[8, 50 + (n % 10)],
				[18, n % 10],
			]) {
				const at = day.set({ hour, minute, second: 0, millisecond: 0 });
				if (at < from || at > to) continue;
				out.push(
					punchRecord({ corpUserId: number, userId: user.userId, userNameCn: user.userNameCn }, at),
				);
			}
		});
	}
	for (const record of world.attendance.extra) {
		const at = DateTime.fromFormat(record.punchTime, FORMAT, { zone: TENANT_ZONE });
		if (employeeIds.includes(record.corpUserId) && at >= from && at <= to) out.push(record);
	}
	return out.sort(
		(a, b) => a.punchTime.localeCompare(b.punchTime) || a.corpUserId.localeCompare(b.corpUserId),
	);
}

export function registerWeLinkAttendanceRoutes(router: Router, world: WeLinkWorld) {
	welinkRoute(router, world, 'POST', '/attendance/v3/records', 'attendance', ({ body }) => {
		validate(
			body,
			{
				offset: { type: 'int', required: true, min: 0 },
				limit: { type: 'int', required: true, min: 1, max: 100 },
				userIdList: { type: 'string[]', required: true, max: 50 },
				startTime: { type: 'string', required: true },
				endTime: { type: 'string', required: true },
			},
			ATTENDANCE_CODES,
		);
		const from = parse(String(body.startTime), 'startTime');
		const to = parse(String(body.endTime), 'endTime');
		if (to < from) welinkFail(ATTENDANCE_CODES.invalid, 'endTime is before startTime');
		if (to.diff(from, 'seconds').seconds > 24 * 3600)
			welinkFail(ATTENDANCE_CODES.invalid, 'startTime and endTime are more than 24 hours apart');
		const offset = Number(body.offset);
		const limit = Number(body.limit);
		const all = punchRecords(world, body.userIdList as string[], from, to);
		return {
			totalCount: all.length,
			limit,
			offset,
			data: all.slice(offset * limit, (offset + 1) * limit),
		};
	});
}
