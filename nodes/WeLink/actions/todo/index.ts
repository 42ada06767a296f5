import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as close from './close.operation';
import * as create from './create.operation';
import { RESOURCE } from './fields';
import * as handOver from './handOver.operation';

export const operations = { create, handOver, close };

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'create',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
