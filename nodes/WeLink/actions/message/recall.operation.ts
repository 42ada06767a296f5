import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weLinkApiRequest } from '../../transport';
import { itemIdField } from './fields';
import { readItemId } from './validate';

export const option: OperationOption = {
	name: 'Recall',
	value: 'recall',
	action: 'Recall a message',
	description: 'Withdraw a card, image or news message from everyone (撤回消息)',
};

export const description: INodeProperties[] = [itemIdField(['recall'])];

export function prepare(this: IExecuteFunctions, i: number): string {
	return readItemId(this, i);
}

/** Recalls a card, image or news message for everyone. Recalling twice cannot recall anything else. */
export async function execute(this: IExecuteFunctions, itemId: string, itemIndex: number) {
	// start-146 documents no time limit: WeLink's own answer decides.
	await weLinkApiRequest.call(this, {
		method: 'POST',
		path: '/messages/v1/recall',
		body: { itemId },
		idempotent: true,
		itemIndex,
	});
	return { itemId, recalled: true };
}
