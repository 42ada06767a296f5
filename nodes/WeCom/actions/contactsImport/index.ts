import type { INodeProperties } from 'n8n-workflow';

import { genderField } from '../member/fields';
import { DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS } from './job';
import * as replaceDepartments from './replaceDepartments.operation';
import * as replaceUsers from './replaceUsers.operation';
import * as syncUsers from './syncUsers.operation';

export const operations = { syncUsers, replaceUsers, replaceDepartments };

const USER_OPS = ['syncUsers', 'replaceUsers'];
const show = (operation: string[]) => ({ show: { resource: ['contactsImport'], operation } });

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactsImport'] } },
		options: [
			{
				name: 'Import Members (Incremental)',
				value: 'syncUsers',
				action: 'Import members incrementally',
				description:
					'Each input item is a member; they are created or updated, others stay (增量更新成员)',
			},
			{
				name: 'Replace All Departments',
				value: 'replaceDepartments',
				action: 'Replace all departments',
				description:
					'The input items become the whole department tree; empty departments not in it are deleted (全量覆盖部门)',
			},
			{
				name: 'Replace All Members',
				value: 'replaceUsers',
				action: 'Replace all members',
				description:
					'The input items become the whole member list; members not in it are DELETED (全量覆盖成员)',
			},
		],
		default: 'syncUsers',
	},
	{
		displayName:
			'Each input item is one row of the import file. The file is uploaded, the job is submitted and the node waits for its result; each item gets its row’s result. Needs the contacts-sync secret (通讯录同步).',
		name: 'notice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['contactsImport'] } },
	},
	{
		displayName: 'Member ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '={{ $json.userid }}',
		description: 'The member’s account (帐号)',
		displayOptions: show(USER_OPS),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '={{ $json.name }}',
		displayOptions: show(USER_OPS),
	},
	{
		displayName: 'Department IDs',
		name: 'departmentIds',
		type: 'string',
		required: true,
		default: '={{ $json.department }}',
		description:
			'The member’s departments (所在部门): an array or IDs separated by commas; the first is the main one',
		displayOptions: show(USER_OPS),
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '={{ $json.mobile }}',
		description: 'Mobile or email is required',
		displayOptions: show(USER_OPS),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.email }}',
		description: 'Mobile or email is required',
		displayOptions: show(USER_OPS),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(USER_OPS),
		options: [
			{ displayName: 'Address', name: 'address', type: 'string', default: '' },
			{ displayName: 'Alias', name: 'alias', type: 'string', default: '' },
			{
				displayName: 'Enabled',
				name: 'enabled',
				type: 'boolean',
				default: true,
				description: 'Whether the member is enabled (禁用 = 0)',
			},
			genderField,

			{
				displayName: 'Leader In Department IDs',
				name: 'leaderIn',
				type: 'string',
				default: '',
				description: 'Which of the member’s departments they head',
			},
			{
				displayName: 'Orders In Departments',
				name: 'orders',
				type: 'string',
				default: '',
				description: 'One sort value per department, separated by commas',
			},
			{ displayName: 'Position', name: 'position', type: 'string', default: '' },
			{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Department Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '={{ $json.name }}',
		displayOptions: show(['replaceDepartments']),
	},
	{
		displayName: 'Department ID',
		name: 'departmentId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		displayOptions: show(['replaceDepartments']),
	},
	{
		displayName: 'Parent Department ID',
		name: 'parentId',
		type: 'string',
		required: true,
		default: '={{ $json.parentid }}',
		description: '1 for a top-level department',
		displayOptions: show(['replaceDepartments']),
	},
	{
		displayName: 'Order',
		name: 'order',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Bigger first; 0 keeps the current order',
		displayOptions: show(['replaceDepartments']),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contactsImport'] } },
		options: [
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
				default: DEFAULT_WAIT_SECONDS,
				description: 'How long to wait for the job; WeCom finishes it anyway',
			},
			{
				displayName: 'Send Invitations',
				name: 'toInvite',
				type: 'boolean',
				default: true,
				description: 'Whether WeCom invites new members (members imports only)',
			},
		],
	},
];
