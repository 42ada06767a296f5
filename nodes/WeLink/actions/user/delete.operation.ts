import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { readUserRef, type UserRef } from '../common/read';
import { deleteUser } from '../contacts/api';
import { RESOURCE, userField } from './fields';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description: 'Remove a user from the organisation',
};

export const description: INodeProperties[] = [
	userField('delete'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(RESOURCE, 'delete'),
		options: [
			{
				displayName: 'Delete Account',
				name: 'deleteAccount',
				type: 'boolean',
				default: false,
				description:
					'Whether to delete the WeLink account as well, not only remove the user from the organisation (isDeleteUser)',
			},
		],
	},
];

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
