import type { IExecuteFunctions } from 'n8n-workflow';

import { weLinkApiRequest } from '../../transport';
import { readItemId } from './updateStatus.operation';

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
