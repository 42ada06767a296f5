import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import type { ApiContext } from '../../../shared/transport';
import * as api from '../contacts/api';
import * as jobs from '../contacts/jobs';
import { OWN_CODE } from './limits';

/**
 * Closing and reopening a WeLink user. The real-time user APIs carry no status and the user batch
 * sync's record has no `valid` (JAR ContactV1UserBatchSyncRequest$PersonInfos); the documented way
 * is the legacy, asynchronous contact/v1/users/bulk, whose record carries `valid` ("1" open, "0"
 * closed: PY users.py, staff_sync.html) beside its required fields. WeLink applies a record later,
 * so each user is read back until userStatus shows the change (4 = closed, user_detail.html) or the
 * wait runs out: a change WeLink did not apply is a failure, never reported as done.
 */

/** userStatus (reference §5.1; user_detail.html): 1 not activated, 2 activating, 3 activated, 4 closed. */
export const CLOSED = 4;

// UNCONFIRMED: no page gives the codes of a users/bulk answer; "0" and the sync results of
// staff_query.html that are not failures (47107 nothing to do, 47109 success) are read as accepted.
const ACCEPTED = new Set(['0', '47107', '47109']);

/** Waits between read-backs: quick at first, then every 5 s. */
const READ_BACK_DELAYS_MS = [1_000, 2_000, 3_000, 5_000];

// UNCONFIRMED whether users/bulk clears fields a record leaves out: these, read from WeLink under
// the same names, are sent back as they are.
const KEPT = [
	'userNameEn',
	'userEmail',
	'landlineNumber',
	'corpSecretary',
	'remark',
	'emailLoginAccount',
] as const;

export interface StatusChange {
	/** The target ID: the corp user ID ("#" + userId for a user without one). */
	id: string;
	open: boolean;
	/** The user as the sync read it. */
	user: IDataObject;
	/** Target ID of the department users/bulk names (corpDeptCode): the user's main one. */
	department: string;
}

export interface StatusOptions {
	/** How long to wait for WeLink to apply the changes. */
	maxWaitMs: number;
	/** Sex sent for a user WeLink has none for (users/bulk requires one). */
	defaultSex?: 'M' | 'F';
}

const verb = (open: boolean) => (open ? 'reopen' : 'close');

const text = (value: unknown) =>
	value === undefined || value === null || String(value).trim() === '' ? undefined : String(value);

/** The users/bulk record: the user as WeLink has it, with the new status. */
function bulkRecord(change: StatusChange, defaultSex?: string): IDataObject {
	const { id, user, open } = change;
	const missing = (what: string, fix: string) =>
		new Error(`WeLink's users/bulk, the only way to ${verb(open)} a user, needs ${what}: ${fix}`);
	if (id.startsWith(OWN_CODE))
		throw missing('a corp user ID (corpUserId)', 'give the user one in WeLink and run again');
	if (change.department.startsWith(OWN_CODE))
		throw missing(
			'the corp code of its department (corpDeptCode)',
			`department ${change.department.slice(1)} has none; give it one in WeLink and run again`,
		);
	const name = text(user.userNameCn);
	const mobile = text(user.mobileNumber);
	const sex = text(user.sex) ?? defaultSex;
	if (!name) throw missing('its Chinese name (userNameCn)', 'WeLink shows none for it');
	if (!mobile) throw missing('its mobile number (mobileNumber)', 'WeLink shows none for it');
	if (sex !== 'M' && sex !== 'F')
		throw missing(
			'its sex (M/F)',
			'WeLink shows none for it; set Options → Sex for New Users Without Gender',
		);
	const phones = Array.isArray(user.phoneNumber) ? user.phoneNumber : [user.phoneNumber];
	const body: IDataObject = {
		corpUserId: id,
		userNameCn: name,
		sex,
		mobileNumber: mobile,
		// UNCONFIRMED: required by PY's UserDetail, not in staff_sync.html's list; its own, else the mobile.
		phoneNumber: text(phones[0]) ?? mobile,
		corpDeptCode: change.department,
		// UNCONFIRMED: "1" opens an account, "0" only syncs (PY users.py); sent to match the status.
		isOpenAccount: open ? '1' : '0',
		valid: open ? '1' : '0',
	};
	for (const key of KEPT) {
		const value = text(user[key]);
		if (value !== undefined) body[key] = value;
	}
	return body;
}

/**
 * Closes or reopens users through users/bulk, 10 per request, and reads each one back. Returns the
 * users that failed, with why.
 */
export async function changeStatus(
	ctx: ApiContext,
	changes: StatusChange[],
	options: StatusOptions,
): Promise<Map<string, string>> {
	const failures = new Map<string, string>();
	const sendable: Array<{ change: StatusChange; record: IDataObject }> = [];
	for (const change of changes) {
		try {
			sendable.push({ change, record: bulkRecord(change, options.defaultSex) });
		} catch (error) {
			failures.set(change.id, (error as Error).message);
		}
	}

	const accepted: StatusChange[] = [];
	for (const batch of chunk(sendable, jobs.USERS_BULK_PER_CALL)) {
		let answers: Map<string, jobs.BulkAnswer>;
		try {
			answers = await jobs.bulkSyncUsers(
				ctx,
				batch.map((b) => b.record),
			);
		} catch (error) {
			for (const { change } of batch) failures.set(change.id, (error as Error).message);
			continue;
		}
		for (const { change } of batch) {
			const answer = answers.get(change.id);
			// A record the answer does not mention is judged by reading it back.
			if (answer?.code === undefined || ACCEPTED.has(answer.code)) accepted.push(change);
			else
				failures.set(
					change.id,
					`WeLink refused to ${verb(change.open)} it (users/bulk ${answer.code}): ${answer.message ?? 'no message'}`,
				);
		}
	}

	const started = Date.now();
	let pending = accepted;
	for (let round = 0; pending.length; round++) {
		const read = await mapWithConcurrency(pending, api.CONTACT_CONCURRENCY, async (change) => {
			try {
				const user = await api.getUser(ctx, { corpUserId: change.id });
				return { change, status: Number(user.userStatus) };
			} catch (error) {
				failures.set(
					change.id,
					`reading it back after the ${verb(change.open)}: ${(error as Error).message}`,
				);
				return undefined;
			}
		});
		const waiting = read.filter(
			(r): r is { change: StatusChange; status: number } =>
				r !== undefined && (r.status === CLOSED) === r.change.open,
		);
		pending = waiting.map((w) => w.change);
		if (!pending.length) break;
		const delay = READ_BACK_DELAYS_MS[Math.min(round, READ_BACK_DELAYS_MS.length - 1)];
		if (Date.now() - started + delay > options.maxWaitMs) {
			const seconds = Math.round((Date.now() - started) / 1000);
			for (const { change, status } of waiting)
				failures.set(
					change.id,
					`WeLink accepted the ${verb(change.open)} (users/bulk) but after ${seconds} s the user is still ${change.open ? 'closed' : 'open'} (userStatus ${status}); it may apply it later, and the next run checks again`,
				);
			break;
		}
		await sleep(delay);
	}
	return failures;
}
