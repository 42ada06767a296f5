import type { IExecuteFunctions } from 'n8n-workflow';

import { checkEmail } from './fields';
import { lookup } from './lookup';

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
