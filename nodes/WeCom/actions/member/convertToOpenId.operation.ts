import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { properNounAction } from '../../../shared/subtitles';
import { readMemberLocator } from '../common/read';
import { memberField } from './fields';
import { lookup } from './lookup';

export const option: OperationOption = {
	name: 'Convert ID to OpenID',
	value: 'convertToOpenId',
	action: properNounAction('Convert a member ID to an OpenID'),
	description: 'The WeChat openid of a member, e.g. for WeChat Pay (userid转openid)',
};

export const description: INodeProperties[] = [memberField(['convertToOpenId'])];

export function prepare(this: IExecuteFunctions, i: number): string {
	return readMemberLocator(this, i, 'member', 'Member');
}

/** POST user/convert_to_openid (for WeChat Pay); 43004 when the member never used WeChat with WeCom. */
export async function execute(this: IExecuteFunctions, userid: string, i: number) {
	return await lookup(this, '/cgi-bin/user/convert_to_openid', { userid }, 'openid', i);
}
