import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { tagMembersFields } from './fields';
import { changeTagMembers, prepareTagMembers, type TagMembersInput } from './members';

export const option: OperationOption = {
	name: 'Add Members',
	value: 'addMembers',
	action: 'Add members to a tag',
	description: 'Tag members and departments (增加标签成员)',
};

export const description: INodeProperties[] = tagMembersFields('addMembers');

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareTagMembers(this, i);
}

/** POST tag/addtagusers, 1,000 members and 100 departments per call. */
export async function execute(this: IExecuteFunctions, input: TagMembersInput, i: number) {
	return await changeTagMembers(this, input, true, i);
}
