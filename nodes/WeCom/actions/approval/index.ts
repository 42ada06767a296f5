import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTemplate from './getTemplate.operation';
import * as submit from './submit.operation';

/** Approval (审批): the app must be listed under 审批 → 可调用接口的应用. */
const all = { get, getAll, submit, getTemplate };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'get',
	),
	...Object.values(all).flatMap((op) => op.description),
];
