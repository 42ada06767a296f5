import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { type DepartmentRef, readDepartmentRef } from '../common/read';
import { getDepartment } from '../contacts/api';
import { departmentField } from '../contacts/fields';
import { RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a department',
};

export const description: INodeProperties[] = [departmentField(showFor(RESOURCE, 'get'))];

export function prepare(this: IExecuteFunctions, i: number): DepartmentRef {
	return readDepartmentRef(this, i, 'department', 'Department');
}

export async function execute(this: IExecuteFunctions, ref: DepartmentRef, itemIndex: number) {
	return await getDepartment(this, ref, itemIndex);
}
