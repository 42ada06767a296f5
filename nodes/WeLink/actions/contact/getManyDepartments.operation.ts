import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readDepartmentRef, readLimit, type DepartmentRef } from '../common/fields';
import { ROOT_DEPARTMENT, fetchAllDepartments, getDepartment, listChildDepartments } from './api';

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
