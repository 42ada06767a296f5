import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DateTime } from 'luxon';

import { toDateTime } from '../../../shared/time';
import { weLinkApiRequest } from '../../transport';

/**
 * POST attendance/v3/records {offset, limit, userIdList, startTime, endTime} → {totalCount, limit,
 * offset, data: [record]} (field names and types: both SDKs; the answer's `data`: JAR
 * AttendanceV3RecordsResponse). UNCONFIRMED: v3's page is not published, so the v2 page's rules
 * (open.welink.huaweicloud.com/wecode/docs/dev/serverapi/attendance; PY AttendanceV2RecordsRequest)
 * are applied: employee numbers (员工企业标识) ≤ 50, "yyyy-MM-dd HH:mm:ss" at most 24 h apart, offset
 * a page index from 0, limit 1–100; and WeLink's own clock is China Standard Time unless changed.
 */
export const MAX_PEOPLE_PER_CALL = 50;
export const PAGE_SIZE = 100;
export const MAX_WINDOW_SECONDS = 24 * 3600;
export const CONCURRENCY = 3;
export const TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';
/** The zone WeLink's zone-less times are in: the public cloud is run in mainland China. */
export const WELINK_ZONE = 'Asia/Shanghai';

export interface Query {
	userIdList: string[];
	startTime: string;
	endTime: string;
}

/** Windows of at most 24 h that do not overlap: [start, start + 24 h − 1 s], then the next. */
export function windows(from: DateTime, to: DateTime): Array<[DateTime, DateTime]> {
	const out: Array<[DateTime, DateTime]> = [];
	for (let start = from; start < to; start = start.plus({ seconds: MAX_WINDOW_SECONDS })) {
		const lastSecond = start.plus({ seconds: MAX_WINDOW_SECONDS - 1 });
		out.push([start, lastSecond < to ? lastSecond : to]);
	}
	return out;
}

/** The records of a v3 answer: `data` (JAR AttendanceV3RecordsResponse). */
function recordsOf(response: IDataObject): IDataObject[] {
	return Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
}

/**
 * Time fields (…Time) as ISO text in the workflow timezone, the raw record kept. Text without an
 * offset is WeLink's clock; epoch values are instants already.
 */
export function withIsoTimes(record: IDataObject, weLinkZone: string, zone: string): IDataObject {
	const out: IDataObject = { ...record };
	for (const [key, value] of Object.entries(record)) {
		if (!/time$/i.test(key)) continue;
		// Epoch values (seconds or milliseconds) or date-time text; durations and codes are left alone.
		if (
			typeof value === 'number'
				? value < 1e9
				: typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}[ T]\d|^\d{10,13}$/.test(value)
		)
			continue;
		const dt = toDateTime(value, weLinkZone);
		if (dt) out[key] = dt.setZone(zone).toISO();
	}
	return { ...out, raw: record };
}

/** Pages through one query; stops on a short page, at `max` records, or when a page repeats the last one. */
export async function walk(
	ctx: IExecuteFunctions,
	query: Query,
	max: number | undefined,
	itemIndex: number,
) {
	const records: IDataObject[] = [];
	let previous = '';
	// offset is a page index from 0 (v2: "第一次传0 … 下次获取传的1、2"); the walk ends on a short page.
	for (let offset = 0; ; offset++) {
		const response = await weLinkApiRequest.call(ctx, {
			method: 'POST',
			path: '/attendance/v3/records',
			body: { ...query, offset, limit: PAGE_SIZE },
			idempotent: true,
			itemIndex,
		});
		const page = recordsOf(response);
		// A server that ignores offset would send the same page forever.
		const signature = JSON.stringify(page);
		if (offset > 0 && signature === previous) return records;
		previous = signature;
		records.push(...page);
		if (page.length < PAGE_SIZE || (max !== undefined && records.length >= max)) return records;
	}
}
