import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weComApiRequest } from '../../transport';
import { show, tagNameField } from './fields';
import { checkTagName, readTagId } from './tag';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a tag',
	description: 'Create a tag owned by this app (创建标签)',
};

export const description: INodeProperties[] = [
	tagNameField(['create']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('create'),
		options: [
			{
				displayName: 'Tag ID',
				name: 'tagId',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Your own ID for the tag; WeCom picks one when empty',
			},
		],
	},
];

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
