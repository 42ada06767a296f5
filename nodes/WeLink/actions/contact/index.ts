import type { INodeProperties } from 'n8n-workflow';

import {
	departmentLocator,
	departmentsField,
	returnAllFields,
	userLocator,
	usersField,
} from '../common/fields';
import { MAX_WAIT_SECONDS } from './batchSync';
import * as createDepartment from './createDepartment.operation';
import * as createUser from './createUser.operation';
import * as deleteDepartment from './deleteDepartment.operation';
import * as deleteUser from './deleteUser.operation';
import { departmentDetailFields } from './department';
import * as getBatchJob from './getBatchJob.operation';
import * as getDepartment from './getDepartment.operation';
import * as getManyDepartments from './getManyDepartments.operation';
import * as getManyUsers from './getManyUsers.operation';
import * as getUser from './getUser.operation';
import * as getUserIds from './getUserIds.operation';
import * as syncDepartments from './syncDepartments.operation';
import * as syncUsers from './syncUsers.operation';
import * as updateDepartment from './updateDepartment.operation';
import * as updateUser from './updateUser.operation';
import { userDetailFields } from './user';
import { properNounAction } from '../../../shared/subtitles';

export {
	createDepartment,
	createUser,
	deleteDepartment,
	deleteUser,
	getBatchJob,
	getDepartment,
	getManyDepartments,
	getManyUsers,
	getUser,
	getUserIds,
	syncDepartments,
	syncUsers,
	updateDepartment,
	updateUser,
};

const show = (...operation: string[]) => ({ show: { resource: ['contact'], operation } });

const ROOT = { mode: 'id', value: '0' };

const maxWaitOption = (operation: string): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: show(operation),
	options: [
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			default: 120,
			description:
				'How long to wait for each WeLink job to finish; WeLink keeps working on it afterwards (read it with Get Batch Job)',
		},
	],
});

