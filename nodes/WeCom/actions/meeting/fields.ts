import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { membersField } from '../common/fields';

export const RESOURCE = 'meeting';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** The meeting to change or cancel. */
export function meetingIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		required: true,
		default: '',
		description: 'The meetingId returned by Create or Get Many',
		displayOptions: show(...operations),
	};
}

/** One occurrence of a recurring series, for the operations that may address only one. */
export function subMeetingOptionsField(operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(...operations),
		options: [
			{
				displayName: 'Sub-Meeting ID',
				name: 'subMeetingId',
				type: 'string',
				default: '',
				description: 'One occurrence of a recurring series; leave empty for the whole series',
			},
		],
	};
}

/**
 * Fields shared by Create and Update (meeting/create and meeting/update take the same objects).
 * Everything optional sits in collections, so only what the user sets is sent.
 */
export function meetingDetailFields(operation: 'create' | 'update'): INodeProperties[] {
	return [
		{
			displayName: operation === 'create' ? 'Additional Fields' : 'Update Fields',
			name: operation === 'create' ? 'additionalFields' : 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(operation),
			options: [
				...(operation === 'update'
					? ([
							{
								displayName: 'Title',
								name: 'title',
								type: 'string',
								default: '',
								description: 'Meeting title (会议标题), 1 to 255 characters',
							},
							{
								displayName: 'Start',
								name: 'startTime',
								type: 'dateTime',
								default: '',
								description:
									'New start, in the workflow timezone unless the value carries an offset. Must be in the future. The duration is sent along (the current one if not changed).',
							},
							{
								displayName: 'Duration (Minutes)',
								name: 'durationMinutes',
								type: 'number',
								typeOptions: { minValue: 5, maxValue: 1439 },
								default: 60,
								description: 'Between 5 minutes and 23 h 59 min',
							},
						] as INodeProperties[])
					: []),
				{
					displayName: 'Calendar ID',
					name: 'calendarId',
					type: 'string',
					default: '',
					description:
						'Calendar (cal_id) created by the same app to put the meeting in; at most 64 bytes',
				},
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'Meeting description (会议描述), at most 500 bytes',
				},
				membersField({
					name: 'invitees',
					displayName: 'Invitees',
					description:
						operation === 'update'
							? 'Members invited to the meeting (参会人员). Replaces the current invitees.'
							: 'Members invited to the meeting (参会人员), at most 300 (100 for corps without a paid meeting licence).',
				}),
				{
					displayName: 'Location',
					name: 'location',
					type: 'string',
					default: '',
					description: 'Meeting location (会议地点), at most 128 characters',
				},
			],
		},
		{
			displayName: 'Settings',
			name: 'settings',
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			displayOptions: show(operation),
			options: [
				{
					displayName: 'Allow Joining Before Host',
					name: 'allowEnterBeforeHost',
					type: 'boolean',
					default: true,
					description: 'Whether members may join before the host (允许成员在主持人进会前加入)',
				},
				{
					displayName: 'Allow Self-Unmute',
					name: 'allowUnmuteSelf',
					type: 'boolean',
					default: true,
					description: 'Whether participants may unmute themselves',
				},
				{
					displayName: 'Auto Recording',
					name: 'autoRecordType',
					type: 'options',
					default: 'none',
					options: [
						{ name: 'Cloud', value: 'cloud' },
						{ name: 'Local', value: 'local' },
						{ name: 'None', value: 'none' },
					],
					description:
						'Record automatically when the host joins; must match the corp’s recording policy',
				},
				{
					displayName: 'Enable Host Key',
					name: 'enableHostKey',
					type: 'boolean',
					default: false,
					description: 'Whether a host key lets others claim the host role',
				},
				{
					displayName: 'Enable Screen Watermark',
					name: 'enableScreenWatermark',
					type: 'boolean',
					default: false,
					description: 'Whether shared screens carry a watermark (屏幕水印)',
				},
				{
					displayName: 'Enable Waiting Room',
					name: 'enableWaitingRoom',
					type: 'boolean',
					default: false,
					description: 'Whether members wait in a waiting room (等候室) until admitted',
				},
				{
					displayName: 'Host Key',
					name: 'hostKey',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'Six digits; WeCom picks one when Enable Host Key is on and this is empty',
				},
				membersField({
					name: 'hosts',
					displayName: 'Hosts',
					description: 'Co-hosts (会议主持人), at most 10. Needs WeCom’s paid meeting features.',
				}),
				{
					displayName: 'Mute All',
					name: 'muteAll',
					type: 'boolean',
					default: false,
					description: 'Whether everyone is muted; takes effect only with Allow Self-Unmute off',
				},
				{
					displayName: 'Mute on Entry',
					name: 'enableEnterMute',
					type: 'options',
					default: 2,
					options: [
						{ name: 'Always', value: 1 },
						{ name: 'Never', value: 0 },
						{ name: 'When More Than 6 Participants', value: 2 },
					],
					description: 'Whether members are muted when they join (成员入会时静音)',
				},
				{
					displayName: 'Password',
					name: 'password',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					description: 'Join password (入会密码): 4 to 6 digits',
				},
				{
					displayName: 'Ring Reminder',
					name: 'remindScope',
					type: 'options',
					default: 2,
					options: [
						{ name: 'All Members', value: 3 },
						{ name: 'Host Only', value: 2 },
						{ name: 'No One', value: 1 },
						{ name: 'Ring Users Only', value: 4 },
					],
					description: 'Who gets a ringing call when the meeting starts (会议提醒方式)',
				},
				membersField({
					name: 'ringUsers',
					displayName: 'Ring Users',
					description: 'Members who get a ringing call, used with Ring Reminder "Ring Users Only".',
				}),
				{
					displayName: 'Watermark Style',
					name: 'watermarkType',
					type: 'options',
					default: 0,
					options: [
						{ name: 'Multiple Rows', value: 1 },
						{ name: 'Single Row', value: 0 },
					],
					description: 'Used when the screen watermark is on',
				},
				{
					displayName: 'Who May Join',
					name: 'whoMayJoin',
					type: 'options',
					default: 'everyone',
					options: [
						{ name: 'Everyone', value: 'everyone' },
						{ name: 'Corp Members Only', value: 'internal' },
					],
					description: 'Whether people outside the corp may join (所有成员可入会)',
				},
			],
		},
		{
			displayName: 'Recurrence',
			name: 'recurrence',
			type: 'collection',
			placeholder: 'Add Recurrence Rule',
			default: {},
			displayOptions: show(operation),
			options: [
				{
					displayName: 'End After (Occurrences)',
					name: 'repeatCount',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 200 },
					default: 7,
					description:
						'Number of occurrences: at most 200 for daily, workday and weekly, 50 for monthly or every 2 weeks. Ignored when End On is set.',
				},
				{
					displayName: 'End On',
					name: 'repeatUntil',
					type: 'dateTime',
					default: '',
					description:
						'Last day of the series, in the workflow’s timezone. A date without a time (00:00) means the end of that day, so a meeting later that day is included. Must be after the start.',
				},
				{
					displayName: 'Every N Weeks',
					name: 'repeatInterval',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 2 },
					default: 1,
					description: 'Weekly series only: 1 = every week, 2 = every other week',
				},
				{
					displayName: 'Repeat',
					name: 'repeatType',
					type: 'options',
					default: 1,
					options: [
						{ name: 'Daily', value: 0 },
						{ name: 'Every Workday', value: 7 },
						{ name: 'Monthly', value: 2 },
						{ name: 'Weekly', value: 1 },
					],
					description: 'Makes the meeting a recurring series (周期性会议)',
				},
			],
		},
	];
}

export const remindBeforeField = (operation: 'create' | 'update'): INodeProperties => ({
	displayName: 'Remind Before',
	name: 'remindBefore',
	type: 'multiOptions',
	default: [],
	options: [
		{ name: '1 Day Before', value: 86400 },
		{ name: '1 Hour Before', value: 3600 },
		{ name: '15 Minutes Before', value: 900 },
		{ name: '5 Minutes Before', value: 300 },
		{ name: 'At Start', value: 0 },
	],
	description: 'When WeCom reminds the members (会议开始前多久提醒); none by default',
	displayOptions: show(operation),
});
