import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError, stringParam } from '../../../shared/validation';
import { getBatchJob } from './jobs';

/** Offered by both Department and User: a batch job of either kind is read the same way. */
export const option: OperationOption = {
	name: 'Get Batch Job',
	value: 'getBatchJob',
	action: 'Get a batch job',
	description: 'Progress and per-record results of a batch sync job (异步任务结果)',
};

/** Shown for both resources, so listed once (by User). */
export const description: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		required: true,
		default: '',
		description: 'The jobId output of a batch sync',
		displayOptions: { show: { resource: ['department', 'user'], operation: ['getBatchJob'] } },
	},
];

export function prepare(this: IExecuteFunctions, i: number): string {
	const jobId = stringParam(this, 'jobId', i);
	if (!jobId)
		throw inputError(this, i, 'Job ID', 'is required', 'Use the jobId output of a batch sync.');
	return jobId;
}

/** Reads a batch job once: its progress and, when finished, the per-record results. */
export async function execute(this: IExecuteFunctions, jobId: string, itemIndex: number) {
	return await getBatchJob(this, jobId, itemIndex);
}
