import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, stringParam, utf8Bytes } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';

/** code and user_ticket are at most 512 bytes (path/91023). */
export function readToken(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	field: string,
	fix: string,
) {
	const value = stringParam(ctx, name, i);
	if (!value || /\s/.test(value) || utf8Bytes(value) > 512)
		throw inputError(
			ctx,
			i,
			field,
			value ? 'is not a WeCom token (1–512 bytes, no spaces)' : 'is required',
			fix,
		);
	return value;
}

const DETAIL_FIELDS = [
	'userid',
	'gender',
	'avatar',
	'qr_code',
	'mobile',
	'email',
	'biz_mail',
	'address',
];

/** auth/getuserdetail (path/95833): the fields the member agreed to share with snsapi_privateinfo. */
export async function privateDetails(
	ctx: IExecuteFunctions,
	userTicket: string,
	i: number,
): Promise<IDataObject> {
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/auth/getuserdetail',
		body: { user_ticket: userTicket },
		idempotent: true,
		itemIndex: i,
	});
	const details: IDataObject = {};
	for (const key of DETAIL_FIELDS) if (response[key] !== undefined) details[key] = response[key];
	return details;
}
