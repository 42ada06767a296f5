import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readUserRef, type UserRef } from '../common/read';
import { getUser } from '../contacts/api';
import { userField } from './fields';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description: 'A user’s details by user ID, corp user ID or mobile number',
};

export const description: INodeProperties[] = [userField('get')];

export function prepare(this: IExecuteFunctions, i: number): UserRef {
	return readUserRef(this, i, 'user', 'User');
}

export async function execute(this: IExecuteFunctions, ref: UserRef, itemIndex: number) {
	return await getUser(this, ref, itemIndex);
}
