import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { mapWithConcurrency } from '../../../shared/batching';
import { collectPages } from '../../../shared/pagination';
import { splitRange, toDateTime, unixSeconds } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { memberLocator } from '../common/fields';
import { readMemberLocator } from '../common/read';
import { RESOURCE, show } from './fields';
import { flattenMeeting } from './output';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many meetings',
	description: 'List a member’s meetings in a time range',
};

export const description: INodeProperties[] = [
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
	...returnAllFields(RESOURCE, 'getAll'),
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

/** get_user_meetingid accepts at most 180 days per call; longer ranges are split. */
export const MAX_RANGE_SECONDS = 180 * 86400;
const PAGE_SIZE = 100;
const DETAIL_CONCURRENCY = 5;

interface ListInput {
	userid: string;
	windows: Array<[number, number]>;
	limit?: number;
	includeDetails: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	const userid = readMemberLocator(this, i, 'memberUserId', 'Member');
	const zone = this.getTimezone();
	const from = toDateTime(this.getNodeParameter('rangeStart', i), zone);
	const to = toDateTime(this.getNodeParameter('rangeEnd', i), zone);
	if (!from)
		throw inputError(
			this,
			i,
			'From',
			'is not a date and time',
			'Use an ISO date-time or Unix seconds.',
		);
	if (!to)
		throw inputError(
			this,
			i,
			'To',
			'is not a date and time',
			'Use an ISO date-time or Unix seconds.',
		);
	if (to <= from)
		throw inputError(
			this,
			i,
			'To',
			`${to.toISO()} is not after From ${from.toISO()}`,
			'Swap the two dates.',
		);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	return {
		userid,
		windows: splitRange(unixSeconds(from), unixSeconds(to), MAX_RANGE_SECONDS),
		limit: readLimit(this, i),
		includeDetails: options.includeDetails === true,
	};
}

export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	const ids: string[] = [];
	for (const [begin, end] of input.windows) {
		const remaining = input.limit === undefined ? undefined : input.limit - ids.length;
		if (remaining !== undefined && remaining <= 0) break;
		const page = await collectPages<string>(async (cursor) => {
			const response = await weComApiRequest.call(this, {
				method: 'POST',
				path: '/cgi-bin/meeting/get_user_meetingid',
				body: {
					userid: input.userid,
					cursor: cursor ?? '0',
					begin_time: begin,
					end_time: end,
					limit: PAGE_SIZE,
				},
				idempotent: true,
				itemIndex,
			});
			const next = response.next_cursor;
			return {
				items: (response.meetingid_list as string[] | undefined) ?? [],
				next: typeof next === 'string' && next !== '' && next !== '0' ? next : undefined,
			};
		}, remaining);
		for (const id of page) if (!ids.includes(id)) ids.push(id);
	}
	if (!input.includeDetails) return ids.map((meetingId) => ({ meetingId }));
	const zone = this.getTimezone();
	return await mapWithConcurrency(ids, DETAIL_CONCURRENCY, async (meetingId) =>
		flattenMeeting(
			meetingId,
			await weComApiRequest.call(this, {
				method: 'POST',
				path: '/cgi-bin/meeting/get_info',
				body: { meetingid: meetingId },
				idempotent: true,
				itemIndex,
			}),
			zone,
		),
	);
}
