import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** Customer Group (客户群): groups of customers created by members with customer contact. */
const all = { get, getAll };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'getAll',
	),
	...Object.values(all).flatMap((op) => op.description),
];
