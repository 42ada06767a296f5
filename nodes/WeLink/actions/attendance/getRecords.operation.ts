import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DateTime } from 'luxon';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import { toDateTime } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { weLinkApiRequest } from '../../transport';
import { readIdList, readLimit } from '../common/fields';

/** attendance records: at most 50 people per call, pages of at most 100 (reference A.3). */
export const MAX_PEOPLE_PER_CALL = 50;
export const PAGE_SIZE = 100;
// UNCONFIRMED: the 24-hour window is documented for v2 (dateFrom/dateTo); the pack applies it to v3 too.
export const MAX_WINDOW_SECONDS = 24 * 3600;
const CONCURRENCY = 3;
// UNCONFIRMED: v3's startTime/endTime format is not published; the pack sends v2's "yyyy-MM-dd HH:mm:ss" in the workflow timezone.
export const TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

interface Query {
	userIdList: string[];
	startTime: string;
	endTime: string;
}

interface RecordsInput {
	queries: Query[];
	limit?: number;
}

function readTime(ctx: IExecuteFunctions, i: number, name: string, field: string, zone: string) {
	const value = ctx.getNodeParameter(name, i, '');
	const dt = toDateTime(value, zone);
	if (!dt)
		throw inputError(
			ctx,
			i,
			field,
			value === '' || value === undefined || value === null
				? 'is required'
				: `"${String(value)}" is not a date and time`,
			'Use an ISO date-time, "2026-03-01 09:00" or Unix seconds.',
		);
	return dt;
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

export function prepare(this: IExecuteFunctions, i: number): RecordsInput {
	const zone = this.getTimezone();
	// UNCONFIRMED: userIdList takes the employee numbers maintained in the admin console (员工企业标识), as v2 documents.
	const people = readIdList(
		this,
		i,
		'Employee Numbers',
		this.getNodeParameter('employeeIds', i, ''),
		{
			what: 'employee number',
			required: true,
		},
	);
	const from = readTime(this, i, 'from', 'From', zone).startOf('second');
	const to = readTime(this, i, 'to', 'To', zone).startOf('second');
	if (to <= from)
		throw inputError(
			this,
			i,
			'To',
			`${to.toISO()} is not after From ${from.toISO()}`,
			'Swap the two dates.',
		);
	const queries: Query[] = [];
	for (const group of chunk(people, MAX_PEOPLE_PER_CALL))
		for (const [start, end] of windows(from, to))
			queries.push({
				userIdList: group,
				startTime: start.toFormat(TIME_FORMAT),
				endTime: end.toFormat(TIME_FORMAT),
			});
	return { queries, limit: readLimit(this, i) };
}

/** The list in an answer: `data` as an array, or a list inside it. */
function recordsOf(response: IDataObject): IDataObject[] {
	// UNCONFIRMED: the v3 answer's list field is not published; `data` (or data.records / data.list) is read.
	const data = response.data;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') {
		for (const key of ['records', 'list', 'data'])
			if (Array.isArray((data as IDataObject)[key]))
				return (data as IDataObject)[key] as IDataObject[];
	}
	if (Array.isArray(response.records)) return response.records as IDataObject[];
	return [];
}

/** Time fields (…Time) as ISO text in the workflow timezone; the raw record is kept. */
function withIsoTimes(record: IDataObject, zone: string): IDataObject {
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
		const dt = toDateTime(value, zone);
		if (dt) out[key] = dt.toISO();
	}
	return { ...out, raw: record };
}

/** Pages through one query; stops on a short page, at `max` records, or when a page repeats the last one. */
async function walk(
	ctx: IExecuteFunctions,
	query: Query,
	max: number | undefined,
	itemIndex: number,
) {
	const records: IDataObject[] = [];
	let previous = '';
	// UNCONFIRMED: offset is a page index from 0 (v2: "first 0, then 1, 2 …"); the walk ends on a short page.
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

/**
 * Every (people group × 24 h window) is one query, paged; three queries run at a time, in waves, so a
 * limit stops further calls.
 */
export async function execute(this: IExecuteFunctions, input: RecordsInput, itemIndex: number) {
	const zone = this.getTimezone();
	const out: IDataObject[] = [];
	for (const wave of chunk(input.queries, CONCURRENCY)) {
		const remaining = input.limit === undefined ? undefined : input.limit - out.length;
		const pages = await mapWithConcurrency(
			wave,
			CONCURRENCY,
			async (query) => await walk(this, query, remaining, itemIndex),
		);
		for (const record of pages.flat()) {
			out.push(withIsoTimes(record, zone));
			if (input.limit !== undefined && out.length >= input.limit) return out;
		}
	}
	return out;
}
