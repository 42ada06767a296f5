import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as getBatchJob from '../contacts/getBatchJob.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as syncBatch from './syncBatch.operation';
import * as update from './update.operation';

/** Departments (部门) of the WeLink organisation. */
export const operations = { create, delete: del, get, getAll, update, syncBatch, getBatchJob };

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'get',
	),
	// Get Batch Job's field is listed by User, for both resources (after both operation pickers).
	...Object.values(operations)
		.filter((op) => op !== getBatchJob)
		.flatMap((op) => op.description),
];
