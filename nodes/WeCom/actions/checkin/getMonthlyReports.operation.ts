import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { collectByWindow, readListInput, type ListInput } from './collect';
import { rangeFields } from './fields';
import { ENDPOINTS } from './limits';
import { shapeMonthReport } from './output';
import { monthWindows } from './period';

export const option: OperationOption = {
	name: 'Get Monthly Reports',
	value: 'getMonthlyReports',
	action: 'Get monthly attendance reports',
	description: 'Each member’s month: work days, exception days, hours (月报 getcheckin_monthdata)',
};

export const description: INodeProperties[] = rangeFields('getMonthlyReports');

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	return readListInput(this, i, monthWindows);
}

/**
 * Monthly reports (getcheckin_monthdata): one item per member and calendar month; a range that
 * starts or ends inside a month gets that part of the month.
 */
export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	const zone = this.getTimezone();
	const endpoint = ENDPOINTS.monthlyReports;
	return await collectByWindow(this, input, itemIndex, endpoint, 'reports', (response, window) => {
		return ((response.datas as IDataObject[] | undefined) ?? []).map((data) => {
			const base = (data.base_info as IDataObject | undefined) ?? {};
			return {
				userId: String(base.acctid),
				sortKey: window.starttime,
				item: shapeMonthReport(data, window, zone, input.includeRaw),
			};
		});
	});
}
