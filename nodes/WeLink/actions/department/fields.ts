import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { departmentLocator, usersField } from '../common/fields';

export const RESOURCE = 'department';

/** Where new departments go, or whose children are listed. */
export const parentDepartmentField = (operation: string): INodeProperties =>
	departmentLocator({
		name: 'parentDepartment',
		displayName: 'Parent Department',
		description: 'Code 0 is the top of the organisation',
		required: true,
		default: { mode: 'id', value: '0' },
		displayOptions: showFor(RESOURCE, operation),
	});

export const corpDeptCodeField = (operation: string): INodeProperties => ({
	displayName: 'Corp Department Code',
	name: 'corpDeptCode',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'D001',
	description: 'Your own code for the department (corpDeptCode), unique in the organisation',
	displayOptions: showFor(RESOURCE, operation),
});

export const deptNameField = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Name (Chinese)',
	name: 'deptNameCn',
	type: 'string',
	required: true,
	default: '',
	description: 'Department name, at most 128 characters',
	displayOptions,
});

/** Optional department fields shared by Create (Additional Fields) and Update (Update Fields). */
export function departmentDetailFields(): INodeProperties[] {
	return [
		{
			displayName: 'Create Department Group',
			name: 'createDeptGroup',
			type: 'boolean',
			default: false,
			description: 'Whether WeLink creates a group chat for the department (createDeptGroup)',
		},
		{
			displayName: 'Group Includes Sub-Departments',
			name: 'groupContainSubDept',
			type: 'boolean',
			default: false,
			description: 'Whether the department group chat also holds the sub-departments’ members',
		},
		{
			displayName: 'Group Owner ID',
			name: 'deptGroupOwnerId',
			type: 'string',
			default: '',
			description: 'WeLink user ID of the department group chat’s owner',
		},
		usersField({
			name: 'managers',
			displayName: 'Manager Names or IDs',
			description: 'Department managers (managerId), WeLink user IDs.',
		}),
		{
			displayName: 'Name (English)',
			name: 'deptNameEn',
			type: 'string',
			default: '',
			description: 'English department name, at most 128 characters',
		},
		{
			displayName: 'Visible Range',
			name: 'visibleRange',
			type: 'options',
			default: 1,
			// PY constants VISIBLE_RANGE_*: 1 全部可见, 2 (仅)自己可见, 3 当前部门和子部门可见.
			options: [
				{ name: 'Everyone', value: 1 },
				{ name: 'Own Department and Sub-Departments', value: 3 },
				{ name: 'Only the Department Itself', value: 2 },
			],
			description: 'Who can see the department in the contacts',
		},
	];
}
