import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/batching';
import { readLimit, returnAllFields } from '../../../shared/list';
import { collectPages } from '../../../shared/pagination';
import { toDateTime, unixSeconds } from '../../../shared/time';
import { inputError, splitList } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { readMemberIds } from '../common/read';
import { approvalDetail } from './detail';
import { RESOURCE, show } from './fields';

/** oa/getapprovalinfo (path/91816): 31 days per call, 100 numbers per page, 600 calls a minute. */
export const MAX_WINDOW_SECONDS = 31 * 86400;
export const PAGE_SIZE = 100;
const DETAIL_CONCURRENCY = 5;

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many approvals',
	description:
		'Approval numbers submitted in any time range, optionally with details (批量获取审批单号)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Submitted From',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the range the approvals were submitted in (workflow timezone)',
		displayOptions: show('getAll'),
	},
	{
		displayName: 'Submitted To',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the range; any length, split into the 31-day windows WeCom allows',
		displayOptions: show('getAll'),
	},
	...returnAllFields(RESOURCE, ['getAll']),
	{
		displayName: 'Include Details',
		name: 'includeDetails',
		type: 'boolean',
		default: false,
		description: 'Whether to read each approval (one getapprovaldetail call per approval)',
		displayOptions: show('getAll'),
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('getAll'),
		options: [
			{
				displayName: 'Applicant',
				name: 'creator',
				type: 'string',
				default: '',
				placeholder: 'zhangsan',
				description: 'Member ID of the applicant (申请人)',
			},
			{
				displayName: 'Department Names or IDs',
				name: 'departments',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getDepartments' },
				default: [],
				description:
					'The applicant’s departments (提单者所在部门). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Record Type',
				name: 'recordType',
				type: 'options',
				default: 1,
				description: 'Kind of form (only approvals submitted after 2021-05-31 carry it)',
				options: [
					{ name: 'Business Trip (出差)', value: 3 },
					{ name: 'Leave (请假)', value: 1 },
					{ name: 'Meeting Room Booking (会议室预定)', value: 7 },
					{ name: 'Missed Punch (打卡补卡)', value: 2 },
					{ name: 'Outing (外出)', value: 4 },
					{ name: 'Overtime (加班)', value: 5 },
					{ name: 'Red Packet Reimbursement (红包报销)', value: 9 },
					{ name: 'Refund (退款)', value: 8 },
					{ name: 'Shift Swap (调班)', value: 6 },
				],
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 2,
				options: [
					{ name: 'Approved (已通过)', value: 2 },
					{ name: 'Deleted (已删除)', value: 7 },
					{ name: 'Paid (已支付)', value: 10 },
					{ name: 'Pending (审批中)', value: 1 },
					{ name: 'Rejected (已驳回)', value: 3 },
					{ name: 'Revoked After Approval (通过后撤销)', value: 6 },
					{ name: 'Withdrawn (已撤销)', value: 4 },
				],
			},
			{
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
				description: 'Only approvals of this template',
			},
		],
	},
];

interface GetAllInput {
	windows: Array<[number, number]>;
	filters: IDataObject[];
	limit?: number;
	includeDetails: boolean;
}

/** Windows of at most 31 days that neither overlap nor leave a second out (both ends are inclusive). */
export function approvalWindows(start: number, end: number): Array<[number, number]> {
	const windows: Array<[number, number]> = [];
	for (let from = start; from <= end; from += MAX_WINDOW_SECONDS + 1)
		windows.push([from, Math.min(end, from + MAX_WINDOW_SECONDS)]);
	return windows;
}

function readTime(ctx: IExecuteFunctions, i: number, name: string, field: string) {
	const value = toDateTime(ctx.getNodeParameter(name, i, ''), ctx.getTimezone());
	if (!value)
		throw inputError(
			ctx,
			i,
			field,
			'is not a date and time',
			'Use an n8n date-time, ISO text such as 2026-11-01 09:00, or Unix seconds.',
		);
	return unixSeconds(value);
}

export function prepare(this: IExecuteFunctions, i: number): GetAllInput {
	const start = readTime(this, i, 'start', 'Submitted From');
	const end = readTime(this, i, 'end', 'Submitted To');
	if (end <= start)
		throw inputError(
			this,
			i,
			'Submitted To',
			'is not after Submitted From',
			'Give an end later than the start.',
		);
	// Only the department filter may repeat (path/91816); the others take one value each.
	const raw = this.getNodeParameter('filters', i, {}) as IDataObject;
	const filters: IDataObject[] = [];
	const templateId = String(raw.templateId ?? '').trim();
	if (templateId) filters.push({ key: 'template_id', value: templateId });
	const creator = String(raw.creator ?? '').trim();
	if (creator)
		filters.push({ key: 'creator', value: readMemberIds(this, i, 'Applicant', creator, 1)[0] });
	for (const department of splitList(raw.departments)) {
		if (!/^\d+$/.test(department))
			throw inputError(
				this,
				i,
				'Departments',
				`"${department}" is not a department ID`,
				'Use numeric department IDs.',
			);
		filters.push({ key: 'department', value: department });
	}
	if (raw.status !== undefined) filters.push({ key: 'sp_status', value: String(raw.status) });
	if (raw.recordType !== undefined)
		filters.push({ key: 'record_type', value: String(raw.recordType) });
	return {
		windows: approvalWindows(start, end),
		filters,
		limit: readLimit(this, i),
		includeDetails: this.getNodeParameter('includeDetails', i, false) as boolean,
	};
}

export async function execute(this: IExecuteFunctions, input: GetAllInput, i: number) {
	const numbers: string[] = [];
	const seen = new Set<string>();
	for (const [from, to] of input.windows) {
		const remaining = input.limit === undefined ? undefined : input.limit - numbers.length;
		if (remaining !== undefined && remaining <= 0) break;
		const page = await collectPages<string>(async (cursor) => {
			const response = await weComApiRequest.call(this, {
				method: 'POST',
				path: '/cgi-bin/oa/getapprovalinfo',
				// Times as strings, as WeCom's own example sends them.
				body: {
					starttime: String(from),
					endtime: String(to),
					new_cursor: cursor === undefined ? '' : String(cursor),
					size: PAGE_SIZE,
					...(input.filters.length ? { filters: input.filters } : {}),
				},
				idempotent: true,
				itemIndex: i,
			});
			const next = response.new_next_cursor;
			return {
				items: ((response.sp_no_list as unknown[]) ?? []).map(String),
				next: typeof next === 'string' && next !== '' ? next : undefined,
			};
		}, remaining);
		for (const spNo of page) {
			if (seen.has(spNo)) continue;
			seen.add(spNo);
			numbers.push(spNo);
		}
	}
	const kept = input.limit === undefined ? numbers : numbers.slice(0, input.limit);
	if (!input.includeDetails) return kept.map((spNo) => ({ spNo }));
	return await mapWithConcurrency(kept, DETAIL_CONCURRENCY, async (spNo) =>
		approvalDetail(this, spNo, i),
	);
}
