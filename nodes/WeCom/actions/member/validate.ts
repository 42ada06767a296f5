import type { IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../../shared/validation';
import { USERID, USERID_RULE } from '../common/ids';

/** Checks of member fields, with the limits of reference §4.2. */

export const MAX_DEPARTMENTS = 100;
export const MAX_DIRECT_LEADERS = 5;
const MOBILE = /^[\d+\-\s]{1,32}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const TELEPHONE = /^[\d+\-,]{1,32}$/;

export function checkMemberId(
	ctx: IExecuteFunctions,
	i: number,
	userid: string,
	field = 'Member ID',
) {
	if (!userid) throw inputError(ctx, i, field, 'is required', 'Give the member ID (账号).');
	if (!USERID.test(userid))
		throw inputError(
			ctx,
			i,
			field,
			`"${userid.slice(0, 80)}" is not a valid member ID (${USERID_RULE})`,
			'Start with a letter or digit, and use only letters, digits and _-@.',
		);
}

export function checkMobile(ctx: IExecuteFunctions, i: number, mobile: string) {
	if (!MOBILE.test(mobile))
		throw inputError(
			ctx,
			i,
			'Mobile',
			`"${mobile}" is not a phone number WeCom accepts`,
			'Use up to 32 digits, + and -, e.g. +86 13800000000.',
		);
}

export function checkEmail(ctx: IExecuteFunctions, i: number, email: string, field = 'Email') {
	checkText(ctx, i, email, { field, min: 6, max: 64, unit: 'bytes' });
	if (!EMAIL.test(email))
		throw inputError(ctx, i, field, `"${email}" is not an email address`, 'Give name@domain.');
}

export function checkTelephone(ctx: IExecuteFunctions, i: number, telephone: string) {
	if (!TELEPHONE.test(telephone))
		throw inputError(
			ctx,
			i,
			'Telephone',
			`"${telephone}" is not a desk phone WeCom accepts`,
			'Use up to 32 of digits and - + ,',
		);
}
