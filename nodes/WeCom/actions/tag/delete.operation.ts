import type { IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { readTagLocator } from './tag';

export function prepare(this: IExecuteFunctions, i: number): number {
	return readTagLocator(this, i);
}

/** GET tag/delete: only the app that created the tag may delete it. */
export async function execute(this: IExecuteFunctions, tagid: number, i: number) {
	await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/tag/delete',
		qs: { tagid },
		idempotent: false,
		itemIndex: i,
	});
	return { tagid, deleted: true };
}
