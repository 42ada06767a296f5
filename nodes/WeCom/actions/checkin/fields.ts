import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { listPickerField } from '../../../shared/fields';
import { returnAllFields } from '../../../shared/list';
import { membersField } from '../common/fields';

export const RESOURCE = 'checkin';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** Whose data an operation reads: members, departments or everyone the app sees. */
export function whoFields(operation: string): INodeProperties[] {
	const showWho = (extra: Record<string, unknown[]> = {}) => ({
		show: { resource: [RESOURCE], operation: [operation], ...extra },
		// "Who" does not apply to the corp's rule list.
		hide: { ruleScope: ['corp'] },
	});
	return [
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
			displayOptions: showWho(),
		},
		membersField({
			name: 'members',
			displayName: 'Members',
			description:
				'Member IDs (账号); any number, asked for 100 per call as WeCom requires (1,000 members = 10 calls per time window).',
			displayOptions: showWho({ who: ['members'] }),
		}),
		listPickerField({
			name: 'departments',
			displayName: 'Department Names or IDs',
			description: 'Departments (部门) whose members’ data to read.',
			loadOptionsMethod: 'getDepartments',
			displayOptions: showWho({ who: ['departments'] }),
		}),
		{
			displayName: 'Include Sub-Departments',
			name: 'includeSubDepartments',
			type: 'boolean',
			default: true,
			description:
				'Whether to include the members of all departments below the chosen ones (found with department/simplelist)',
			displayOptions: showWho({ who: ['departments'] }),
		},
	];
}

/** The range of days an operation reads (records, reports, schedules). */
function periodFields(operation: string): INodeProperties[] {
	const custom = { show: { resource: [RESOURCE], operation: [operation], period: ['custom'] } };
	return [
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
			displayOptions: show(operation),
		},
		{
			displayName: 'Start',
			name: 'start',
			type: 'dateTime',
			required: true,
			default: '={{ $today.minus({ days: 7 }) }}',
			description:
				'First day or moment of the range (workflow timezone unless the value carries an offset)',
			displayOptions: custom,
		},
		{
			displayName: 'End',
			name: 'end',
			type: 'dateTime',
			required: true,
			default: '={{ $today.minus({ days: 1 }) }}',
			description:
				'Last day or moment of the range, included; a date without a time (00:00) includes that whole day',
			displayOptions: custom,
		},
	];
}

/** Raw data and output shape of the operations over a range of days. */
function rangeOptionsField(operation: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(operation),
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
	};
}

/** Who and when, then the limit and options: the fields of an operation over a range of days. */
export function rangeFields(operation: string, ...ownFields: INodeProperties[]): INodeProperties[] {
	return [
		...whoFields(operation),
		...periodFields(operation),
		...ownFields,
		...returnAllFields(RESOURCE, [operation]),
		rangeOptionsField(operation),
	];
}
