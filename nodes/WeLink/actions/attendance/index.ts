import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as getRecords from './getRecords.operation';

export const operations = { getRecords };

export const description: INodeProperties[] = [
	operationPicker(
		'attendance',
		Object.values(operations).map((op) => op.option),
		'getRecords',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
