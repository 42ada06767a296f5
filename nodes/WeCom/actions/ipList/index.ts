import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { RESOURCE } from './fetch';
import * as getApiIps from './getApiIps.operation';
import * as getCallbackIps from './getCallbackIps.operation';

/** IP List (IP段): what an admin allow-lists for WeCom, both ways. */
const all = { getApiIps, getCallbackIps };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'getApiIps',
	),
	...Object.values(all).flatMap((op) => op.description),
];
