import type { IExecuteFunctions } from 'n8n-workflow';

import { readDepartmentRef, type DepartmentRef } from '../common/fields';
import { getDepartment } from './api';

export function prepare(this: IExecuteFunctions, i: number): DepartmentRef {
	return readDepartmentRef(this, i, 'department', 'Department');
}

export async function execute(this: IExecuteFunctions, ref: DepartmentRef, itemIndex: number) {
	return await getDepartment(this, ref, itemIndex);
}
