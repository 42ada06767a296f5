import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type DepartmentRef, readDepartmentRef } from '../common/read';
import { readLimit, returnAllFields } from '../../../shared/list';
import {
	ROOT_DEPARTMENT,
	fetchAllDepartments,
	getDepartment,
	listChildDepartments,
} from '../contacts/api';
import { showFor, type OperationOption } from '../../../shared/display';
import { parentDepartmentField, RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many departments',
	description: 'Sub-departments of a department, or the whole tree',
};

const show = showFor(RESOURCE, 'getAll');

export const description: INodeProperties[] = [
	parentDepartmentField('getAll'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Include All Descendants',
				name: 'includeDescendants',
				type: 'boolean',
				default: false,
				description:
					'Whether to list every department below the parent, not only its direct children',
			},
		],
	},
	...returnAllFields(RESOURCE, 'getAll'),
];

interface ListInput {
	parent: DepartmentRef;
	recursive: boolean;
	limit?: number;
}

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	return {
		parent: readDepartmentRef(this, i, 'parentDepartment', 'Parent Department'),
		recursive: options.includeDescendants === true,
		limit: readLimit(this, i),
	};
}

export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	const code =
		'deptCode' in input.parent
			? input.parent.deptCode
			: String((await getDepartment(this, input.parent, itemIndex)).deptCode);
	if (code === ROOT_DEPARTMENT && input.recursive) {
		// The root cannot be walked recursively: level 1 first, then each subtree.
		const all = await fetchAllDepartments(this, { itemIndex });
		return input.limit === undefined ? all : all.slice(0, input.limit);
	}
	return await listChildDepartments(this, code, {
		recursive: input.recursive,
		limit: input.limit,
		itemIndex,
	});
}
