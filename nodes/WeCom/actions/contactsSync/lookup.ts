import { createHash } from 'crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/batching';
import { asNodeError } from '../../../shared/router';
import type { MemberLookups } from '../../../shared/orgSync/model';
import { weComApiRequest, weComReaderRequest } from '../../transport';
import { weComErrcode } from '../../transport/errors';
import { explainRefusal, type Credential } from './refusals';

/**
 * Finding members by a mobile or email the reader app cannot see: user/getuserid (path/96267) and
 * user/get_userid_by_email (path/95895), asked by the reader app (which must be able to see the
 * member) or, on a legacy tenant, the contacts-sync secret. WeCom blocks the app for a day when the unknown numbers exceed 20 % of the corp's member
 * limit (path/96267), so each value is asked once, two at a time with a pause, at most `limit` per
 * run, and the answers are cached (hashed) in the node's static data.
 */

/** Two lookups in flight, each followed by this pause: at most ~40 per second, far below WeCom's limits. */
const IN_FLIGHT = 2;
const PAUSE_MS = 50;
/** How long an answer is reused: a found member for 30 days, "not found" for one day. */
const FOUND_TTL_MS = 30 * 86_400_000;
const MISSING_TTL_MS = 86_400_000;
/** "No such member": WeCom's answers when nobody has this mobile or email. */
const NOT_FOUND = new Set([46004, 60111]);

interface Cached {
	/** The member ID, absent when WeCom said nobody has the value. */
	id?: string;
	at: number;
}

const cacheKey = (field: string, value: string) =>
	createHash('sha256').update(`${field}:${value}`).digest('hex').slice(0, 32);

export async function lookUpMembers(
	ctx: IExecuteFunctions,
	field: 'mobile' | 'email',
	values: Map<string, string>,
	cache: IDataObject,
	options: { limit: number; exists: (id: string) => boolean; who: Credential },
): Promise<MemberLookups> {
	const send = options.who === 'main' ? weComApiRequest : weComReaderRequest;
	const now = Date.now();
	const found = new Map<string, string>();
	const pending = new Set<string>();
	const ask: Array<{ normalized: string; value: string; key: string }> = [];
	for (const [normalized, value] of values) {
		const key = cacheKey(field, normalized);
		const hit = cache[key] as Cached | undefined;
		const fresh = hit && now - hit.at < (hit.id ? FOUND_TTL_MS : MISSING_TTL_MS);
		// A cached member that is gone is asked again.
		if (fresh && (hit.id === undefined || options.exists(hit.id))) {
			if (hit.id) found.set(normalized, hit.id);
			continue;
		}
		if (ask.length < options.limit) ask.push({ normalized, value, key });
		else pending.add(normalized);
	}
	const call = field === 'mobile' ? 'user/getuserid' : 'user/get_userid_by_email';
	await mapWithConcurrency(ask, IN_FLIGHT, async ({ normalized, value, key }) => {
		try {
			const answer = await explainRefusal(
				ctx,
				call,
				options.who,
				async () =>
					await send.call(ctx, {
						method: 'POST',
						path: `/cgi-bin/${call}`,
						// email_type 2: the personal email the sync writes (1 would be the corp mailbox).
						body: field === 'mobile' ? { mobile: value } : { email: value, email_type: 2 },
						idempotent: true,
					}),
			);
			const id = String(answer.userid ?? '');
			if (id) found.set(normalized, id);
			cache[key] = id ? { id, at: now } : { at: now };
		} catch (error) {
			const errcode = weComErrcode(error);
			if (errcode === undefined || !NOT_FOUND.has(errcode)) throw asNodeError(ctx, error);
			cache[key] = { at: now };
		}
		await sleep(PAUSE_MS);
	});
	return { field, found, pending };
}
