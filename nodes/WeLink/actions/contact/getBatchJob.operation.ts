import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/validation';
import { getBatchJob } from './api';

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
