import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { readDepartmentRef } from '../common/read';
import { createDepartment } from '../contacts/api';
import { checkCode, checkDeptName, readDepartmentDetails } from './details';
import {
	corpDeptCodeField,
	departmentDetailFields,
	deptNameField,
	parentDepartmentField,
	RESOURCE,
} from './fields';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a department',
	description: 'Create one department at once (创建部门)',
};

const show = showFor(RESOURCE, 'create');

export const description: INodeProperties[] = [
	parentDepartmentField('create'),
	corpDeptCodeField('create'),
	deptNameField(show),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: departmentDetailFields(),
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const parent = readDepartmentRef(this, i, 'parentDepartment', 'Parent Department');
	return {
		corpDeptCode: checkCode(
			this,
			i,
			'Corp Department Code',
			this.getNodeParameter('corpDeptCode', i, ''),
		),
		deptNameCn: checkDeptName(
			this,
			i,
			'Name (Chinese)',
			this.getNodeParameter('deptNameCn', i, ''),
			true,
		),
		// A level-1 department hangs under "0": the root's code (message_sync.html), and the corpParentCode
		// of level 1 (department_sync.html, PY depts.py).
		...('deptCode' in parent
			? { parentCode: parent.deptCode }
			: { corpParentCode: parent.corpDeptCode }),
		...readDepartmentDetails(
			this,
			i,
			this.getNodeParameter('additionalFields', i, {}) as IDataObject,
		),
	};
}

/** Creates one department at once (contact/v1/department/create); not repeated after a lost answer. */
export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const created = await createDepartment(this, body, itemIndex);
	return { ...body, ...created, created: true };
}
