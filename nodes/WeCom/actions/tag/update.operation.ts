import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weComApiRequest } from '../../transport';
import { tagField, tagNameField } from './fields';
import { checkTagName, readTagLocator } from './tag';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Rename a tag',
	description: 'Rename a tag this app created',
};

export const description: INodeProperties[] = [tagNameField(['update']), tagField(['update'])];

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
