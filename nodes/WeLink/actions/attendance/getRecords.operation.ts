import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { IANAZone, type DateTime } from 'luxon';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import { showFor, type OperationOption } from '../../../shared/display';
import { toDateTime } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { readIdList } from '../common/read';
import { readLimit, returnAllFields } from '../../../shared/list';
import {
	CONCURRENCY,
	MAX_PEOPLE_PER_CALL,
	TIME_FORMAT,
	WELINK_ZONE,
	walk,
	windows,
	withIsoTimes,
	type Query,
} from './records';

const show = showFor('attendance', 'getRecords');

export const option: OperationOption = {
	name: 'Get Punch Records',
	value: 'getRecords',
	action: 'Get punch records',
	description: 'Clock-in records of people over a time range (获取打卡记录)',
};

export const description: INodeProperties[] = [
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

interface RecordsInput {
	queries: Query[];
	limit?: number;
	/** WeLink's zone: its zone-less times are read in it. */
	weLinkZone: string;
}

function readTime(ctx: IExecuteFunctions, i: number, name: string, field: string, zone: string) {
	const value = ctx.getNodeParameter(name, i, '');
	const dt = toDateTime(value, zone);
	if (!dt)
		throw inputError(
			ctx,
			i,
			field,
			value === '' || value === undefined || value === null
				? 'is required'
				: `"${String(value)}" is not a date and time`,
			'Use an ISO date-time, "2026-03-01 09:00" or Unix seconds.',
		);
	return dt;
}

function readWeLinkZone(ctx: IExecuteFunctions, i: number) {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const zone = String(options.weLinkTimezone ?? WELINK_ZONE).trim() || WELINK_ZONE;
	if (!IANAZone.isValidZone(zone))
		throw inputError(
			ctx,
			i,
			'WeLink Time Zone',
			`"${zone}" is not a time zone`,
			`Give an IANA zone name such as ${WELINK_ZONE}.`,
		);
	return zone;
}

export function prepare(this: IExecuteFunctions, i: number): RecordsInput {
	// The range is the user's, in the workflow timezone; WeLink is asked in its own clock.
	const zone = this.getTimezone();
	const weLinkZone = readWeLinkZone(this, i);
	const people = readIdList(
		this,
		i,
		'Employee Numbers',
		this.getNodeParameter('employeeIds', i, ''),
		{
			what: 'employee number',
			required: true,
		},
	);
	const from = readTime(this, i, 'from', 'From', zone).startOf('second');
	const to = readTime(this, i, 'to', 'To', zone).startOf('second');
	if (to <= from)
		throw inputError(
			this,
			i,
			'To',
			`${to.toISO()} is not after From ${from.toISO()}`,
			'Swap the two dates.',
		);
	const queries: Query[] = [];
	const weLinkTime = (dt: DateTime) => dt.setZone(weLinkZone).toFormat(TIME_FORMAT);
	for (const group of chunk(people, MAX_PEOPLE_PER_CALL))
		for (const [start, end] of windows(from, to))
			queries.push({ userIdList: group, startTime: weLinkTime(start), endTime: weLinkTime(end) });
	return { queries, limit: readLimit(this, i), weLinkZone };
}

/**
 * Every (people group × 24 h window) is one query, paged; three queries run at a time, in waves, so a
 * limit stops further calls.
 */
export async function execute(this: IExecuteFunctions, input: RecordsInput, itemIndex: number) {
	const zone = this.getTimezone();
	const out: IDataObject[] = [];
	for (const wave of chunk(input.queries, CONCURRENCY)) {
		const remaining = input.limit === undefined ? undefined : input.limit - out.length;
		const pages = await mapWithConcurrency(
			wave,
			CONCURRENCY,
			async (query) => await walk(this, query, remaining, itemIndex),
		);
		for (const record of pages.flat()) {
			out.push(withIsoTimes(record, input.weLinkZone, zone));
			if (input.limit !== undefined && out.length >= input.limit) return out;
		}
	}
	return out;
}
