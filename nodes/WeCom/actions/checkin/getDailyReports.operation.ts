import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { collectByWindow, readListInput, type ListInput } from './collect';
import { rangeFields } from './fields';
import { ENDPOINTS } from './limits';
import { shapeDayReport } from './output';
import { dayReportWindows } from './period';

export const option: OperationOption = {
	name: 'Get Daily Reports',
	value: 'getDailyReports',
	action: 'Get daily attendance reports',
	description:
		'Each member’s day: hours worked, late, early leave, missing, absent, leave (日报 getcheckin_daydata)',
};

export const description: INodeProperties[] = rangeFields('getDailyReports');

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	return readListInput(this, i, dayReportWindows);
}

/** Daily reports (getcheckin_daydata): one item per member and day. */
export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	const zone = this.getTimezone();
	const endpoint = ENDPOINTS.dailyReports;
	return await collectByWindow(this, input, itemIndex, endpoint, 'reports', (response) => {
		return ((response.datas as IDataObject[] | undefined) ?? []).map((data) => {
			const base = (data.base_info as IDataObject | undefined) ?? {};
			return {
				userId: String(base.acctid),
				sortKey: Number(base.date ?? 0),
				item: shapeDayReport(data, zone, input.includeRaw),
			};
		});
	});
}
