import { DateTime } from 'luxon';

import type { Router } from '../http.cjs';
import { welinkRoute } from './routes.cjs';
import { ATTENDANCE_CODES, validate } from './schema.cjs';
import { welinkFail, type WeLinkWorld } from './world.cjs';

/**
 * Punch records (reference A.3): POST /attendance/v3/records {offset, limit, userIdList, startTime,
 * endTime}. Read the way the pack reads the v2 page: userIdList holds employee numbers (员工企业标识,
 * ≤ 50), the window is at most 24 h, times are "yyyy-MM-dd HH:mm:ss" in the tenant's zone
 * (Asia/Shanghai), offset is a page index from 0 and limit 1–100.
 *
 * Records are generated deterministically: every known employee punches in on weekdays at
 * 08:50 + (n mod 10) minutes and out at 18:00 + (n mod 10) minutes, n being their position in the
 * directory. `extra` holds records tests add.
 */

export const TENANT_ZONE = 'Asia/Shanghai';
const FORMAT = 'yyyy-MM-dd HH:mm:ss';

export interface PunchRecord {
	userId: string;
	userNameCn: string;
	punchTime: string;
	punchType: 'on' | 'off';
	location: string;
}

export class AttendanceStore {
	readonly extra: PunchRecord[] = [];
}

function parse(value: string, field: string) {
	const dt = DateTime.fromFormat(value, FORMAT, { zone: TENANT_ZONE });
	if (!dt.isValid) welinkFail('400', `${field} must be ${FORMAT}`);
	return dt;
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
			if (!employeeIds.includes(number) && !employeeIds.includes(user.corpUserId)) return;
			for (const [type, hour, minute] of [
				['on', 8, 50 + (n % 10)],
				['off', 18, n % 10],
			] as const) {
				const at = day.set({ hour, minute, second: 0, millisecond: 0 });
				if (at < from || at > to) continue;
				out.push({
					userId: number,
					userNameCn: user.userNameCn,
					punchTime: at.toFormat(FORMAT),
					punchType: type,
					location: '总部',
				});
			}
		});
	}
	for (const record of world.attendance.extra) {
		const at = DateTime.fromFormat(record.punchTime, FORMAT, { zone: TENANT_ZONE });
		if (employeeIds.includes(record.userId) && at >= from && at <= to) out.push(record);
	}
	return out.sort(
		(a, b) => a.punchTime.localeCompare(b.punchTime) || a.userId.localeCompare(b.userId),
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
		if (to < from) welinkFail('400', 'endTime is before startTime');
		if (to.diff(from, 'seconds').seconds > 24 * 3600)
			welinkFail('400', 'startTime and endTime are more than 24 hours apart');
		const offset = Number(body.offset);
		const limit = Number(body.limit);
		const all = punchRecords(world, body.userIdList as string[], from, to);
		return { data: all.slice(offset * limit, (offset + 1) * limit), total: all.length };
	});
}
