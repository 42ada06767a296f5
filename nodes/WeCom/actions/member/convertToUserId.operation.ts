import type { IExecuteFunctions } from 'n8n-workflow';

import { checkText } from '../../../shared/validation';
import { lookup } from './lookup';

export function prepare(this: IExecuteFunctions, i: number): string {
	const openid = String(this.getNodeParameter('openId', i, '') ?? '').trim();
	checkText(this, i, openid, { field: 'OpenID', max: 64, unit: 'bytes', required: true });
	return openid;
}

/** POST user/convert_to_userid: the member behind a WeChat openid. */
export async function execute(this: IExecuteFunctions, openid: string, i: number) {
	return await lookup(this, '/cgi-bin/user/convert_to_userid', { openid }, 'userid', i);
}
