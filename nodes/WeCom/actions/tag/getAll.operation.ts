import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { weComApiRequest } from '../../transport';
import { RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tags',
	description: 'Every tag of the corp',
};

export const description: INodeProperties[] = returnAllFields(RESOURCE, ['getAll']);

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
