import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { showFor, type OperationOption } from '../../../shared/display';
import { privateDetails, readToken } from './member';

const RESOURCE = 'oauth';
/** user_ticket lives 1,800 seconds (path/91023). */
const TICKET_SECONDS = 1800;

export const option: OperationOption = {
	name: 'Get Member From Code',
	value: 'getMember',
	action: 'Get the member from a sign-in code',
	description: 'Who signed in: the member ID for the code WeCom sent back (获取访问用户身份)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.query.code }}',
		description: 'The code WeCom added to the Redirect URL. It works once, within 5 minutes.',
		displayOptions: showFor(RESOURCE, 'getMember'),
	},
	{
		displayName: 'Get Private Details',
		name: 'privateDetails',
		type: 'boolean',
		default: false,
		description:
			'Whether to read mobile, email, avatar and QR code too (auth/getuserdetail); only for links with scope snsapi_privateinfo',
		displayOptions: showFor(RESOURCE, 'getMember'),
	},
];

interface GetMemberInput {
	code: string;
	withDetails: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): GetMemberInput {
	return {
		code: readToken(
			this,
			i,
			'code',
			'Code',
			'Map the code query parameter WeCom added, e.g. {{ $json.query.code }}.',
		),
		withDetails: this.getNodeParameter('privateDetails', i, false) as boolean,
	};
}

/**
 * auth/getuserinfo. A code is spent by the first call, so an unclear failure is never repeated
 * (the repeat could only answer 40029 and hide what happened).
 */
export async function execute(this: IExecuteFunctions, input: GetMemberInput, i: number) {
	const response = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/auth/getuserinfo',
		qs: { code: input.code },
		idempotent: false,
		itemIndex: i,
	});
	const userid = response.userid ?? response.UserId;
	const out: IDataObject = { isMember: typeof userid === 'string' && userid !== '' };
	if (out.isMember) out.userid = userid;
	if (response.openid !== undefined) out.openid = response.openid;
	if (response.external_userid !== undefined) out.externalUserId = response.external_userid;
	const ticket = typeof response.user_ticket === 'string' ? response.user_ticket : '';
	if (ticket) {
		out.userTicket = ticket;
		out.userTicketExpiresAt = DateTime.now()
			.setZone(this.getTimezone())
			.plus({ seconds: TICKET_SECONDS })
			.toISO();
	}
	if (input.withDetails) {
		if (ticket) Object.assign(out, await privateDetails(this, ticket, i));
		else
			out.privateDetailsNote =
				'WeCom sent no user_ticket: the link used snsapi_base, or the member is outside the app’s visible range.';
	}
	return out;
}
