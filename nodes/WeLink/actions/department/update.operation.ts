import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { inputError, requireChanges } from '../../../shared/validation';
import { readDepartmentRef } from '../common/read';
import { updateDepartment } from '../contacts/api';
import { departmentField } from '../contacts/fields';
import { checkCode, readDepartmentDetails } from './details';
import { departmentDetailFields, RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a department',
};

const show = showFor(RESOURCE, 'update');

export const description: INodeProperties[] = [
	departmentField(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: (
			[
				...departmentDetailFields(),
				{
					displayName: 'Name (Chinese)',
					name: 'deptNameCn',
					type: 'string',
					default: '',
					description: 'Department name, at most 128 characters',
				},
				{
					displayName: 'Parent Corp Department Code',
					name: 'corpParentCode',
					type: 'string',
					default: '',
					description: 'Move the department under this parent (your own code)',
				},
				{
					displayName: 'Parent Department Code',
					name: 'parentCode',
					type: 'string',
					default: '',
					description: 'Move the department under this parent (WeLink code; 0 for the top)',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const ref = readDepartmentRef(this, i, 'department', 'Department');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = readDepartmentDetails(this, i, fields);
	const parentCode = checkCode(this, i, 'Parent Department Code', fields.parentCode, false);
	const corpParentCode = checkCode(
		this,
		i,
		'Parent Corp Department Code',
		fields.corpParentCode,
		false,
	);
	if (parentCode && corpParentCode)
		throw inputError(
			this,
			i,
			'Parent Corp Department Code',
			'is set together with Parent Department Code',
			'Give the new parent one way only.',
		);
	if (parentCode) changes.parentCode = parentCode;
	if (corpParentCode) changes.corpParentCode = corpParentCode;
	requireChanges(this, i, changes);
	return { ...ref, ...changes };
}

export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const updated = await updateDepartment(this, body, itemIndex);
	return { ...body, ...updated, updated: true };
}
