import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as request from './request.operation';

/** API Request: any WeLink open API, through the node's transport. */
export const operations = { request };

export const description: INodeProperties[] = [
	operationPicker(
		'apiRequest',
		Object.values(operations).map((op) => op.option),
		'request',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
