import type { INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/list';

import { memberLocator } from '../common/members';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import { meetingDetailFields, remindBeforeField } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { cancel, create, get, getAll, update };

const show = (...operation: string[]) => ({ show: { resource: ['meeting'], operation } });

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['meeting'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a meeting',
				description: 'Cancel an upcoming meeting, or one occurrence of a series (取消会议)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a meeting',
				description: 'Book a meeting and get its ID, meeting code and join link (创建预约会议)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a meeting',
				description: 'Get a meeting’s details, attendees and status',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many meetings',
				description: 'List a member’s meetings in a time range',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a meeting',
				description: 'Change an upcoming meeting',
			},
		],
		default: 'create',
	},

	// Create
	memberLocator({
		name: 'adminUserId',
		displayName: 'Admin',
		description: 'Meeting administrator (会议管理员): the member who owns the meeting',
		required: true,
		displayOptions: show('create'),
	}),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Meeting title (会议标题), 1 to 255 characters',
		displayOptions: show('create'),
	},
	{
		displayName: 'Start',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the meeting starts, in the workflow timezone unless the value carries an offset. Accepts ISO text or Unix seconds/milliseconds from an expression. Must be in the future.',
		displayOptions: show('create'),
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		typeOptions: { minValue: 5, maxValue: 1439 },
		required: true,
		default: 60,
		description: 'Between 5 minutes and 23 h 59 min',
		displayOptions: show('create'),
	},
	...meetingDetailFields('create'),
	remindBeforeField('create'),

	// Update, Cancel
	{
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		required: true,
		default: '',
		description: 'The meetingId returned by Create or Get Many',
		displayOptions: show('update', 'cancel'),
	},
	...meetingDetailFields('update'),
	remindBeforeField('update'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('cancel', 'get'),
		options: [
			{
				displayName: 'Sub-Meeting ID',
				name: 'subMeetingId',
				type: 'string',
				default: '',
				description: 'One occurrence of a recurring series; leave empty for the whole series',
			},
		],
	},

	// Get
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		default: 'meetingId',
		options: [
			{ name: 'Meeting ID', value: 'meetingId' },
			{ name: 'Meeting Code', value: 'meetingCode' },
		],
		displayOptions: show('get'),
	},
	{
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: {
			show: { resource: ['meeting'], operation: ['get'], lookupBy: ['meetingId'] },
		},
	},
	{
		displayName: 'Meeting Code',
		name: 'meetingCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123-456-789',
		description: 'The meeting code (会议号, 9–12 digits) people use to join',
		displayOptions: {
			show: { resource: ['meeting'], operation: ['get'], lookupBy: ['meetingCode'] },
		},
	},

	// Get Many
	memberLocator({
		name: 'memberUserId',
		displayName: 'Member',
		description: 'Whose meetings to list',
		required: true,
		displayOptions: show('getAll'),
	}),
	{
		displayName: 'From',
		name: 'rangeStart',
		type: 'dateTime',
		required: true,
		default: '={{ $today.minus({ days: 7 }) }}',
		description:
			'Start of the time range (workflow timezone). Ranges longer than 180 days are split into several calls.',
		displayOptions: show('getAll'),
	},
	{
		displayName: 'To',
		name: 'rangeEnd',
		type: 'dateTime',
		required: true,
		default: '={{ $today.plus({ days: 30 }) }}',
		description: 'End of the time range (workflow timezone)',
		displayOptions: show('getAll'),
	},
	...returnAllFields('meeting', 'getAll'),

	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('getAll'),
		options: [
			{
				displayName: 'Include Details',
				name: 'includeDetails',
				type: 'boolean',
				default: false,
				description: 'Whether to fetch each meeting’s details (one extra call per meeting)',
			},
		],
	},
];
