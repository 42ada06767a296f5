import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { weComApiRequest } from '../../transport';
import { departmentLocator } from '../common/fields';
import { readDepartmentLocator } from '../common/read';
import { departmentPaths, listDepartments } from '../contacts/api';
import { RESOURCE, show } from './fields';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many departments',
	description: 'A department and every department below it, with their paths',
};

export const description: INodeProperties[] = [
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'Lists this department and every department below it (1 = the whole org)',
		required: true,
		defaultId: '1',
		displayOptions: show('getAll'),
	}),
	...returnAllFields(RESOURCE, ['getAll']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('getAll'),
		options: [
			{
				displayName: 'Direct Children Only',
				name: 'directOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the departments right below the chosen one',
			},
			{
				displayName: 'IDs Only',
				name: 'idsOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only ID, parent and order (department/simplelist, faster for large trees and allowed where department/list is not)',
			},
		],
	},
];

interface ListInput {
	id: number;
	directOnly: boolean;
	idsOnly: boolean;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	return {
		id: readDepartmentLocator(this, i, 'department', 'Department'),
		directOnly: options.directOnly === true,
		idsOnly: options.idsOnly === true,
		limit: readLimit(this, i),
	};
}

/**
 * The department and everything below it. Full list (department/list) with each department's path,
 * or IDs only (department/simplelist, the call WeCom recommends for large trees).
 */
export async function execute(this: IExecuteFunctions, input: ListInput, i: number) {
	let rows: IDataObject[];
	if (input.idsOnly) {
		const response = await weComApiRequest.call(this, {
			method: 'GET',
			path: '/cgi-bin/department/simplelist',
			qs: { id: input.id },
			idempotent: true,
			itemIndex: i,
		});
		rows = (response.department_id as IDataObject[]) ?? [];
	} else {
		const departments = await listDepartments(this, input.id, i);
		const paths = departmentPaths(departments);
		rows = departments.map((d) => ({ ...d, path: paths.get(d.id) }));
	}
	if (input.directOnly) rows = rows.filter((d) => d.parentid === input.id);
	return input.limit === undefined ? rows : rows.slice(0, input.limit);
}
