import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readUserRef, type UserRef } from '../common/fields';
import { deleteUser } from './api';

interface DeleteInput {
	ref: UserRef;
	deleteAccount: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): DeleteInput {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	return {
		ref: readUserRef(this, i, 'user', 'User'),
		deleteAccount: options.deleteAccount === true,
	};
}

export async function execute(this: IExecuteFunctions, input: DeleteInput, itemIndex: number) {
	const answer = await deleteUser(this, input.ref, input.deleteAccount, itemIndex);
	return { ...input.ref, ...answer, deleted: true, accountDeleted: input.deleteAccount };
}
