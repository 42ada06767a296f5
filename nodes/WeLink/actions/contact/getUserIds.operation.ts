import type { IExecuteFunctions } from 'n8n-workflow';

import { readIdList } from '../common/fields';
import { resolveUserIds } from './api';

export function prepare(this: IExecuteFunctions, i: number): string[] {
	return readIdList(this, i, 'Corp User IDs', this.getNodeParameter('corpUserIds', i, ''), {
		what: 'corp user ID',
		required: true,
	});
}

/** One output item per corp user ID, in the given order; unknown IDs come back with found: false. */
export async function execute(this: IExecuteFunctions, corpUserIds: string[], itemIndex: number) {
	const found = await resolveUserIds(this, corpUserIds, itemIndex);
	return corpUserIds.map((corpUserId) => ({
		corpUserId,
		userId: found.get(corpUserId) ?? null,
		found: found.has(corpUserId),
	}));
}
