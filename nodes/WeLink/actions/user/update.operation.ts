import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { inputError, requireChanges } from '../../../shared/validation';
import { readUserRef } from '../common/read';
import { updateUser } from '../contacts/api';
import { readUserDetails } from './details';
import { RESOURCE, userDetailFields, userField } from './fields';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a user',
};

export const description: INodeProperties[] = [
	userField('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor(RESOURCE, 'update'),
		options: userDetailFields('update'),
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const ref = readUserRef(this, i, 'user', 'User');
	const changes = readUserDetails(
		this,
		i,
		this.getNodeParameter('updateFields', i, {}) as IDataObject,
	);
	if (changes.deptCodes && changes.corpDeptCodes)
		throw inputError(
			this,
			i,
			'Corp Department Codes',
			'is set together with Department Codes',
			'Give the departments one way only.',
		);
	requireChanges(this, i, changes);
	return { ...ref, ...changes };
}

export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const updated = await updateUser(this, body, itemIndex);
	return { ...body, ...updated, updated: true };
}
