import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { memberLocator } from '../common/fields';

export const RESOURCE = 'member';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** The one member an operation reads or changes. */
export function memberField(operations: string[]): INodeProperties {
	return memberLocator({
		name: 'member',
		displayName: 'Member',
		description: 'The member (成员)',
		required: true,
		displayOptions: show(...operations),
	});
}

/** Member fields of user/create and user/update (checked in validate.ts, sent as body.ts builds them). */

/** Gender as WeCom stores it (1 male, 2 female). */
export const genderField: INodeProperties = {
	displayName: 'Gender',
	name: 'gender',
	type: 'options',
	options: [
		{ name: 'Female', value: '2' },
		{ name: 'Male', value: '1' },
	],
	default: '1',
};

const optionalFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: 'Office address, up to 128 characters',
	},
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		description: 'Another name (别名), 1–64 characters',
	},
	{
		displayName: 'Avatar Media ID',
		name: 'avatarMediaId',
		type: 'string',
		default: '',
		description: 'Media ID of an uploaded image (Media → Upload)',
	},
	{
		displayName: 'Corp Email',
		name: 'bizMail',
		type: 'string',
		default: '',
		description: 'Corp mailbox (企业邮箱), 6–64 bytes, when corp mail is enabled',
	},
	{
		displayName: 'Direct Leaders',
		name: 'directLeaders',
		type: 'string',
		default: '',
		description: 'Member IDs of up to 5 direct superiors (直属上级), separated by commas',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the member can use WeCom (启用); disabled members keep their data',
	},
	{
		displayName: 'Extra Attributes',
		name: 'extraAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Attribute',
		description:
			'Custom fields (扩展属性) defined in the admin console, e.g. 工号; unknown names are ignored by WeCom',
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: '工号' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Text', value: 'text' },
							{ name: 'Web Link', value: 'web' },
						],
						default: 'text',
					},
					{
						displayName: 'Value or URL',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Text up to 64 characters, or the link',
					},
					{
						displayName: 'Link Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Title of a web link, up to 12 characters',
						displayOptions: { show: { type: ['web'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'External Position',
		name: 'externalPosition',
		type: 'string',
		default: '',
		description: 'Position shown to external contacts, up to 12 characters',
	},
	genderField,
	{
		displayName: 'Leader In Department IDs',
		name: 'leaderIn',
		type: 'string',
		default: '',
		description:
			'Which of the member’s departments they head (部门负责人); IDs separated by commas',
	},
	{
		displayName: 'Main Department ID',
		name: 'mainDepartment',
		type: 'string',
		default: '',
		description: 'One of the member’s departments (主部门)',
	},
	{
		displayName: 'Orders In Departments',
		name: 'orders',
		type: 'string',
		default: '',
		description:
			'Sort value in each department, in the order of the departments, separated by commas (bigger first)',
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'string',
		default: '',
		description: 'Job title (职务), up to 128 characters',
	},
	{
		displayName: 'Telephone',
		name: 'telephone',
		type: 'string',
		default: '',
		description: 'Desk phone (座机), up to 32 of digits and -+,',
	},
];

export const createOnlyFields: INodeProperties[] = [
	{
		displayName: 'Send Invitation',
		name: 'toInvite',
		type: 'boolean',
		default: true,
		description: 'Whether WeCom invites the new member to join by SMS or email (邀请)',
	},
];

export const updateOnlyFields: INodeProperties[] = [
	{
		displayName: 'Department IDs',
		name: 'departments',
		type: 'string',
		default: '',
		description: 'Replaces the member’s departments; IDs separated by commas (up to 100)',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		description: 'Ignored by WeCom once the member has activated their account',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{
		displayName: 'New Member ID',
		name: 'newUserId',
		type: 'string',
		default: '',
		description: 'A WeCom-generated member ID may be changed once',
	},
];

export const additionalFields = [...optionalFields, ...createOnlyFields].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);
export const updateFields = [...optionalFields, ...updateOnlyFields].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);
