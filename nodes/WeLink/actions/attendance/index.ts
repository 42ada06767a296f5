import type { INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../common/fields';
import * as getRecords from './getRecords.operation';
import { WELINK_ZONE } from './getRecords.operation';

export { getRecords };

const show = { show: { resource: ['attendance'], operation: ['getRecords'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attendance'] } },
		options: [
			{
				name: 'Get Punch Records',
				value: 'getRecords',
				action: 'Get punch records',
				description: 'Clock-in records of people over a time range (获取打卡记录)',
			},
		],
		default: 'getRecords',
	},
	{
		displayName: 'Employee Numbers',
		name: 'employeeIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'E001, E002',
		description:
			'Employee numbers (员工企业标识, maintained in the WeLink admin console), as a list or separated by commas; any number, asked 50 at a time',
		displayOptions: show,
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '={{ $today.minus({ days: 1 }) }}',
		description:
			'Start of the range (workflow timezone). Ranges longer than 24 hours are split into several calls.',
		displayOptions: show,
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '={{ $today }}',
		description: 'End of the range (workflow timezone)',
		displayOptions: show,
	},
	...returnAllFields('attendance', 'getRecords'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'WeLink Time Zone',
				name: 'weLinkTimezone',
				type: 'string',
				default: WELINK_ZONE,
				description:
					'The clock WeLink writes punch times in and reads the range in (China Standard Time on the public cloud). Outputs are in the workflow timezone either way.',
			},
		],
	},
];
