import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../../shared/batching';
import { CONTACT_CONCURRENCY, getDepartment, getUser } from '../actions/contacts/api';

/**
 * "Include Details" for contact events (reference §6.1): WeLink sends ids only
 * (`data: [{tenantId, userId}]` or `[{tenantId, deptCode}]`), so the changed records are read with
 * the WeLink node's contact functions. A failed read never stops the event: the entry and the item
 * carry `detailsError` instead. Deleted records cannot be read any more and are left as sent.
 */

/** Lookups per event; a bulk change beyond this is reported in `detailsError`. */
export const MAX_DETAIL_LOOKUPS = 100;

const LOOKUPS: Record<string, { idField: string; outField: string; kind: 'user' | 'department' }> =
	{
		corpEditUser: { idField: 'userId', outField: 'user', kind: 'user' },
		corpEditDept: { idField: 'deptCode', outField: 'department', kind: 'department' },
	};

export const hasDetails = (eventType: string) => eventType in LOOKUPS;

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export async function addContactDetails(ctx: IWebhookFunctions, item: IDataObject): Promise<void> {
	const lookup = LOOKUPS[String(item.eventType)];
	if (!lookup) return;
	const entries = (
		Array.isArray(item.data) ? item.data : isObject(item.data) ? [item.data] : []
	).filter(isObject);
	if (!entries.length) {
		item.detailsError = `The event names no ${lookup.kind} (no "data" entries)`;
		return;
	}
	const errors: string[] = [];
	const wanted = entries.slice(0, MAX_DETAIL_LOOKUPS);
	await mapWithConcurrency(wanted, CONTACT_CONCURRENCY, async (entry) => {
		const id = entry[lookup.idField];
		if (typeof id !== 'string' || !id) {
			entry.detailsError = `no ${lookup.idField} in this entry`;
			errors.push(String(entry.detailsError));
			return;
		}
		try {
			entry[lookup.outField] =
				lookup.kind === 'user'
					? await getUser(ctx, { userId: id })
					: await getDepartment(ctx, { deptCode: id });
		} catch (error) {
			entry.detailsError = (error as Error).message;
			errors.push(entry.detailsError);
		}
	});
	const skipped = entries.length - wanted.length;
	if (skipped > 0)
		errors.push(
			`${skipped} more ${lookup.kind}s not read (at most ${MAX_DETAIL_LOOKUPS} per event)`,
		);
	if (errors.length) {
		item.detailsError =
			errors.length === 1 ? errors[0] : `${errors[0]} (and ${errors.length - 1} more problems)`;
	}
}
