import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectPages } from '../../../shared/pagination';
import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { customerIdField, show } from './fields';
import { readCustomerId } from './validate';
import { relationshipItem } from './wire';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer',
	description: 'A customer with every member who follows them (获取客户详情)',
};

export const description: INodeProperties[] = [
	customerIdField(['get']),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'customer',
		displayOptions: show('get'),
		options: [
			{
				name: 'One Item per Customer',
				value: 'customer',
				description: 'The customer with a followUsers list',
			},
			{
				name: 'One Item per Relationship',
				value: 'relationship',
				description: 'One row per member who follows the customer, as Get Many outputs',
			},
		],
	},
];

interface GetInput {
	externalUserId: string;
	perRelationship: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): GetInput {
	return {
		externalUserId: readCustomerId(this, i),
		perRelationship: this.getNodeParameter('output', i, 'customer') === 'relationship',
	};
}

/** externalcontact/get pages the followers (500 per page, next_cursor); all pages are read. */
export async function execute(this: IExecuteFunctions, input: GetInput, i: number) {
	let contact: IDataObject = {};
	const follows = await collectPages<IDataObject>(async (cursor) => {
		const response = await weComApiRequest.call(this, {
			method: 'GET',
			path: '/cgi-bin/externalcontact/get',
			qs: { external_userid: input.externalUserId, ...(cursor ? { cursor } : {}) },
			idempotent: true,
			itemIndex: i,
		});
		contact = (response.external_contact as IDataObject) ?? contact;
		return {
			items: (response.follow_user as IDataObject[] | undefined) ?? [],
			next: typeof response.next_cursor === 'string' ? response.next_cursor : undefined,
		};
	});
	if (input.perRelationship) {
		const zone = this.getTimezone();
		return follows.map((follow) => relationshipItem(contact, follow, zone));
	}
	return { ...contact, followUsers: follows };
}
