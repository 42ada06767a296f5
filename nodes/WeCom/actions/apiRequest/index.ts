import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as request from './request.operation';

/** API Request: any WeCom server API, through the node's transport. */
const all = { request };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		'apiRequest',
		Object.values(all).map((op) => op.option),
		'request',
	),
	...Object.values(all).flatMap((op) => op.description),
];
