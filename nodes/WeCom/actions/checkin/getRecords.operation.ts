import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { collectByWindow, readListInput, type ListInput } from './collect';
import { rangeFields, show } from './fields';
import { ENDPOINTS } from './limits';
import { isoFormatter, shapeRecord } from './output';
import { recordWindows } from './period';

export const option: OperationOption = {
	name: 'Get Records',
	value: 'getRecords',
	action: 'Get punch records',
	description: 'Punch records: on/off duty and outing check-ins (打卡记录 getcheckindata)',
};

export const description: INodeProperties[] = rangeFields('getRecords', {
	displayName: 'Record Type',
	name: 'recordType',
	type: 'options',
	options: [
		{ name: 'All', value: 3 },
		{ name: 'On and Off Duty', value: 1, description: '上下班打卡' },
		{ name: 'Outing', value: 2, description: '外出打卡' },
	],
	default: 3,
	displayOptions: show('getRecords'),
});

/** opencheckindatatype: 1 on/off duty, 2 outing, 3 all. */
const KINDS = [1, 2, 3];

interface RecordsInput extends ListInput {
	kind: number;
}

export function prepare(this: IExecuteFunctions, i: number): RecordsInput {
	const kind = Number(this.getNodeParameter('recordType', i, 3));
	if (!KINDS.includes(kind))
		throw inputError(
			this,
			i,
			'Record Type',
			`${String(kind)} is not a record type`,
			'Use 1 (on/off duty), 2 (outing) or 3 (all).',
		);
	return { ...readListInput(this, i, recordWindows), kind };
}

/** Punch records (getcheckindata): ≤100 members and ≤30 days per call, any range and number of members. */
export async function execute(this: IExecuteFunctions, input: RecordsInput, itemIndex: number) {
	const iso = isoFormatter(this.getTimezone());
	const endpoint = ENDPOINTS.records;
	return await collectByWindow(
		this,
		input,
		itemIndex,
		endpoint,
		'records',
		(response) => {
			return ((response.checkindata as IDataObject[] | undefined) ?? []).map((record) => ({
				userId: String(record.userid),
				sortKey: Number(record.checkin_time ?? 0),
				item: shapeRecord(record, iso, input.includeRaw),
			}));
		},
		{ opencheckindatatype: input.kind },
	);
}
