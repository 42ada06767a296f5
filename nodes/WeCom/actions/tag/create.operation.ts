import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { checkTagName, readTagId } from './tag';

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const tagname = String(this.getNodeParameter('name', i, '') ?? '').trim();
	checkTagName(this, i, tagname);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { tagname };
	if (options.tagId !== undefined && options.tagId !== '')
		body.tagid = readTagId(this, i, options.tagId, 'Tag ID');
	return body;
}

/** POST tag/create: the tag belongs to this app; only it can change the tag's members. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	const response = await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/tag/create',
		body,
		idempotent: false,
		itemIndex: i,
	});
	return { ...body, tagid: response.tagid };
}
