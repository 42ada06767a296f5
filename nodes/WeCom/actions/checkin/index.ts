import type { INodeProperties } from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';

import { returnAllFields } from '../../../shared/list';

import { membersField } from '../common/members';
import * as getDailyReports from './getDailyReports.operation';
import * as getMonthlyReports from './getMonthlyReports.operation';
import * as getRecords from './getRecords.operation';
import * as getRules from './getRules.operation';
import * as getSchedules from './getSchedules.operation';

export { getDailyReports, getMonthlyReports, getRecords, getRules, getSchedules };

/** The resource's operations by value, for the router. */
export const operations = {
	getRecords,
	getDailyReports,
	getMonthlyReports,
	getRules,
	getSchedules,
};

const RANGE_OPERATIONS = ['getRecords', 'getDailyReports', 'getMonthlyReports', 'getSchedules'];
const ALL_OPERATIONS = [...RANGE_OPERATIONS, 'getRules'];

const show = (operation: string[], extra: Record<string, unknown[]> = {}) => ({
	show: { resource: ['checkin'], operation, ...extra },
	// "Who" does not apply to the corp's rule list.
	hide: { ruleScope: ['corp'] },
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['checkin'] } },
		options: [
			{
				name: 'Get Daily Reports',
				value: 'getDailyReports',
				action: 'Get daily attendance reports',
				description:
					'Each member’s day: hours worked, late, early leave, missing, absent, leave (日报 getcheckin_daydata)',
			},
			{
				name: 'Get Monthly Reports',
				value: 'getMonthlyReports',
				action: 'Get monthly attendance reports',
				description:
					'Each member’s month: work days, exception days, hours (月报 getcheckin_monthdata)',
			},
			{
				name: 'Get Records',
				value: 'getRecords',
				action: 'Get punch records',
				description: 'Punch records: on/off duty and outing check-ins (打卡记录 getcheckindata)',
			},
			{
				name: 'Get Rules',
				value: 'getRules',
				action: 'Get attendance rules',
				description: 'The rules of members on a day, or all rules of the corp (打卡规则)',
			},
			{
				name: 'Get Schedules',
				value: 'getSchedules',
				action: 'Get shift schedules',
				description: 'Members’ shifts per day for shift-based rules (排班 getcheckinschedulist)',
			},
		],
		default: 'getRecords',
	},

	// Get Rules: which rules
	{
		displayName: 'Rules',
		name: 'ruleScope',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Rules of the Corp',
				value: 'corp',
				description: 'Every check-in rule (getcorpcheckinoption)',
			},
			{
				name: 'Rules of Members on a Day',
				value: 'members',
				description: 'The rule each member has on one day (getcheckinoption)',
			},
		],
		default: 'members',
		displayOptions: { show: { resource: ['checkin'], operation: ['getRules'] } },
	},

	// Who
	{
		displayName: 'Who',
		name: 'who',
		type: 'options',
		options: [
			{
				name: 'Departments',
				value: 'departments',
				description: 'The members of departments (read with user/simplelist)',
			},
			{
				name: 'Everyone Visible to the App',
				value: 'all',
				description: 'Every member in the app’s visible range (可见范围)',
			},
			{ name: 'Members', value: 'members', description: 'Members picked or given by ID' },
		],
		default: 'members',
		displayOptions: show(ALL_OPERATIONS),
	},
	membersField({
		name: 'members',
		displayName: 'Members',
		description:
			'Member IDs (账号); any number, asked for 100 per call as WeCom requires (1,000 members = 10 calls per time window).',
		displayOptions: show(ALL_OPERATIONS, { who: ['members'] }),
	}),
	listPickerField({
		name: 'departments',
		displayName: 'Department Names or IDs',
		description: 'Departments (部门) whose members’ data to read.',
		loadOptionsMethod: 'getDepartments',
		displayOptions: show(ALL_OPERATIONS, { who: ['departments'] }),
	}),
	{
		displayName: 'Include Sub-Departments',
		name: 'includeSubDepartments',
		type: 'boolean',
		default: true,
		description:
			'Whether to include the members of all departments below the chosen ones (found with department/simplelist)',
		displayOptions: show(ALL_OPERATIONS, { who: ['departments'] }),
	},

	// When
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{
				name: 'Custom Range',
				value: 'custom',
				description: 'From Start to End; long ranges are split into the calls WeCom allows',
			},
			{ name: 'Last 7 Days', value: 'last7Days', description: 'The 7 whole days before today' },
			{ name: 'Last Month', value: 'lastMonth', description: 'The previous calendar month' },
			{ name: 'This Month', value: 'thisMonth', description: 'The current calendar month' },
			{ name: 'Today', value: 'today' },
			{ name: 'Yesterday', value: 'yesterday' },
		],
		default: 'yesterday',
		description: 'Whole days in the workflow’s timezone, evaluated when the node runs',
		displayOptions: { show: { resource: ['checkin'], operation: RANGE_OPERATIONS } },
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '={{ $today.minus({ days: 7 }) }}',
		description:
			'First day or moment of the range (workflow timezone unless the value carries an offset)',
		displayOptions: {
			show: { resource: ['checkin'], operation: RANGE_OPERATIONS, period: ['custom'] },
		},
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '={{ $today.minus({ days: 1 }) }}',
		description:
			'Last day or moment of the range, included; a date without a time (00:00) includes that whole day',
		displayOptions: {
			show: { resource: ['checkin'], operation: RANGE_OPERATIONS, period: ['custom'] },
		},
	},
	{
		displayName: 'Day',
		name: 'day',
		type: 'dateTime',
		required: true,
		default: '={{ $today }}',
		description:
			'The day whose rules to read (workflow timezone); rules can differ from day to day',
		displayOptions: {
			show: { resource: ['checkin'], operation: ['getRules'], ruleScope: ['members'] },
		},
	},

	// Get Records
	{
		displayName: 'Record Type',
		name: 'recordType',
		type: 'options',
		options: [
			{ name: 'All', value: 3 },
			{ name: 'On and Off Duty', value: 1, description: '上下班打卡' },
			{ name: 'Outing', value: 2, description: '外出打卡' },
		],
		default: 3,
		displayOptions: { show: { resource: ['checkin'], operation: ['getRecords'] } },
	},

	...returnAllFields('checkin', ALL_OPERATIONS),

	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['checkin'], operation: RANGE_OPERATIONS } },
		options: [
			{
				displayName: 'Include Raw Data',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add WeCom’s own fields of each record or report under raw',
			},
			{
				displayName: 'Output',
				name: 'outputMode',
				type: 'options',
				options: [
					{
						name: 'One Item per Member',
						value: 'member',
						description:
							'Each member with a list of their records/reports; Limit then counts members',
					},
					{ name: 'One Item per Record or Report', value: 'record' },
				],
				default: 'record',
			},
		],
	},
];
