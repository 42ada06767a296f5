import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunk } from '../../../shared/batching';
import { readLimit, returnAllFields } from '../../../shared/list';
import { collectPages } from '../../../shared/pagination';
import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { readMemberIds } from '../common/read';
import { listPickerField } from '../../../shared/fields';
import { corpTags } from '../customerTag/api';
import { RESOURCE, show } from './fields';
import { followUsers } from './followUsers';
import { relationshipItem, type TagName } from './wire';

/** batch/get_by_user (path/92994): 100 member IDs per call, at most 100 records per page. */
export const MEMBERS_PER_CALL = 100;
export const PAGE_SIZE = 100;

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many customers',
	description:
		'The customers of some or all members, one item per customer and member (批量获取客户详情)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Customers Of',
		name: 'customersOf',
		type: 'options',
		default: 'all',
		displayOptions: show('getAll'),
		options: [
			{
				name: 'All Members With Customer Contact',
				value: 'all',
				description: 'Every member WeCom lists under 客户联系 (get_follow_user_list)',
			},
			{ name: 'Specific Members', value: 'members' },
		],
	},
	{
		...listPickerField({
			name: 'members',
			displayName: 'Member Names or IDs',
			description: 'Any number; sent 100 per call.',
			loadOptionsMethod: 'getFollowUsers',
		}),
		displayOptions: {
			show: { resource: [RESOURCE], operation: ['getAll'], customersOf: ['members'] },
		},
	},
	...returnAllFields(RESOURCE, ['getAll']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('getAll'),
		options: [
			{
				displayName: 'Resolve Tag Names',
				name: 'resolveTagNames',
				type: 'boolean',
				default: true,
				description:
					'Whether to add tag and group names to the tag IDs WeCom returns (one extra call for the whole run)',
			},
		],
	},
];

interface GetAllInput {
	members?: string[];
	limit?: number;
	resolveTagNames: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): GetAllInput {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const input: GetAllInput = {
		limit: readLimit(this, i),
		resolveTagNames: options.resolveTagNames !== false,
	};
	if (this.getNodeParameter('customersOf', i, 'all') === 'members') {
		input.members = readMemberIds(this, i, 'Members', this.getNodeParameter('members', i, []));
		if (!input.members.length)
			throw inputError(
				this,
				i,
				'Members',
				'is empty',
				'Pick at least one member, or choose "All Members With Customer Contact".',
			);
	}
	return input;
}

/**
 * The seed's "manual sync of the external-contact list": every customer relationship of the members,
 * read with the fewest calls WeCom allows (100 members per call, 100 records per page).
 */
export async function execute(this: IExecuteFunctions, input: GetAllInput, i: number) {
	const members = input.members ?? (await followUsers(this, i));
	const entries: IDataObject[] = [];
	for (const batch of chunk(members, MEMBERS_PER_CALL)) {
		const remaining = input.limit === undefined ? undefined : input.limit - entries.length;
		if (remaining !== undefined && remaining <= 0) break;
		const page = await collectPages<IDataObject>(async (cursor) => {
			const response = await weComApiRequest.call(this, {
				method: 'POST',
				path: '/cgi-bin/externalcontact/batch/get_by_user',
				body: {
					userid_list: batch,
					...(cursor ? { cursor } : {}),
					limit: PAGE_SIZE,
				},
				idempotent: true,
				itemIndex: i,
			});
			return {
				items: (response.external_contact_list as IDataObject[] | undefined) ?? [],
				next: typeof response.next_cursor === 'string' ? response.next_cursor : undefined,
			};
		}, remaining);
		entries.push(...page);
	}
	let names: Map<string, TagName> | undefined;
	const tagged = entries.some((e) => ((e.follow_info as IDataObject)?.tag_id as [])?.length);
	if (input.resolveTagNames && tagged) {
		names = new Map();
		for (const tag of await corpTags(this, {}, i))
			names.set(tag.tagId, { name: tag.tagName, group: tag.groupName });
	}
	const zone = this.getTimezone();
	return entries.map((entry) =>
		relationshipItem(
			(entry.external_contact as IDataObject) ?? {},
			(entry.follow_info as IDataObject) ?? {},
			zone,
			names,
		),
	);
}
