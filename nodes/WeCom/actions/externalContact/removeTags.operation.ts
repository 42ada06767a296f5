import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { markTag, prepareMarkTag, tagFields } from './tags';

export const option: OperationOption = {
	name: 'Remove Tags',
	value: 'removeTags',
	action: 'Remove tags from a customer',
	description: 'Take corp tags off a member’s customer (编辑客户企业标签)',
};

export const description = tagFields('removeTags', 'remove');

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareMarkTag(this, i, 'remove_tag');
}

export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	return await markTag(this, body, i);
}
