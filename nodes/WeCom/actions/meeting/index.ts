import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Meeting (会议): booked meetings of WeCom's own meeting service. */
const all = { create, update, cancel, get, getAll };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'create',
	),
	...Object.values(all).flatMap((op) => op.description),
];
