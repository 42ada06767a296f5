import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as send from './send.operation';

/** Group Robot (群机器人): posts through a group chat's webhook key, not the app. */
const all = { send };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		'groupRobot',
		Object.values(all).map((op) => op.option),
		'send',
	),
	...Object.values(all).flatMap((op) => op.description),
];
