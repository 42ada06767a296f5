import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectByWindow, readListInput, type ListInput } from './collect';
import { ENDPOINTS } from './limits';
import { shapeMonthReport } from './output';
import { monthWindows } from './period';

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
