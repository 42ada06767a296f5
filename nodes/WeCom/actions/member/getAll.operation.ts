import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readDepartmentLocator } from '../common/departments';
import { listMembers } from '../contacts/api';
import { readLimit } from '../../../shared/list';

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
