import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { checkDepartmentName, readDepartmentLocator } from '../common/read';
import { updateDepartment } from '../contacts/api';
import { departmentField, nameEnField, orderField, show } from './fields';
import { readDepartmentFields } from './validate';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a department',
	description: 'Rename, move or reorder a department (更新部门)',
};

export const description: INodeProperties[] = [
	departmentField(['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('update'),
		options: [
			nameEnField,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: '1–64 characters without : * ? " &lt; &gt; |',
			},
			orderField,
			{
				displayName: 'Parent Department ID',
				name: 'parentId',
				type: 'string',
				default: '',
				description: 'Moves the department; the app needs permission on the new parent',
			},
		],
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const id = readDepartmentLocator(this, i, 'department', 'Department');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = { id, ...readDepartmentFields(this, i, fields) };
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		checkDepartmentName(this, i, name);
		body.name = name;
	}
	if (Object.keys(body).length === 1)
		throw inputError(
			this,
			i,
			'Update Fields',
			'has nothing to change',
			'Add at least one field to update.',
		);
	if (body.parentid === id)
		throw inputError(
			this,
			i,
			'Parent Department',
			'is the department itself',
			'Choose another parent.',
		);
	return body;
}

/** POST department/update: omitted fields stay as they are. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	await updateDepartment(this, body, i);
	return { ...body, updated: true };
}
