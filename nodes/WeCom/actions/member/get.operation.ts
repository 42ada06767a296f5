import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readMemberLocator } from '../common/read';
import { getMember } from '../contacts/api';
import { memberField } from './fields';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a member',
	description: 'Read one member (读取成员)',
};

export const description: INodeProperties[] = [memberField(['get'])];

export function prepare(this: IExecuteFunctions, i: number): string {
	return readMemberLocator(this, i, 'member', 'Member');
}

/** GET user/get. Apps created after 2022-06-20 no longer receive mobile, email, gender, avatar or address. */
export async function execute(this: IExecuteFunctions, userid: string, i: number) {
	return await getMember(this, userid, i);
}
