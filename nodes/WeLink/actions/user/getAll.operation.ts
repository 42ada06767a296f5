import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { type DepartmentRef, readDepartmentRef } from '../common/read';
import { listDepartmentUsers } from '../contacts/api';
import { departmentField } from '../contacts/fields';
import { RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many users',
	description: 'Users of a department with their details',
};

export const description: INodeProperties[] = [
	departmentField(showFor(RESOURCE, 'getAll')),
	...returnAllFields(RESOURCE, 'getAll'),
];

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
