import type { IExecuteFunctions } from 'n8n-workflow';

import { readUserRef, type UserRef } from '../common/fields';
import { getUser } from './api';

export function prepare(this: IExecuteFunctions, i: number): UserRef {
	return readUserRef(this, i, 'user', 'User');
}

export async function execute(this: IExecuteFunctions, ref: UserRef, itemIndex: number) {
	return await getUser(this, ref, itemIndex);
}
