import { DateTime } from 'luxon';

/**
 * Times come from users in many shapes: an n8n date-time (ISO text or a luxon DateTime from an
 * expression), a JS Date, Unix seconds or milliseconds, or "2026-11-21 15:00" from a spreadsheet.
 * Text without an offset is read in the workflow's timezone.
 */
export function toDateTime(value: unknown, zone: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (DateTime.isDateTime(value)) return value.isValid ? value.setZone(zone) : undefined;
	if (value instanceof Date) return fromValid(DateTime.fromJSDate(value, { zone }));
	if (typeof value === 'number') return fromEpoch(value, zone);
	const text = String(value).trim();
	if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text), zone);
	const iso = DateTime.fromISO(text, { zone, setZone: true });
	if (iso.isValid) return iso.setZone(zone);
	for (const format of [
		'yyyy-MM-dd HH:mm:ss',
		'yyyy-MM-dd HH:mm',
		'yyyy/MM/dd HH:mm:ss',
		'yyyy/MM/dd HH:mm',
		'yyyy/MM/dd',
	]) {
		const parsed = DateTime.fromFormat(text, format, { zone });
		if (parsed.isValid) return parsed;
	}
	return undefined;
}

/** Epoch numbers below 10^11 are seconds (until the year 5138), larger ones milliseconds. */
function fromEpoch(n: number, zone: string) {
	if (!Number.isFinite(n)) return undefined;
	return fromValid(n < 1e11 ? DateTime.fromSeconds(n, { zone }) : DateTime.fromMillis(n, { zone }));
}

function fromValid(dt: DateTime) {
	return dt.isValid ? dt : undefined;
}

/**
 * The end of a range given as a day: a date without a time (what n8n's date picker gives for a day:
 * 00:00) means the whole day, so it ends at that day's last second, in the value's timezone.
 */
export function endOfDayIfDateOnly(dt: DateTime): DateTime {
	const midnight = dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0;
	return midnight ? dt.endOf('day') : dt;
}

export function unixSeconds(dt: DateTime) {
	return Math.floor(dt.toSeconds());
}

/** ISO text of a Unix-seconds value in the workflow's timezone (what outputs show). */
export function isoFromUnix(seconds: unknown, zone: string): string | undefined {
	const n = Number(seconds);
	if (!Number.isFinite(n) || n <= 0) return undefined;
	return DateTime.fromSeconds(n, { zone }).toISO() ?? undefined;
}

/** Splits [start, end) into consecutive windows of at most `maxSeconds` (API range limits). */
export function splitRange(
	start: number,
	end: number,
	maxSeconds: number,
): Array<[number, number]> {
	const windows: Array<[number, number]> = [];
	for (let from = start; from < end; from += maxSeconds)
		windows.push([from, Math.min(end, from + maxSeconds)]);
	return windows;
}