const sexField = (operation: string): INodeProperties => ({
	displayName: 'Sex',
	name: 'sex',
	type: 'options',
	required: true,
	default: 'M',
	options: [
		{ name: 'Female', value: 'F' },
		{ name: 'Male', value: 'M' },
	],
	displayOptions: show(operation),
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create Department',
				value: 'createDepartment',
				action: 'Create a department',
				description: 'Create one department at once (创建部门)',
			},
			{
				name: 'Create User',
				value: 'createUser',
				action: 'Create a user',
				description: 'Create one user at once (创建用户)',
			},
			{
				name: 'Delete Department',
				value: 'deleteDepartment',
				action: 'Delete a department',
			},
			{
				name: 'Delete User',
				value: 'deleteUser',
				action: 'Delete a user',
				description: 'Remove a user from the organisation',
			},
			{
				name: 'Get Batch Job',
				value: 'getBatchJob',
				action: 'Get a batch job',
				description: 'Progress and per-record results of a batch sync job (异步任务结果)',
			},
			{
				name: 'Get Department',
				value: 'getDepartment',
				action: 'Get a department',
			},
			{
				name: 'Get Many Departments',
				value: 'getManyDepartments',
				action: 'Get many departments',
				description: 'Sub-departments of a department, or the whole tree',
			},
			{
				name: 'Get Many Users',
				value: 'getManyUsers',
				action: 'Get many users',
				description: 'Users of a department with their details',
			},
			{
				name: 'Get User',
				value: 'getUser',
				action: 'Get a user',
				description: 'A user’s details by user ID, corp user ID or mobile number',
			},
			{
				name: 'Get User IDs',
				value: 'getUserIds',
				action: properNounAction('Look up user IDs by corp user ID'),
				description: 'Turn your own user IDs (corpUserId) into WeLink user IDs',
			},
			{
				name: 'Sync Departments in Batch',
				value: 'syncDepartments',
				action: 'Sync departments in batch',
				description:
					'Create, update or delete departments from all input items in WeLink jobs of 100 (批量同步部门)',
			},
			{
				name: 'Sync Users in Batch',
				value: 'syncUsers',
				action: 'Sync users in batch',
				description:
					'Create or update users from all input items in WeLink jobs of 100 (批量同步用户)',
			},
			{
				name: 'Update Department',
				value: 'updateDepartment',
				action: 'Update a department',
			},
			{
				name: 'Update User',
				value: 'updateUser',
				action: 'Update a user',
			},
		],
		default: 'getUser',
	},

	// Departments
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'The department, by WeLink code (deptCode) or your own code (corpDeptCode)',
		required: true,
		displayOptions: show('getDepartment', 'updateDepartment', 'deleteDepartment', 'getManyUsers'),
	}),
	departmentLocator({
		name: 'parentDepartment',
		displayName: 'Parent Department',
		description: 'Code 0 is the top of the organisation',
		required: true,
		default: ROOT,
		displayOptions: show('createDepartment', 'getManyDepartments'),
	}),
	{
		displayName: 'Corp Department Code',
		name: 'corpDeptCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'D001',
		description: 'Your own code for the department (corpDeptCode), unique in the organisation',
		displayOptions: show('createDepartment', 'syncDepartments'),
	},
	{
		displayName: 'Action',
		name: 'syncAction',
		type: 'options',
		default: 'upsert',
		options: [
			{ name: 'Create or Update', value: 'upsert' },
			{ name: 'Delete', value: 'delete' },
		],
		description: 'What to do with this department (valid "1" or "0")',
		displayOptions: show('syncDepartments'),
	},
	{
		displayName: 'Name (Chinese)',
		name: 'deptNameCn',
		type: 'string',
		required: true,
		default: '',
		description: 'Department name, at most 128 characters',
		displayOptions: {
			show: { resource: ['contact'], operation: ['createDepartment'] },
		},
	},
	{
		displayName: 'Name (Chinese)',
		name: 'deptNameCn',
		type: 'string',
		required: true,
		default: '',
		description: 'Department name, at most 128 characters',
		displayOptions: {
			show: { resource: ['contact'], operation: ['syncDepartments'], syncAction: ['upsert'] },
		},
	},
	{
		displayName: 'Parent Corp Department Code',
		name: 'corpParentCode',
		type: 'string',
		required: true,
		default: '0',
		description: 'Your own code of the parent department; 0 for a level-1 department',
		displayOptions: {
			show: { resource: ['contact'], operation: ['syncDepartments'], syncAction: ['upsert'] },
		},
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('createDepartment'),
		options: departmentDetailFields(),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('updateDepartment'),
		options: (
			[
				...departmentDetailFields(),
				{
					displayName: 'Name (Chinese)',
					name: 'deptNameCn',
					type: 'string',
					default: '',
					description: 'Department name, at most 128 characters',
				},
				{
					displayName: 'Parent Corp Department Code',
					name: 'corpParentCode',
					type: 'string',
					default: '',
					description: 'Move the department under this parent (your own code)',
				},
				{
					displayName: 'Parent Department Code',
					name: 'parentCode',
					type: 'string',
					default: '',
					description: 'Move the department under this parent (WeLink code; 0 for the top)',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: {
			show: { resource: ['contact'], operation: ['syncDepartments'], syncAction: ['upsert'] },
		},
		options: [
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
				displayName: 'Order',
				name: 'orderNo',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 999 },
				default: 1,
				description: 'Position among its siblings, 1–999 (lower first)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('getManyDepartments'),
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
	...returnAllFields('contact', 'getManyDepartments'),
	...returnAllFields('contact', 'getManyUsers'),

	// Users
	userLocator({
		name: 'user',
		displayName: 'User',
		description: 'The user, by WeLink user ID, your own ID (corpUserId) or mobile number',
		required: true,
		anyKey: true,
		displayOptions: show('getUser', 'updateUser', 'deleteUser'),
	}),
	{
		displayName: 'Corp User IDs',
		name: 'corpUserIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'E001, E002',
		description:
			'Your own user IDs (corpUserId), as a list or separated by commas; any number, read 50 per call',
		displayOptions: show('getUserIds'),
	},
	{
		displayName: 'Corp User ID',
		name: 'corpUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'E001',
		description: 'Your own ID for the person (corpUserId), e.g. the employee number',
		displayOptions: show('createUser', 'syncUsers'),
	},
	{
		displayName: 'Name (Chinese)',
		name: 'userNameCn',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show('createUser', 'syncUsers'),
	},
	{
		displayName: 'Mobile Number',
		name: 'mobileNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+86-15811847236',
		description: 'Mobile number as +country code-number',
		displayOptions: show('createUser', 'syncUsers'),
	},
	sexField('createUser'),
	sexField('syncUsers'),
	departmentsField({
		name: 'departments',
		displayName: 'Department Names or IDs',
		description: 'The user’s departments (deptCodes).',
		displayOptions: show('createUser'),
	}),
	{
		displayName: 'Corp Department Codes',
		name: 'corpDeptCodes',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'D001, D002',
		description: 'The user’s departments by your own codes (corpDeptCodes), separated by commas',
		displayOptions: show('syncUsers'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('createUser'),
		options: userDetailFields('create'),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('updateUser'),
		options: userDetailFields('update'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('syncUsers'),
		options: [
			{
				displayName: 'Email',
				name: 'userEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Employee ID',
				name: 'employeeId',
				type: 'string',
				default: '',
				description: 'Employee number (工号)',
			},
			{
				displayName: 'Main Corp Department Code',
				name: 'mainCorpDeptCode',
				type: 'string',
				default: '',
				description: 'One of the corp department codes: the user’s main department',
			},
			{
				displayName: 'Name (English)',
				name: 'userNameEn',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Position',
				name: 'position',
				type: 'string',
				default: '',
				description: 'Job title (职位)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('deleteUser'),
		options: [
			{
				displayName: 'Delete Account',
				name: 'deleteAccount',
				type: 'boolean',
				default: false,
				description:
					'Whether to delete the WeLink account as well, not only remove the user from the organisation (isDeleteUser)',
			},
		],
	},
	maxWaitOption('syncDepartments'),
	maxWaitOption('syncUsers'),

	// Batch job
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		required: true,
		default: '',
		description: 'The jobId output of a batch sync',
		displayOptions: show('getBatchJob'),
	},
];
