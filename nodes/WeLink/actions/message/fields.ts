import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { departmentsField, usersField } from '../common/fields';

export const RESOURCE = 'message';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

export const BILINGUAL = 'Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.';

export const IMAGE_URL =
	'The address WeLink returned for an image uploaded to WeLink (图片需先上传至WeLink). WeLink’s open API has no image upload, so the node cannot upload binary data for you.';

/** Send To and the users, departments or roles it asks for (cards, image, news). */
export function recipientFields(operations: string[]): INodeProperties[] {
	const when = (extra: IDataObject = {}) => ({
		show: { resource: [RESOURCE], operation: operations, ...extra },
	});
	return [
		{
			displayName: 'Send To',
			name: 'sendTo',
			type: 'options',
			default: 'users',
			options: [
				{
					name: 'Departments',
					value: 'departments',
					description: 'Everyone in the departments (msgRange 1), at most 100',
				},
				{
					name: 'Roles',
					value: 'roles',
					description: 'Everyone with the roles (msgRange 2), at most 100',
				},
				{
					name: 'Users',
					value: 'users',
					description: 'The users listed (msgRange 0), any number: sent 1,000 per call',
				},
			],
			displayOptions: when(),
		},
		usersField({
			name: 'users',
			displayName: 'User Names or IDs',
			description:
				'WeLink user IDs (e.g. zhangsan@welink); any number, sent 1,000 per call and merged into one output item.',
			displayOptions: when({ sendTo: ['users'] }),
		}),
		departmentsField({
			name: 'departments',
			displayName: 'Department Names or IDs',
			description: 'Department codes (deptCode), at most 100.',
			displayOptions: when({ sendTo: ['departments'] }),
		}),
		{
			displayName: 'Role IDs',
			name: 'roles',
			type: 'string',
			default: '',
			placeholder: 'role1, role2',
			description: 'Role IDs from the WeLink admin console, at most 100, separated by commas',
			displayOptions: when({ sendTo: ['roles'] }),
		},
	];
}

export function senderField(operations: string[]): INodeProperties {
	return {
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: '审批',
		description:
			'Small label above the message (msgOwner), at most 18 bytes (6 Chinese characters)',
		displayOptions: show(...operations),
	};
}

export function titleField(operations: string[]): INodeProperties {
	return {
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description:
			'Message title, at most 128 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
		displayOptions: show(...operations),
	};
}

export function contentField(operations: string[]): INodeProperties {
	return {
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description:
			'Message text, at most 512 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
		displayOptions: show(...operations),
	};
}

/** The required link of an app card or public account message. */
export function linkField(operations: string[]): INodeProperties {
	return {
		displayName: 'Link URL',
		name: 'link',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/approval/42',
		description: 'Opened when the message is tapped (http(s), or h5://… for a We码 app)',
		displayOptions: show(...operations),
	};
}

/** The message a status update or recall acts on. */
export function itemIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Item ID',
		name: 'itemId',
		type: 'string',
		required: true,
		default: '',
		description: 'The itemId output of the send',
		displayOptions: show(...operations),
	};
}

/** Entries of the send operations' Options collections; each operation picks its own. */
const ALL_OPTIONS: Record<string, INodeProperties> = {
	buttonLayout: {
		displayName: 'Button Layout',
		name: 'buttonLayout',
		type: 'options',
		default: 'horizontal',
		options: [
			{ name: 'Horizontal (Up to 2 Buttons)', value: 'horizontal' },
			{ name: 'Vertical (Up to 3 Buttons)', value: 'vertical' },
		],
		description: 'How the buttons are laid out (btnType)',
	},
	devices: {
		displayName: 'Devices',
		name: 'devices',
		type: 'options',
		default: '2',
		options: [
			{ name: 'Mobile and PC', value: '2' },
			{ name: 'Mobile Only', value: '1' },
			{ name: 'PC Only', value: '0' },
		],
		description: 'Where the message is shown (receiveDeviceType)',
	},
	displayMode: {
		displayName: 'Display Mode',
		name: 'displayMode',
		type: 'options',
		default: 0,
		options: [
			{ name: 'Mobile and PC Links', value: 0 },
			{ name: 'Mobile Only', value: 1 },
		],
		description: 'Where the message is shown (msgDisplayMode)',
	},
	link: {
		displayName: 'Link URL',
		name: 'link',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/approval/42',
		description: 'Opened when the message is tapped (http(s), or h5://… for a We码 app)',
	},
	pcLink: {
		displayName: 'PC Link URL',
		name: 'pcLink',
		type: 'string',
		default: '',
		description: 'Opened on PC instead of the link (desktopUrlPath); the link is used when empty',
	},
	publicAccountId: {
		displayName: 'Public Account ID',
		name: 'publicAccountId',
		type: 'string',
		default: '',
		description:
			'Send through this public account (公众号) instead of the notification centre (publicAccID; admin console → 公众号 → 公众号设置). Recipients must follow it.',
	},
	statusColor: {
		displayName: 'Status Color',
		name: 'statusColor',
		type: 'options',
		default: '1',
		options: [
			{ name: 'Blue', value: '1' },
			{ name: 'Grey', value: '2' },
			{ name: 'Orange', value: '3' },
		],
		description: 'Color of the status text',
	},
	statusCn: {
		displayName: 'Status (Chinese)',
		name: 'statusCn',
		type: 'string',
		default: '',
		placeholder: '待处理',
		description:
			'Status shown on the card (messageStatus), 2–5 Chinese characters; give the English one too. Shown on mobile 5.45 and later.',
	},
	statusEn: {
		displayName: 'Status (English)',
		name: 'statusEn',
		type: 'string',
		default: '',
		placeholder: 'Pending',
		description: 'English status, 2–10 characters',
	},
	strongReminder: {
		displayName: 'Strong Reminder',
		name: 'strongReminder',
		type: 'boolean',
		default: false,
		description: 'Whether the message pops up on PC (isForceTips)',
	},
};

export function messageOptions(operation: string, names: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(operation),
		options: names
			.map((name) => ALL_OPTIONS[name])
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
