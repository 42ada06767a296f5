import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { type DepartmentRef, readDepartmentRef } from '../common/read';
import { deleteDepartment } from '../contacts/api';
import { departmentField } from '../contacts/fields';
import { RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a department',
};

export const description: INodeProperties[] = [departmentField(showFor(RESOURCE, 'delete'))];

export function prepare(this: IExecuteFunctions, i: number): DepartmentRef {
	return readDepartmentRef(this, i, 'department', 'Department');
}

export async function execute(this: IExecuteFunctions, ref: DepartmentRef, itemIndex: number) {
	const answer = await deleteDepartment(this, ref, itemIndex);
	return { ...ref, ...answer, deleted: true };
}
