import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';

/** A read-only POST whose answer has one field of interest (user/getuserid, convert_to_openid …). */
export async function lookup(
	ctx: IExecuteFunctions,
	path: string,
	body: IDataObject,
	field: string,
	i: number,
) {
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path,
		body,
		idempotent: true,
		itemIndex: i,
	});
	return { ...body, [field]: response[field] };
}
