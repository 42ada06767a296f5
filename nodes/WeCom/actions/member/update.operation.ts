import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { readDepartmentIds, readMemberLocator } from '../common/read';
import { updateMember } from '../contacts/api';
import { readMemberBody } from './body';
import { memberField, show, updateFields } from './fields';
import { checkMemberId } from './validate';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a member',
	description: 'Change a member’s fields, departments or status (更新成员)',
};

export const description: INodeProperties[] = [
	memberField(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('update'),
		options: updateFields,
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const userid = readMemberLocator(this, i, 'member', 'Member');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const departments =
		fields.departments !== undefined && String(fields.departments).trim() !== ''
			? readDepartmentIds(this, i, 'Department IDs', fields.departments)
			: undefined;
	const body: IDataObject = { userid, ...readMemberBody(this, i, fields, departments) };
	if (fields.name !== undefined && !body.name)
		throw inputError(this, i, 'Name', 'is empty', 'Give the new name, or remove the field.');
	const newUserId = String(fields.newUserId ?? '').trim();
	if (newUserId) {
		checkMemberId(this, i, newUserId, 'New Member ID');
		body.new_userid = newUserId;
	}
	if (Object.keys(body).length === 1)
		throw inputError(
			this,
			i,
			'Update Fields',
			'has nothing to change',
			'Add at least one field to update.',
		);
	return body;
}

/** POST user/update: omitted fields stay; WeCom ignores a new mobile once the member has activated. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	await updateMember(this, body, i);
	return { ...body, updated: true };
}
