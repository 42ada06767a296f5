import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weComApiRequest } from '../../transport';
import { tagField } from './fields';
import { readTagLocator } from './tag';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a tag',
	description: 'Delete a tag this app created',
};

export const description: INodeProperties[] = [tagField(['delete'])];

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
