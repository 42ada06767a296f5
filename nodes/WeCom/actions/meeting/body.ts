import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DateTime } from 'luxon';

import { endOfDayIfDateOnly, toDateTime, unixSeconds } from '../../../shared/time';
import { checkText, inputError } from '../../../shared/validation';
import { readMemberIds } from '../common/read';
import { MAX_HOSTS, MAX_INVITEES } from './validate';

/**
 * Turns the meeting parameters of one item into meeting/create or meeting/update body fields,
 * checking each against WeCom's documented limits as it is read (reference §2.1); the checks of the
 * top-level fields (title, start, duration, meeting ID) are in validate.ts.
 */

/** description, location, invitees, cal_id (common to create and update). */
export function detailFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.description !== undefined && fields.description !== '') {
		checkText(ctx, itemIndex, String(fields.description), {
			field: 'Description',
			max: 500,
			unit: 'bytes',
		});
		body.description = String(fields.description);
	}
	if (fields.location !== undefined && fields.location !== '') {
		checkText(ctx, itemIndex, String(fields.location), {
			field: 'Location',
			max: 128,
			unit: 'characters',
		});
		body.location = String(fields.location);
	}
	if (fields.calendarId !== undefined && fields.calendarId !== '') {
		checkText(ctx, itemIndex, String(fields.calendarId), {
			field: 'Calendar ID',
			max: 64,
			unit: 'bytes',
		});
		body.cal_id = String(fields.calendarId);
	}
	if (fields.invitees !== undefined) {
		const invitees = readMemberIds(ctx, itemIndex, 'Invitees', fields.invitees, MAX_INVITEES);
		if (invitees.length) body.invitees = { userid: invitees };
	}
	return body;
}

export function settingsObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	settings: IDataObject,
): IDataObject | undefined {
	const out: IDataObject = {};
	if (settings.password !== undefined && settings.password !== '') {
		const password = String(settings.password);
		if (!/^\d{4,6}$/.test(password)) {
			throw inputError(
				ctx,
				itemIndex,
				'Password',
				'must be 4 to 6 digits',
				'WeCom join passwords are digits only, 4 to 6 of them.',
			);
		}
		out.password = password;
	}
	const booleans: Array<[string, string]> = [
		['enableWaitingRoom', 'enable_waiting_room'],
		['allowEnterBeforeHost', 'allow_enter_before_host'],
		['enableScreenWatermark', 'enable_screen_watermark'],
		['allowUnmuteSelf', 'allow_unmute_self'],
		['muteAll', 'mute_all'],
		['enableHostKey', 'enable_host_key'],
	];
	for (const [name, key] of booleans)
		if (settings[name] !== undefined) out[key] = Boolean(settings[name]);
	if (settings.enableEnterMute !== undefined)
		out.enable_enter_mute = Number(settings.enableEnterMute);
	if (settings.watermarkType !== undefined) out.watermark_type = Number(settings.watermarkType);
	if (settings.autoRecordType !== undefined) out.auto_record_type = String(settings.autoRecordType);
	// UNCONFIRMED: the create page says true = everyone may join, other pages read the other way;
	// the create page's reading is used (it is the page for this call).
	if (settings.whoMayJoin !== undefined)
		out.allow_external_user = settings.whoMayJoin === 'everyone';
	if (settings.hostKey !== undefined && settings.hostKey !== '') {
		if (!/^\d{6}$/.test(String(settings.hostKey))) {
			throw inputError(
				ctx,
				itemIndex,
				'Host Key',
				'must be exactly 6 digits',
				'Leave it empty to let WeCom pick one.',
			);
		}
		out.host_key = String(settings.hostKey);
	}
	if (settings.hosts !== undefined) {
		const hosts = readMemberIds(ctx, itemIndex, 'Hosts', settings.hosts, MAX_HOSTS);
		if (hosts.length) out.hosts = { userid: hosts };
	}
	const ringUsers =
		settings.ringUsers === undefined
			? []
			: readMemberIds(ctx, itemIndex, 'Ring Users', settings.ringUsers);
	if (settings.remindScope !== undefined) {
		out.remind_scope = Number(settings.remindScope);
		if (out.remind_scope === 4 && ringUsers.length === 0) {
			throw inputError(
				ctx,
				itemIndex,
				'Ring Users',
				'is empty while Ring Reminder is "Ring Users Only"',
				'Add the members to ring, or choose another Ring Reminder.',
			);
		}
	}
	if (ringUsers.length) {
		if (out.remind_scope !== undefined && out.remind_scope !== 4) {
			throw inputError(
				ctx,
				itemIndex,
				'Ring Users',
				'only apply with Ring Reminder "Ring Users Only"',
				'Set Ring Reminder to "Ring Users Only" or remove the Ring Users.',
			);
		}
		out.remind_scope = 4;
		out.ring_users = { userid: ringUsers };
	}
	return Object.keys(out).length ? out : undefined;
}

