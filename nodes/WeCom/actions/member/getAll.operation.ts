import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { departmentLocator } from '../common/fields';
import { readDepartmentLocator } from '../common/read';
import { listMembers } from '../contacts/api';
import { RESOURCE, show } from './fields';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many members',
	description: 'Members of a department, optionally also of the departments below it',
};

export const description: INodeProperties[] = [
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'Whose members to list',
		required: true,
		defaultId: '1',
		displayOptions: show('getAll'),
	}),
	{
		displayName: 'Include Sub-Departments',
		name: 'includeSubDepartments',
		type: 'boolean',
		default: false,
		description: 'Whether to include the members of every department below it (each member once)',
		displayOptions: show('getAll'),
	},
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
				displayName: 'Details',
				name: 'detailed',
				type: 'boolean',
				default: true,
				description:
					'Whether to return every field (user/list) or only ID, name and departments (user/simplelist)',
			},
		],
	},
];

interface ListInput {
	departmentId: number;
	recursive: boolean;
	detailed: boolean;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	return {
		departmentId: readDepartmentLocator(this, i, 'department', 'Department'),
		recursive: this.getNodeParameter('includeSubDepartments', i, false) as boolean,
		detailed: options.detailed !== false,
		limit: readLimit(this, i),
	};
}

/** Members of a department (user/list, or user/simplelist for names only), optionally of every department below. */
export async function execute(this: IExecuteFunctions, input: ListInput, i: number) {
	return await listMembers(this, input.departmentId, input, i);
}
