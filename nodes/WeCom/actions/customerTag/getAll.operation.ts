import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../../shared/list';
import { isoFromUnix } from '../../../shared/time';
import { splitList } from '../../../shared/validation';
import { showFor, type OperationOption } from '../../../shared/display';
import { corpTags } from './api';

export const RESOURCE = 'customerTag';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customer tags',
	description: 'The corp’s customer tags with their groups (获取企业标签库)',
};

export const description: INodeProperties[] = [
	...returnAllFields(RESOURCE, ['getAll']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, 'getAll'),
		options: [
			{
				displayName: 'Group IDs',
				name: 'groupIds',
				type: 'string',
				default: '',
				description:
					'Only these tag groups (标签组), IDs separated by commas. WeCom ignores Tag IDs when groups are given.',
			},
			{
				displayName: 'Tag IDs',
				name: 'tagIds',
				type: 'string',
				default: '',
				description: 'Only these tags, IDs separated by commas (also shows deleted ones)',
			},
		],
	},
];

interface GetAllInput {
	tagIds: string[];
	groupIds: string[];
	limit?: number;
}

export function prepare(this: IExecuteFunctions, i: number): GetAllInput {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	return {
		tagIds: splitList(filters.tagIds),
		groupIds: splitList(filters.groupIds),
		limit: readLimit(this, i),
	};
}

/** One item per tag; get_corp_tag_list answers the whole library in one call. */
export async function execute(this: IExecuteFunctions, input: GetAllInput, i: number) {
	const zone = this.getTimezone();
	const rows = (await corpTags(this, input, i)).map((tag) => ({
		...tag,
		createdAt: isoFromUnix(tag.createdAt, zone),
	}));
	return input.limit === undefined ? rows : rows.slice(0, input.limit);
}
