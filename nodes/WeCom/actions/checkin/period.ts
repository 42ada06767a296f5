import type { IExecuteFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { chunk } from '../../../shared/batching';
import { endOfDayIfDateOnly, splitRange, toDateTime, unixSeconds } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { DAY_REPORT_MAX_DAYS, RECORD_WINDOW_SECONDS } from './limits';

export type Preset = 'today' | 'yesterday' | 'last7Days' | 'thisMonth' | 'lastMonth' | 'custom';

/** A time range, both ends included, in the workflow timezone. */
export interface Period {
	start: DateTime;
	end: DateTime;
}

/** A call's time window: Unix seconds as WeCom takes them, plus the days it covers (reports). */
export interface Window {
	starttime: number;
	endtime: number;
	/** First and last day (00:00, workflow timezone) for report and schedule windows. */
	days?: DateTime[];
}

/**
 * Presets are whole days in the workflow timezone, evaluated when the node runs:
 * today, yesterday, the 7 days before today, this calendar month, last calendar month.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, now: DateTime): Period {
	const today = now.startOf('day');
	switch (preset) {
		case 'today':
			return { start: today, end: today.endOf('day') };
		case 'yesterday': {
			const day = today.minus({ days: 1 });
			return { start: day, end: day.endOf('day') };
		}
		case 'last7Days':
			return { start: today.minus({ days: 7 }), end: today.minus({ days: 1 }).endOf('day') };
		case 'thisMonth':
			return { start: today.startOf('month'), end: today.endOf('month') };
		case 'lastMonth': {
			const month = today.startOf('month').minus({ months: 1 });
			return { start: month, end: month.endOf('month') };
		}
	}
}

/** Reads Period (and Start/End for a custom range) and checks them; no call is made. */
export function readPeriod(ctx: IExecuteFunctions, itemIndex: number): Period {
	const zone = ctx.getTimezone();
	const preset = ctx.getNodeParameter('period', itemIndex, 'yesterday') as Preset;
	if (preset !== 'custom') {
		if (!['today', 'yesterday', 'last7Days', 'thisMonth', 'lastMonth'].includes(preset))
			throw inputError(
				ctx,
				itemIndex,
				'Period',
				`"${String(preset)}" is not a period`,
				'Use Today, Yesterday, Last 7 Days, This Month, Last Month or Custom Range.',
			);
		return presetPeriod(preset, DateTime.now().setZone(zone));
	}
	const start = readDate(ctx, itemIndex, 'start', 'Start');
	const end = endOfDayIfDateOnly(readDate(ctx, itemIndex, 'end', 'End'));
	if (end < start)
		throw inputError(
			ctx,
			itemIndex,
			'End',
			`${end.toISO()} is before Start ${start.toISO()}`,
			'Swap the two dates. Long ranges are fine: the node splits them into the calls WeCom allows.',
		);
	return { start, end };
}

function readDate(ctx: IExecuteFunctions, itemIndex: number, name: string, field: string) {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = toDateTime(raw, ctx.getTimezone());
	if (value) return value;
	const shown =
		raw === undefined || raw === null || String(raw).trim() === ''
			? 'is empty'
			: `"${String(raw)}" is not a date and time`;
	throw inputError(
		ctx,
		itemIndex,
		field,
		shown,
		'Use a date (2026-03-01), a date and time (2026-03-01 09:00, ISO 8601) or Unix seconds.',
	);
}

/** The single day (00:00) a value names, for Get Rules. */
export function readDay(ctx: IExecuteFunctions, itemIndex: number): DateTime {
	return readDate(ctx, itemIndex, 'day', 'Day').startOf('day');
}

/**
 * getcheckindata: consecutive windows of 30 whole days at most (endtime − starttime < 30 days),
 * both ends inclusive, so 30 days = 1 call and 31 days = 2 calls.
 */
// UNCONFIRMED: whether getcheckindata includes endtime is not documented; windows do not overlap (each ends 1 s before the next).
export function recordWindows(period: Period): Window[] {
	const from = unixSeconds(period.start);
	const to = unixSeconds(period.end) + 1;
	return splitRange(from, to, RECORD_WINDOW_SECONDS).map(([starttime, end]) => ({
		starttime,
		endtime: end - 1,
	}));
}

/** Every day (00:00) from the start's day to the end's day, in the workflow timezone. */
export function daysOf(period: Period): DateTime[] {
	const days: DateTime[] = [];
	const last = period.end.startOf('day');
	for (let day = period.start.startOf('day'); day <= last; day = day.plus({ days: 1 }))
		days.push(day);
	return days;
}

const dayWindow = (days: DateTime[]): Window => ({
	starttime: unixSeconds(days[0]),
	endtime: unixSeconds(days[days.length - 1]),
	days,
});

/** getcheckin_daydata: 00:00 of the first and last day, at most 30 days per call. */
export function dayReportWindows(period: Period): Window[] {
	return chunk(daysOf(period), DAY_REPORT_MAX_DAYS).map(dayWindow);
}

/** getcheckin_monthdata and getcheckinschedulist: one calendar month (or the part of it in range) per call. */
export function monthWindows(period: Period): Window[] {
	const byMonth = new Map<string, DateTime[]>();
	for (const day of daysOf(period)) {
		const key = day.toFormat('yyyy-MM');
		const list = byMonth.get(key) ?? [];
		list.push(day);
		byMonth.set(key, list);
	}
	return [...byMonth.values()].map(dayWindow);
}
