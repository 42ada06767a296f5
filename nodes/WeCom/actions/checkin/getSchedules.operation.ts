import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { collectByWindow, readListInput, type ListInput } from './collect';
import { rangeFields } from './fields';
import { ENDPOINTS } from './limits';
import { shapeScheduleDays } from './output';
import { monthWindows } from './period';

export const option: OperationOption = {
	name: 'Get Schedules',
	value: 'getSchedules',
	action: 'Get shift schedules',
	description: 'Members’ shifts per day for shift-based rules (排班 getcheckinschedulist)',
};

export const description: INodeProperties[] = rangeFields('getSchedules');

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	return readListInput(this, i, monthWindows);
}

/**
 * Shift schedules (getcheckinschedulist, rules "按班次上下班" only): one item per member and day,
 * one call per calendar month and 100 members.
 */
export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	const zone = this.getTimezone();
	const endpoint = ENDPOINTS.schedules;
	return await collectByWindow(
		this,
		input,
		itemIndex,
		endpoint,
		'schedules',
		(response, window) => {
			return ((response.schedule_list as IDataObject[] | undefined) ?? [])
				.flatMap((entry) => shapeScheduleDays(entry, zone, input.includeRaw))
				.filter(({ dateUnix }) => dateUnix >= window.starttime && dateUnix <= window.endtime)
				.map(({ dateUnix, item }) => ({ userId: String(item.userId), sortKey: dateUnix, item }));
		},
	);
}
