import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { markTag, prepareMarkTag, tagFields } from './tags';

export const option: OperationOption = {
	name: 'Add Tags',
	value: 'addTags',
	action: 'Add tags to a customer',
	description: 'Mark a member’s customer with corp tags (编辑客户企业标签)',
};

export const description = tagFields('addTags', 'add');

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareMarkTag(this, i, 'add_tag');
}

export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	return await markTag(this, body, i);
}