const OCCURRENCE_LIMIT: Record<number, number> = { 0: 200, 1: 200, 7: 200, 2: 50 };
const REPEAT_NAMES: Record<number, string> = {
	0: 'daily',
	1: 'weekly',
	2: 'monthly',
	7: 'every workday',
};

export function remindersObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	recurrence: IDataObject,
	remindBefore: number[],
	start: DateTime | undefined,
): IDataObject | undefined {
	const out: IDataObject = {};
	if (recurrence.repeatType !== undefined) {
		const type = Number(recurrence.repeatType);
		out.is_repeat = 1;
		out.repeat_type = type;
		let biweekly = false;
		if (recurrence.repeatInterval !== undefined && Number(recurrence.repeatInterval) !== 1) {
			// UNCONFIRMED rule (seed 001: "仅当周期重复类型为每周时支持设置，值不能大于2"): weekly only, at most 2.
			const interval = Number(recurrence.repeatInterval);
			if (type !== 1 || !Number.isInteger(interval) || interval < 1 || interval > 2) {
				throw inputError(
					ctx,
					itemIndex,
					'Every N Weeks',
					`${interval} is not allowed for a ${REPEAT_NAMES[type] ?? type} series (weekly only, at most 2)`,
					'WeCom accepts a repeat interval only for weekly meetings, and at most 2 (every other week).',
				);
			}
			out.is_custom_repeat = 1;
			out.repeat_interval = interval;
			biweekly = interval === 2;
		}
		if (recurrence.repeatUntil !== undefined && recurrence.repeatUntil !== '') {
			const day = toDateTime(recurrence.repeatUntil, ctx.getTimezone());
			if (!day)
				throw inputError(
					ctx,
					itemIndex,
					'End On',
					`"${String(recurrence.repeatUntil)}" is not a date`,
					'Use an ISO date, e.g. 2027-01-31.',
				);
			// As for check-in ranges: a date names the whole day, so a meeting later that day is in.
			const until = endOfDayIfDateOnly(day);
			if (start && until <= start) {
				throw inputError(
					ctx,
					itemIndex,
					'End On',
					`${until.toISO()} is not after the start ${start.toISO()}`,
					'The series must end after its first meeting.',
				);
			}
			out.repeat_until_type = 0;
			out.repeat_until = unixSeconds(until);
		} else if (recurrence.repeatCount !== undefined) {
			const count = Number(recurrence.repeatCount);
			const limit = biweekly ? 50 : (OCCURRENCE_LIMIT[type] ?? 50);
			if (!Number.isInteger(count) || count < 1 || count > limit) {
				throw inputError(
					ctx,
					itemIndex,
					'End After (Occurrences)',
					`${count} is outside 1–${limit}`,
					`A ${biweekly ? 'every-other-week' : REPEAT_NAMES[type]} series has at most ${limit} occurrences.`,
				);
			}
			out.repeat_until_type = 1;
			out.repeat_until_count = count;
		}
	} else if (
		recurrence.repeatInterval !== undefined ||
		recurrence.repeatUntil ||
		recurrence.repeatCount !== undefined
	) {
		throw inputError(
			ctx,
			itemIndex,
			'Recurrence',
			'has an end or interval but no Repeat type',
			'Add "Repeat" (daily, weekly, …) or remove the other recurrence options.',
		);
	}
	if (remindBefore.length)
		out.remind_before = [...new Set(remindBefore.map(Number))].sort((a, b) => a - b);
	return Object.keys(out).length ? out : undefined;
}
