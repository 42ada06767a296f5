import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weComApiRequest } from '../../transport';
import { readDepartmentLocator } from '../common/read';
import { departmentField } from './fields';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a department',
	description: 'Read one department',
};

export const description: INodeProperties[] = [departmentField(['get'])];

export function prepare(this: IExecuteFunctions, i: number): number {
	return readDepartmentLocator(this, i, 'department', 'Department');
}

/** GET department/get: one department (name, English name, leaders, parent, order). */
export async function execute(this: IExecuteFunctions, id: number, i: number) {
	const response = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/department/get',
		qs: { id },
		idempotent: true,
		itemIndex: i,
	});
	return (response.department as IDataObject) ?? {};
}
