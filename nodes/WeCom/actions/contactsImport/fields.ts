import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { genderField } from '../member/fields';
import { DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS } from './job';

export const RESOURCE = 'contactsImport';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** Shown above every operation's fields. */
export const importNotice: INodeProperties = {
	displayName:
		'Each input item is one row of the import file. The file is uploaded, the job is submitted and the node waits for its result; each item gets its row’s result. Needs the contacts-sync secret (通讯录同步).',
	name: 'notice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: [RESOURCE] } },
};

/** The columns of a member row (syncUsers, replaceUsers). */
export function memberRowFields(operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Member ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '={{ $json.userid }}',
			description: 'The member’s account (帐号)',
			displayOptions: show(operation),
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '={{ $json.name }}',
			displayOptions: show(operation),
		},
		{
			displayName: 'Department IDs',
			name: 'departmentIds',
			type: 'string',
			required: true,
			default: '={{ $json.department }}',
			description:
				'The member’s departments (所在部门): an array or IDs separated by commas; the first is the main one',
			displayOptions: show(operation),
		},
		{
			displayName: 'Mobile',
			name: 'mobile',
			type: 'string',
			default: '={{ $json.mobile }}',
			description: 'Mobile or email is required',
			displayOptions: show(operation),
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '={{ $json.email }}',
			description: 'Mobile or email is required',
			displayOptions: show(operation),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(operation),
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
	];
}

/** Shown below every operation's fields. */
export const importOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: [RESOURCE] } },
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
};
