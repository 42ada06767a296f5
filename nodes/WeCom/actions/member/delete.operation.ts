import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readMemberLocator } from '../common/read';
import { deleteMember } from '../contacts/api';
import { memberField } from './fields';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a member',
	description: 'Delete one member (删除成员)',
};

export const description: INodeProperties[] = [memberField(['delete'])];

export function prepare(this: IExecuteFunctions, i: number): string {
	return readMemberLocator(this, i, 'member', 'Member');
}

/** GET user/delete (contacts-sync secret); also deletes a bound Tencent corp mail account. */
export async function execute(this: IExecuteFunctions, userid: string, i: number) {
	await deleteMember(this, userid, i);
	return { userid, deleted: true };
}
