import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { properNounAction } from '../../../shared/subtitles';
import { readIdList } from '../common/read';
import { resolveUserIds } from '../contacts/api';
import { RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Look Up IDs',
	value: 'getIds',
	action: properNounAction('Look up user IDs by corp user ID'),
	description: 'Turn your own user IDs (corpUserId) into WeLink user IDs',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Corp User IDs',
		name: 'corpUserIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'E001, E002',
		description:
			'Your own user IDs (corpUserId), as a list or separated by commas; any number, read 50 per call',
		displayOptions: showFor(RESOURCE, 'getIds'),
	},
];

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
