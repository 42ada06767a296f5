import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/batching';
import { inputError, splitList } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { readMemberIds } from '../common/read';

/** message/send limits per call (reference §3.1): 1,000 members, 100 departments, 100 tags. */
export const MAX_USERS_PER_CALL = 1000;
export const MAX_PARTIES_PER_CALL = 100;
export const MAX_TAGS_PER_CALL = 100;

export interface Recipients {
	toAll: boolean;
	members: string[];
	mobiles: string[];
	departments: number[];
	tags: number[];
}

function readIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	min: number,
): number[] {
	const ids = splitList(value);
	const bad = ids.find((id) => !/^\d+$/.test(id) || Number(id) < min);
	if (bad !== undefined) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${bad}" is not an ID`,
			`${field} are given by numeric ID; pick them from the list to see names and IDs.`,
		);
	}
	return ids.map(Number);
}

export function readRecipients(ctx: IExecuteFunctions, itemIndex: number): Recipients {
	const toAll = ctx.getNodeParameter('toAll', itemIndex, false) as boolean;
	if (toAll) return { toAll, members: [], mobiles: [], departments: [], tags: [] };
	const fields = ctx.getNodeParameter('recipients', itemIndex, {}) as IDataObject;
	const asMobiles = fields.membersAreMobiles === true;
	const mobiles = asMobiles ? splitList(fields.members) : [];
	const bad = mobiles.find((m) => !/^\+?[\d\s-]{5,32}$/.test(m));
	if (bad !== undefined) {
		throw inputError(
			ctx,
			itemIndex,
			'Members',
			`"${bad.slice(0, 40)}" is not a mobile number (5–32 digits, optionally with + and -)`,
			'Give the members’ mobile numbers (手机号), or turn off "Members Are Mobile Numbers" to give member IDs.',
		);
	}
	const recipients: Recipients = {
		toAll,
		members: asMobiles ? [] : readMemberIds(ctx, itemIndex, 'Members', fields.members),
		mobiles,
		departments: readIds(ctx, itemIndex, 'Departments', fields.departments, 1),
		tags: readIds(ctx, itemIndex, 'Tags', fields.tags, 0),
	};
	if (
		!recipients.members.length &&
		!recipients.mobiles.length &&
		!recipients.departments.length &&
		!recipients.tags.length
	) {
		throw inputError(
			ctx,
			itemIndex,
			'Recipients',
			'no member, department or tag given',
			'Add recipients, or turn on "Send to Everyone".',
		);
	}
	return recipients;
}

/** user/getuserid for each mobile (deduplicated); unknown numbers are reported, not sent to. */
export async function resolveMobiles(ctx: IExecuteFunctions, mobiles: string[], itemIndex: number) {
	const unresolved: string[] = [];
	const ids = await mapWithConcurrency(mobiles, 3, async (mobile) => {
		let userid: string | undefined;
		let failure: unknown;
		try {
			const response = await weComApiRequest.call(ctx, {
				method: 'POST',
				path: '/cgi-bin/user/getuserid',
				body: { mobile },
				idempotent: true,
				itemIndex,
			});
			userid = String(response.userid);
		} catch (error) {
			failure = error;
		}
		// 46004 / 60111: no member with this number, reported in the output. Anything else stops the send.
		const code = Number(
			((failure as { context?: IDataObject })?.context?.details as IDataObject | undefined)
				?.errcode,
		);
		if (failure && code !== 46004 && code !== 60111) throw failure;
		if (!userid) unresolved.push(mobile);
		return userid;
	});
	return { userids: ids.filter((id): id is string => Boolean(id)), unresolved };
}

export interface Batch {
	touser?: string;
	toparty?: string;
	totag?: string;
	users: string[];
}

/**
 * Fewest calls for any number of recipients: call k carries the k-th slice of members, departments
 * and tags together (2,500 members = 3 calls; 10,000 members = 10).
 */
export function planBatches(
	recipients: Pick<Recipients, 'toAll' | 'members' | 'departments' | 'tags'>,
): Batch[] {
	if (recipients.toAll) return [{ touser: '@all', users: [] }];
	const count = Math.max(
		Math.ceil(recipients.members.length / MAX_USERS_PER_CALL),
		Math.ceil(recipients.departments.length / MAX_PARTIES_PER_CALL),
		Math.ceil(recipients.tags.length / MAX_TAGS_PER_CALL),
	);
	const batches: Batch[] = [];
	for (let k = 0; k < count; k++) {
		const users = recipients.members.slice(k * MAX_USERS_PER_CALL, (k + 1) * MAX_USERS_PER_CALL);
		const parties = recipients.departments.slice(
			k * MAX_PARTIES_PER_CALL,
			(k + 1) * MAX_PARTIES_PER_CALL,
		);
		const tags = recipients.tags.slice(k * MAX_TAGS_PER_CALL, (k + 1) * MAX_TAGS_PER_CALL);
		const batch: Batch = { users };
		if (users.length) batch.touser = users.join('|');
		if (parties.length) batch.toparty = parties.join('|');
		if (tags.length) batch.totag = tags.join('|');
		batches.push(batch);
	}
	return batches;
}
