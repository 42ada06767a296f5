import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { show } from './fields';
import { lookup } from './lookup';
import { checkEmail } from './validate';

export const option: OperationOption = {
	name: 'Get ID by Email',
	value: 'getIdByEmail',
	action: 'Get a member ID by email',
	description: 'Find a member by corp or personal email (邮箱获取userid)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		placeholder: 'name@email.com',
		default: '',
		displayOptions: show('getIdByEmail'),
	},
	{
		displayName: 'Email Type',
		name: 'emailType',
		type: 'options',
		options: [
			{ name: 'Corp Email', value: 1, description: 'The corp mailbox (企业邮箱)' },
			{ name: 'Personal Email', value: 2, description: 'The email in the member’s profile' },
		],
		default: 1,
		displayOptions: show('getIdByEmail'),
	},
];

export function prepare(this: IExecuteFunctions, i: number) {
	const email = String(this.getNodeParameter('email', i, '') ?? '').trim();
	checkEmail(this, i, email);
	const emailType = this.getNodeParameter('emailType', i, 1) === 2 ? 2 : 1;
	return { email, email_type: emailType };
}

/** POST user/get_userid_by_email: corp mail (1) or the member's personal email (2). */
export async function execute(
	this: IExecuteFunctions,
	body: { email: string; email_type: number },
	i: number,
) {
	return await lookup(this, '/cgi-bin/user/get_userid_by_email', body, 'userid', i);
}
