import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as getBatchJob from '../contacts/getBatchJob.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getIds from './getIds.operation';
import * as syncBatch from './syncBatch.operation';
import * as update from './update.operation';

/** Users (人员) of the WeLink organisation. */
export const operations = {
	create,
	delete: del,
	get,
	getAll,
	getIds,
	update,
	syncBatch,
	getBatchJob,
};

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'get',
	),
	// Get Batch Job's field is shown for Department too, so it comes after both operation pickers.
	...Object.values(operations).flatMap((op) => op.description),
];
