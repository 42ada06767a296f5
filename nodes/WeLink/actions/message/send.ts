import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { partialFailure } from '../../../shared/partialFailure';
import { chunk } from '../../../shared/batching';
import { weLinkApiRequest } from '../../transport';
import { MAX_USERS_PER_CALL, type Recipients } from './recipients';

/** What a send operation prepares: who gets it, and the message body without the recipients. */
export interface SendInput {
	recipients: Recipients;
	content: IDataObject;
}

/** The recipient part of each call: users 1,000 per call; departments and roles in one call. */
export function recipientBatches(recipients: Recipients): IDataObject[] {
	if (recipients.range === '1') return [{ msgRange: '1', departmentList: recipients.ids }];
	if (recipients.range === '2') return [{ msgRange: '2', roleList: recipients.ids }];
	return chunk(recipients.ids, MAX_USERS_PER_CALL).map((toUserList) => ({
		msgRange: '0',
		toUserList,
	}));
}

const NOT_FOLLOWERS = '51019';

/**
 * Sends one message to its recipients in as many calls as WeLink's limits need and merges the
 * answers: every itemId (for recall and status updates) and every user WeLink could not reach.
 * Sends are never repeated after an ambiguous failure (WeLink has no duplicate check).
 */
export async function sendInBatches(
	ctx: IExecuteFunctions,
	path: string,
	content: IDataObject,
	recipients: Recipients,
	messageType: string,
	itemIndex: number,
): Promise<IDataObject> {
	const batches = recipientBatches(recipients);
	const itemIds: string[] = [];
	const failedUserId: string[] = [];
	let refused: unknown;
	let refusedCalls = 0;
	for (const [n, batch] of batches.entries()) {
		let response: IDataObject | undefined;
		let failure: unknown;
		try {
			response = await weLinkApiRequest.call(ctx, {
				method: 'POST',
				path,
				body: { ...batch, ...content },
				idempotent: false,
				itemIndex,
			});
		} catch (error) {
			failure = error;
		}
		if (failure) {
			const details = ((failure as { context?: IDataObject }).context?.details ??
				{}) as IDataObject;
			// UNCONFIRMED: whether a 51019 answer delivered to the followers of that call; the pack counts the call as not delivered and lists its users as failed.
			if (String(details.code) === NOT_FOLLOWERS && batch.toUserList) {
				refused = failure;
				refusedCalls++;
				failedUserId.push(...(batch.toUserList as string[]));
				continue;
			}
			throw callFailure(ctx, failure, itemIds, n, batches.length, itemIndex);
		}
		// itemId: plain card, image and news answers (start-141, -143, -144). UNCONFIRMED for app cards,
		// whose page shows no answer: read the same way when present.
		if (response?.itemId) itemIds.push(String(response.itemId));
		if (Array.isArray(response?.failedUserId))
			failedUserId.push(...(response.failedUserId as unknown[]).map(String));
	}
	if (refused && refusedCalls === batches.length) throw refused;
	return {
		itemId: itemIds[0],
		itemIds,
		failedUserId: [...new Set(failedUserId)],
		calls: batches.length,
		messageType,
		recipients:
			recipients.range === '0'
				? { users: recipients.ids.length }
				: recipients.range === '1'
					? { departments: recipients.ids.length }
					: { roles: recipients.ids.length },
	};
}

/** A later call failed after earlier ones delivered: say so, and keep the delivered itemIds. */
function callFailure(
	ctx: IExecuteFunctions,
	failure: unknown,
	itemIds: string[],
	batch: number,
	total: number,
	itemIndex: number,
) {
	if (batch === 0) return failure as Error;
	return partialFailure(ctx, failure, itemIndex, (original) => ({
		message: `Sent ${batch} of ${total} calls, then failed: ${original.message}`,
		description:
			`Already delivered: itemId ${itemIds.join(', ') || '(none returned)'} (recall them with Message → Recall if needed). ${original.description ?? ''}`.trim(),
		delivered: { deliveredItemIds: itemIds, failedCall: batch + 1, calls: total },
	}));
}
