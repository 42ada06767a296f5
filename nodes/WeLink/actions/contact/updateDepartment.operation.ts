import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readDepartmentRef } from '../common/fields';
import { updateDepartment } from './api';
import { checkCode, readDepartmentDetails } from './department';

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
	if (Object.keys(changes).length === 0)
		throw inputError(
			this,
			i,
			'Update Fields',
			'nothing to update',
			'Add at least one field to change.',
		);
	return { ...ref, ...changes };
}

export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const updated = await updateDepartment(this, body, itemIndex);
	return { ...body, ...updated, updated: true };
}
