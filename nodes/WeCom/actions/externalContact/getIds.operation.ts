import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllFields } from '../../../shared/list';
import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { readMemberLocator } from '../common/read';
import { followMemberField, RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Get Many IDs',
	value: 'getIds',
	action: 'Get the customer IDs of a member',
	description: 'The external_userid of every customer one member has (获取客户列表)',
};

export const description: INodeProperties[] = [
	followMemberField(['getIds']),
	...returnAllFields(RESOURCE, ['getIds']),
];

interface GetIdsInput {
	userid: string;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, i: number): GetIdsInput {
	return { userid: readMemberLocator(this, i, 'member', 'Member'), limit: readLimit(this, i) };
}

/** externalcontact/list answers every ID at once; one item per customer. */
export async function execute(this: IExecuteFunctions, input: GetIdsInput, i: number) {
	const response = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/externalcontact/list',
		qs: { userid: input.userid },
		idempotent: true,
		itemIndex: i,
	});
	const ids = ((response.external_userid as unknown[] | undefined) ?? []).map(String);
	const kept = input.limit === undefined ? ids : ids.slice(0, input.limit);
	return kept.map((externalUserId) => ({ externalUserId, memberUserId: input.userid }));
}
