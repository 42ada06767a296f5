import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { readLimit } from '../../../shared/list';

export function prepare(this: IExecuteFunctions, i: number) {
	return { limit: readLimit(this, i) };
}

/** GET tag/list: every tag (self-built and contacts-sync apps see all tags). */
export async function execute(this: IExecuteFunctions, input: { limit?: number }, i: number) {
	const response = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/tag/list',
		idempotent: true,
		itemIndex: i,
	});
	const tags = (response.taglist as IDataObject[]) ?? [];
	return input.limit === undefined ? tags : tags.slice(0, input.limit);
}
