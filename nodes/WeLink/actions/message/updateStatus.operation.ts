import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chunk } from '../../../shared/batching';
import { inputError, stringParam } from '../../../shared/validation';
import { weLinkApiRequest } from '../../transport';
import { readIdList } from '../common/fields';
import { readMessageStatus } from '../common/text';
import { commonFields, readOptions } from './content';
import { MAX_USERS_PER_CALL } from './recipients';

interface UpdateInput {
	users: string[];
	body: IDataObject;
}

export function readItemId(ctx: IExecuteFunctions, i: number): string {
	const itemId = stringParam(ctx, 'itemId', i);
	if (!itemId)
		throw inputError(
			ctx,
			i,
			'Item ID',
			'is required',
			'Use the itemId output of a Send Plain Card or Send App Card.',
		);
	if (/\s/.test(itemId))
		throw inputError(
			ctx,
			i,
			'Item ID',
			`"${itemId}" is not an item ID`,
			'Use the itemId output of a send.',
		);
	return itemId;
}

export function prepare(this: IExecuteFunctions, i: number): UpdateInput {
	const itemId = readItemId(this, i);
	const users = readIdList(this, i, 'User Names or IDs', this.getNodeParameter('users', i, []), {
		what: 'WeLink user ID',
		required: true,
	});
	const options = readOptions(this, i);
	const body: IDataObject = {
		itemId,
		messageStatus: readMessageStatus(
			this,
			i,
			this.getNodeParameter('statusCn', i, ''),
			this.getNodeParameter('statusEn', i, ''),
			true,
		),
		// publicAccID is required when the message went through a custom public account (reference §3.6).
		...commonFields(this, i, { publicAccountId: options.publicAccountId }),
	};
	// UNCONFIRMED: this page's colors (0 grey, 1 yellow, 2 green) differ from the send pages'; the pack follows this page.
	if (options.statusColor !== undefined) body.statusColor = String(options.statusColor);
	return { users, body };
}

/** Updates every recipient's copy, 1,000 users per call; repeating an update is harmless. */
export async function execute(this: IExecuteFunctions, input: UpdateInput, itemIndex: number) {
	const failedUserId: string[] = [];
	const batches = chunk(input.users, MAX_USERS_PER_CALL);
	for (const toUserList of batches) {
		const response = await weLinkApiRequest.call(this, {
			method: 'POST',
			path: '/messages/v1/update',
			body: { ...input.body, toUserList },
			idempotent: true,
			itemIndex,
		});
		if (Array.isArray(response.failedUserId))
			failedUserId.push(...(response.failedUserId as unknown[]).map(String));
	}
	return {
		itemId: input.body.itemId,
		updated: true,
		messageStatus: input.body.messageStatus,
		users: input.users.length,
		calls: batches.length,
		failedUserId,
	};
}
