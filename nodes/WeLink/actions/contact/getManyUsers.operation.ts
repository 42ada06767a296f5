import type { IExecuteFunctions } from 'n8n-workflow';

import { readDepartmentRef, readLimit, type DepartmentRef } from '../common/fields';
import { listDepartmentUsers } from './api';

interface ListInput {
	department: DepartmentRef;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	return {
		department: readDepartmentRef(this, i, 'department', 'Department'),
		limit: readLimit(this, i),
	};
}

export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	return await listDepartmentUsers(this, input.department, { limit: input.limit, itemIndex });
}
