import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { properNounAction } from '../../../shared/subtitles';
import { checkText } from '../../../shared/validation';
import { show } from './fields';
import { lookup } from './lookup';

export const option: OperationOption = {
	name: 'Convert OpenID to ID',
	value: 'convertToUserId',
	action: properNounAction('Convert an OpenID to a member ID'),
	description: 'The member behind a WeChat openid (openid转userid)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'OpenID',
		name: 'openId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show('convertToUserId'),
	},
];

export function prepare(this: IExecuteFunctions, i: number): string {
	const openid = String(this.getNodeParameter('openId', i, '') ?? '').trim();
	checkText(this, i, openid, { field: 'OpenID', max: 64, unit: 'bytes', required: true });
	return openid;
}

/** POST user/convert_to_userid: the member behind a WeChat openid. */
export async function execute(this: IExecuteFunctions, openid: string, i: number) {
	return await lookup(this, '/cgi-bin/user/convert_to_userid', { openid }, 'userid', i);
}
