import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { readDepartmentLocator } from '../common/departments';

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
