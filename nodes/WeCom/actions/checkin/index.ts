import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { RESOURCE } from './fields';
import * as getDailyReports from './getDailyReports.operation';
import * as getMonthlyReports from './getMonthlyReports.operation';
import * as getRecords from './getRecords.operation';
import * as getRules from './getRules.operation';
import * as getSchedules from './getSchedules.operation';

/** Check-In (打卡): the app must be listed under 打卡 → 可调用接口的应用. */
export const operations = {
	getRecords,
	getDailyReports,
	getMonthlyReports,
	getRules,
	getSchedules,
};

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'getRecords',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
