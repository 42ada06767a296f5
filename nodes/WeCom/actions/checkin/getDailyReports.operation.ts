import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collect, readListInput, type ListInput } from './collect';
import { ENDPOINTS } from './limits';
import { shapeDayReport } from './output';
import { dayReportWindows } from './period';
import { checkinRequest } from './request';

export function prepare(this: IExecuteFunctions, i: number): ListInput {
	return readListInput(this, i, dayReportWindows);
}

/** Daily reports (getcheckin_daydata): one item per member and day. */
export async function execute(this: IExecuteFunctions, input: ListInput, itemIndex: number) {
	const zone = this.getTimezone();
	const endpoint = ENDPOINTS.dailyReports;
	return await collect(this, input, itemIndex, endpoint, 'reports', async (window, userids) => {
		const response = await checkinRequest(
			this,
			endpoint,
			{ starttime: window.starttime, endtime: window.endtime, useridlist: userids },
			itemIndex,
			userids,
		);
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
