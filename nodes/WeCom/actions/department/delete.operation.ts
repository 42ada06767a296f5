import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readDepartmentLocator } from '../common/departments';
import { deleteDepartment } from '../contacts/api';

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
