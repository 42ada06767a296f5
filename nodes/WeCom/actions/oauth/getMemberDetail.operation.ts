import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, type OperationOption } from '../../../shared/display';
import { privateDetails, readToken } from './member';

export const option: OperationOption = {
	name: 'Get Member Private Details',
	value: 'getMemberDetail',
	action: 'Get a member’s private details from a user ticket',
	description:
		'Mobile, email, avatar and QR code the member agreed to share (获取访问用户敏感信息)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'User Ticket',
		name: 'userTicket',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description:
			'The userTicket of Get Member From Code (scope snsapi_privateinfo); valid for 30 minutes',
		displayOptions: showFor('oauth', 'getMemberDetail'),
	},
];

export function prepare(this: IExecuteFunctions, i: number) {
	return readToken(
		this,
		i,
		'userTicket',
		'User Ticket',
		'Map the userTicket of Get Member From Code.',
	);
}

export async function execute(this: IExecuteFunctions, userTicket: string, i: number) {
	return await privateDetails(this, userTicket, i);
}
