import type { INodeProperties } from 'n8n-workflow';

import { syncProperties } from '../../../shared/orgSync/fields';
import { MAX_WAIT_SECONDS } from '../contacts/batchSync';
import * as exportFromWeLink from './exportFromWeLink.operation';
import * as syncToWeLink from './syncToWeLink.operation';
import { properNounAction } from '../../../shared/subtitles';

export { exportFromWeLink, syncToWeLink };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactsSync'] } },
		options: [
			{
				name: 'Export From WeLink',
				value: 'exportFromWeLink',
				action: properNounAction('Export the org from WeLink'),
				description: 'Every department (with its path) and user, as items for another system',
			},
			{
				name: 'Sync to WeLink',
				value: 'syncToWeLink',
				action: properNounAction('Sync an org to WeLink'),
				description:
					'Make WeLink’s departments and users match the input items (通讯录同步到WeLink)',
			},
		],
		default: 'syncToWeLink',
	},
	{
		displayName:
			'Needs the app permissions 通讯录同步 (writes) and 用户详细信息 (reads), with the app visible to everyone being synced. IDs are your corp codes: corpDeptCode for departments, corpUserId for users; level-1 departments hang under "0".',
		name: 'permissionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['contactsSync'] } },
	},
	...syncProperties({
		resource: 'contactsSync',
		operation: 'syncToWeLink',
		platform: 'WeLink',
		orderHint:
			'WeLink’s orderNo, 1–999, smaller first; values outside are clipped; empty keeps WeLink’s order',
		matchOptions: [
			{ name: 'Email', value: 'email' },
			{ name: 'Employee Number', value: 'employeeNo', description: 'WeLink’s employeeId (工号)' },
			{
				name: 'Corp User ID',
				value: 'id',
				description: 'The member’s Target ID (or key) equals the WeLink corpUserId',
			},
			{ name: 'Mobile', value: 'mobile' },
		],
		extraOptions: [
			{
				displayName: 'Delete WeLink Accounts Too',
				name: 'deleteAccounts',
				type: 'boolean',
				default: false,
				description:
					'Whether deleting a user (Leavers: Delete) also deletes the WeLink account (isDeleteUser), not only removes it from the directory',
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
				default: 120,
				description:
					'How long to wait for WeLink to apply what it does later: a department order (batch job), a user closed or reopened (users/bulk, read back until WeLink shows it). What is not applied by then is reported as failed; the next run checks again.',
			},
			{
				displayName: 'Sex for New Users Without Gender',
				name: 'defaultSex',
				type: 'options',
				options: [
					{ name: 'Female (F)', value: 'F' },
					{ name: 'Leave Out', value: '' },
					{ name: 'Male (M)', value: 'M' },
				],
				default: '',
				description:
					'What a new user’s sex is when the source has no gender, and what is sent to close or reopen a user WeLink has no sex for; WeLink’s older sync API (users/bulk, which closes and reopens users) requires it',
			},
		],
	}),
	{
		displayName: 'Options',
		name: 'exportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contactsSync'], operation: ['exportFromWeLink'] } },
		options: [
			{
				displayName: 'Include Users',
				name: 'includeMembers',
				type: 'boolean',
				default: true,
				description: 'Whether to export users too, or only departments',
			},
		],
	},
];
