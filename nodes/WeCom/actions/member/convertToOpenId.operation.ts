import type { IExecuteFunctions } from 'n8n-workflow';

import { readMemberLocator } from '../common/members';
import { lookup } from './lookup';

export function prepare(this: IExecuteFunctions, i: number): string {
	return readMemberLocator(this, i, 'member', 'Member');
}

/** POST user/convert_to_openid (for WeChat Pay); 43004 when the member never used WeChat with WeCom. */
export async function execute(this: IExecuteFunctions, userid: string, i: number) {
	return await lookup(this, '/cgi-bin/user/convert_to_openid', { userid }, 'openid', i);
}
