import { properNounAction } from '../../shared/subtitles';
import type { SplitResource } from '../../shared/versions';

/**
 * Version 1 of the WeLink node had one Contact resource for departments and users; version 2 has a
 * Department and a User resource, as the WeCom node does. Here: what version 1's Contact offered,
 * and what each of its operations is now.
 */
export const contactVersion1: SplitResource = {
	resource: { name: 'Contact', value: 'contact' },
	defaultOperation: 'getUser',
	operations: {
		createDepartment: {
			resource: 'department',
			operation: 'create',
			option: {
				name: 'Create Department',
				value: 'createDepartment',
				action: 'Create a department',
				description: 'Create one department at once (创建部门)',
			},
		},
		createUser: {
			resource: 'user',
			operation: 'create',
			option: {
				name: 'Create User',
				value: 'createUser',
				action: 'Create a user',
				description: 'Create one user at once (创建用户)',
			},
		},
		deleteDepartment: {
			resource: 'department',
			operation: 'delete',
			option: {
				name: 'Delete Department',
				value: 'deleteDepartment',
				action: 'Delete a department',
			},
		},
		deleteUser: {
			resource: 'user',
			operation: 'delete',
			option: {
				name: 'Delete User',
				value: 'deleteUser',
				action: 'Delete a user',
				description: 'Remove a user from the organisation',
			},
		},
		getBatchJob: {
			resource: 'department',
			operation: 'getBatchJob',
			option: {
				name: 'Get Batch Job',
				value: 'getBatchJob',
				action: 'Get a batch job',
				description: 'Progress and per-record results of a batch sync job (异步任务结果)',
			},
		},
		getDepartment: {
			resource: 'department',
			operation: 'get',
			option: { name: 'Get Department', value: 'getDepartment', action: 'Get a department' },
		},
		getManyDepartments: {
			resource: 'department',
			operation: 'getAll',
			option: {
				name: 'Get Many Departments',
				value: 'getManyDepartments',
				action: 'Get many departments',
				description: 'Sub-departments of a department, or the whole tree',
			},
		},
		getManyUsers: {
			resource: 'user',
			operation: 'getAll',
			option: {
				name: 'Get Many Users',
				value: 'getManyUsers',
				action: 'Get many users',
				description: 'Users of a department with their details',
			},
		},
		getUser: {
			resource: 'user',
			operation: 'get',
			option: {
				name: 'Get User',
				value: 'getUser',
				action: 'Get a user',
				description: 'A user’s details by user ID, corp user ID or mobile number',
			},
		},
		getUserIds: {
			resource: 'user',
			operation: 'getIds',
			option: {
				name: 'Get User IDs',
				value: 'getUserIds',
				action: properNounAction('Look up user IDs by corp user ID'),
				description: 'Turn your own user IDs (corpUserId) into WeLink user IDs',
			},
		},
		syncDepartments: {
			resource: 'department',
			operation: 'syncBatch',
			option: {
				name: 'Sync Departments in Batch',
				value: 'syncDepartments',
				action: 'Sync departments in batch',
				description:
					'Create, update or delete departments from all input items in WeLink jobs of 100 (批量同步部门)',
			},
		},
		syncUsers: {
			resource: 'user',
			operation: 'syncBatch',
			option: {
				name: 'Sync Users in Batch',
				value: 'syncUsers',
				action: 'Sync users in batch',
				description:
					'Create or update users from all input items in WeLink jobs of 100 (批量同步用户)',
			},
		},
		updateDepartment: {
			resource: 'department',
			operation: 'update',
			option: {
				name: 'Update Department',
				value: 'updateDepartment',
				action: 'Update a department',
			},
		},
		updateUser: {
			resource: 'user',
			operation: 'update',
			option: { name: 'Update User', value: 'updateUser', action: 'Update a user' },
		},
	},
};
