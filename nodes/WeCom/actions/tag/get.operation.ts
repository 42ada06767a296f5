import type { IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { readTagLocator } from './tag';

export function prepare(this: IExecuteFunctions, i: number): number {
	return readTagLocator(this, i);
}

/** GET tag/get: name, members and departments (only those the app can see). */
export async function execute(this: IExecuteFunctions, tagid: number, i: number) {
	const { errcode, errmsg, ...tag } = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/tag/get',
		qs: { tagid },
		idempotent: true,
		itemIndex: i,
	});
	void errcode;
	void errmsg;
	return { tagid, ...tag };
}
