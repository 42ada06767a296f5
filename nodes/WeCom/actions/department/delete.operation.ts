import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { readDepartmentLocator } from '../common/read';
import { deleteDepartment } from '../contacts/api';
import { departmentField } from './fields';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a department',
	description: 'Delete an empty department (删除部门)',
};

export const description: INodeProperties[] = [departmentField(['delete'])];

export function prepare(this: IExecuteFunctions, i: number): number {
	const id = readDepartmentLocator(this, i, 'department', 'Department');
	if (id === 1)
		throw inputError(
			this,
			i,
			'Department',
			'is the root department (1), which WeCom never deletes',
			'Choose another department.',
		);
	return id;
}

/** GET department/delete: WeCom refuses while the department has members or sub-departments (60005/60006). */
export async function execute(this: IExecuteFunctions, id: number, i: number) {
	await deleteDepartment(this, id, i);
	return { id, deleted: true };
}
