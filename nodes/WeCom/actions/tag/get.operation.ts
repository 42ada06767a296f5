import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weComApiRequest } from '../../transport';
import { tagField } from './fields';
import { readTagLocator } from './tag';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a tag',
	description: 'A tag with its members and departments',
};

export const description: INodeProperties[] = [tagField(['get'])];

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
