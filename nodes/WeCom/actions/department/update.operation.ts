import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { checkDepartmentName, readDepartmentLocator } from '../common/departments';
import { updateDepartment } from '../contacts/api';
import { readDepartmentFields } from './fields';

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
