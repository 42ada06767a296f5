import type { IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { checkTagName, readTagLocator } from './tag';

export function prepare(this: IExecuteFunctions, i: number) {
	const tagname = String(this.getNodeParameter('name', i, '') ?? '').trim();
	checkTagName(this, i, tagname);
	return { tagid: readTagLocator(this, i), tagname };
}

/** POST tag/update: renames a tag this app created. */
export async function execute(
	this: IExecuteFunctions,
	body: { tagid: number; tagname: string },
	i: number,
) {
	await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/tag/update',
		body,
		idempotent: true,
		itemIndex: i,
	});
	return { ...body, updated: true };
}
