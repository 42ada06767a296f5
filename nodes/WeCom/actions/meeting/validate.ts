import type { IExecuteFunctions } from 'n8n-workflow';
import type { DateTime } from 'luxon';

import { toDateTime } from '../../../shared/time';
import { checkText, inputError, stringParam } from '../../../shared/validation';

/** Checks of a meeting's top-level fields, before anything is sent (reference §2.1). */

/** meeting/create and meeting/update (path/98148, path/98154): title 1–255 characters. */
export const TITLE_MAX_CHARACTERS = 255;
export const MAX_INVITEES = 300;
export const MAX_HOSTS = 10;
export const MIN_DURATION_MINUTES = 5;
/** meeting_duration is at most 86399 s (< 24 h). */
export const MAX_DURATION_MINUTES = 1439;

export function checkTitle(
	ctx: IExecuteFunctions,
	itemIndex: number,
	title: string,
	required: boolean,
) {
	checkText(ctx, itemIndex, title, {
		field: 'Title',
		max: TITLE_MAX_CHARACTERS,
		unit: 'characters',
		required,
	});
}

export function readStart(ctx: IExecuteFunctions, itemIndex: number, value: unknown): DateTime {
	const zone = ctx.getTimezone();
	const start = toDateTime(value, zone);
	if (!start) {
		throw inputError(
			ctx,
			itemIndex,
			'Start',
			`"${String(value)}" is not a date and time`,
			'Use an ISO date-time (2026-12-01T10:00), "2026-12-01 10:00", or Unix seconds/milliseconds.',
		);
	}
	if (start.toMillis() <= Date.now()) {
		throw inputError(
			ctx,
			itemIndex,
			'Start',
			`${start.toISO()} is not in the future`,
			`WeCom books only meetings that start later than now (workflow timezone ${zone}).`,
		);
	}
	return start;
}

export function checkDuration(ctx: IExecuteFunctions, itemIndex: number, minutes: unknown): number {
	const value = Number(minutes);
	if (!Number.isInteger(value) || value < MIN_DURATION_MINUTES || value > MAX_DURATION_MINUTES) {
		throw inputError(
			ctx,
			itemIndex,
			'Duration (Minutes)',
			`${String(minutes)} is outside ${MIN_DURATION_MINUTES}–${MAX_DURATION_MINUTES} minutes`,
			'WeCom meetings last at least 5 minutes and less than 24 hours.',
		);
	}
	return value;
}

/** The meeting an operation works on (Update, Cancel). */
export function readMeetingId(ctx: IExecuteFunctions, itemIndex: number): string {
	const meetingId = stringParam(ctx, 'meetingId', itemIndex);
	if (!meetingId)
		throw inputError(
			ctx,
			itemIndex,
			'Meeting ID',
			'is required',
			'Use the meetingId output of Create or List.',
		);
	return meetingId;
}
