import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import { listPickerField } from '../../../shared/fields';
import { readLimit, returnAllFields } from '../../../shared/list';
import { collectPages } from '../../../shared/pagination';
import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { readMemberIds } from '../common/read';
import { groupChat, RESOURCE, show } from './fields';

/** groupchat/list (path/92120): at most 100 owners per call, 1–1,000 groups per page. */
export const OWNERS_PER_CALL = 100;
export const PAGE_SIZE = 1000;
const DETAIL_CONCURRENCY = 5;

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customer groups',
	description: 'Customer groups (客户群), optionally of some owners, with or without details',
};

export const description: INodeProperties[] = [
	...returnAllFields(RESOURCE, ['getAll']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('getAll'),
		options: [
			{
				...listPickerField({
					name: 'owners',
					displayName: 'Owner Names or IDs',
					description:
						'Only groups these members own (群主); any number, sent 100 per call. Without owners WeCom refuses apps that see more than 1,000 members (81017).',
					loadOptionsMethod: 'getFollowUsers',
				}),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 0,
				options: [
					{ name: 'All', value: 0 },
					{ name: 'Owner Left, Waiting for Transfer (离职待继承)', value: 1 },
					{ name: 'Transfer in Progress (离职继承中)', value: 2 },
					{ name: 'Transfer Done (离职继承完成)', value: 3 },
				],
			},
		],
	},
	{
		displayName: 'Include Details',
		name: 'includeDetails',
		type: 'boolean',
		default: false,
		description:
			'Whether to read each group’s name, owner and members (one groupchat/get call per group)',
		displayOptions: show('getAll'),
	},
];

interface GetAllInput {
	owners: string[];
	status: number;
	limit?: number;
	includeDetails: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): GetAllInput {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	return {
		owners: readMemberIds(this, i, 'Owners', filters.owners),
		status: Number(filters.status ?? 0),
		limit: readLimit(this, i),
		includeDetails: this.getNodeParameter('includeDetails', i, false) as boolean,
	};
}

export async function execute(this: IExecuteFunctions, input: GetAllInput, i: number) {
	const groups: IDataObject[] = [];
	// No owner filter is one walk over every group the app may see.
	const ownerBatches: Array<string[] | undefined> = input.owners.length
		? chunk(input.owners, OWNERS_PER_CALL)
		: [undefined];
	for (const owners of ownerBatches) {
		const remaining = input.limit === undefined ? undefined : input.limit - groups.length;
		if (remaining !== undefined && remaining <= 0) break;
		groups.push(
			...(await collectPages<IDataObject>(async (cursor) => {
				const response = await weComApiRequest.call(this, {
					method: 'POST',
					path: '/cgi-bin/externalcontact/groupchat/list',
					body: {
						status_filter: input.status,
						...(owners ? { owner_filter: { userid_list: owners } } : {}),
						...(cursor ? { cursor } : {}),
						limit: PAGE_SIZE,
					},
					idempotent: true,
					itemIndex: i,
				});
				return {
					items: (response.group_chat_list as IDataObject[] | undefined) ?? [],
					next: typeof response.next_cursor === 'string' ? response.next_cursor : undefined,
				};
			}, remaining)),
		);
	}
	if (!input.includeDetails) return groups.map((g) => ({ chatId: g.chat_id, status: g.status }));
	return await mapWithConcurrency(groups, DETAIL_CONCURRENCY, async (g) => ({
		...(await groupChat(this, String(g.chat_id), true, i)),
		status: g.status,
	}));
}
