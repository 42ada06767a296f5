import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { tagMembersFields } from './fields';
import { changeTagMembers, prepareTagMembers, type TagMembersInput } from './members';

export const option: OperationOption = {
	name: 'Remove Members',
	value: 'removeMembers',
	action: 'Remove members from a tag',
	description: 'Untag members and departments (删除标签成员)',
};

export const description: INodeProperties[] = tagMembersFields('removeMembers');

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareTagMembers(this, i);
}

/** POST tag/deltagusers, 1,000 members and 100 departments per call. */
export async function execute(this: IExecuteFunctions, input: TagMembersInput, i: number) {
	return await changeTagMembers(this, input, false, i);
}
