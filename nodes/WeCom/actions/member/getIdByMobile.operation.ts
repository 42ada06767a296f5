import type { IExecuteFunctions } from 'n8n-workflow';

import { checkText } from '../../../shared/validation';
import { checkMobile } from './fields';
import { lookup } from './lookup';

export function prepare(this: IExecuteFunctions, i: number): string {
	const mobile = String(this.getNodeParameter('mobile', i, '') ?? '').trim();
	checkText(this, i, mobile, { field: 'Mobile', min: 5, max: 32, unit: 'bytes', required: true });
	checkMobile(this, i, mobile);
	return mobile;
}

/** POST user/getuserid. WeCom blocks the app for a day after many unknown numbers. */
export async function execute(this: IExecuteFunctions, mobile: string, i: number) {
	return await lookup(this, '/cgi-bin/user/getuserid', { mobile }, 'userid', i);
}
