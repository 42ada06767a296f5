import type { IExecuteFunctions } from 'n8n-workflow';

import { readDepartmentRef, type DepartmentRef } from '../common/fields';
import { deleteDepartment } from './api';

export function prepare(this: IExecuteFunctions, i: number): DepartmentRef {
	return readDepartmentRef(this, i, 'department', 'Department');
}

export async function execute(this: IExecuteFunctions, ref: DepartmentRef, itemIndex: number) {
	const answer = await deleteDepartment(this, ref, itemIndex);
	return { ...ref, ...answer, deleted: true };
}
