import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { uploadTemporaryMedia } from '../media/upload';
import { TEMPORARY_MEDIA } from '../media/rules';

export type JobKind = 'syncuser' | 'replaceuser' | 'replaceparty';

export const DEFAULT_WAIT_SECONDS = 300;
export const MAX_WAIT_SECONDS = 900;
const POLL_DELAYS_MS = [500, 1000, 2000, 3000, 5000];

export interface JobResult {
	jobid: string;
	status: number;
	total?: number;
	result: IDataObject[];
}

export function readWaitMs(ctx: IExecuteFunctions, options: IDataObject): number {
	const seconds = Number(options.maxWaitSeconds ?? DEFAULT_WAIT_SECONDS);
	if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_WAIT_SECONDS)
		throw inputError(
			ctx,
			0,
			'Max Wait (Seconds)',
			`${String(options.maxWaitSeconds)} is outside 1–${MAX_WAIT_SECONDS}`,
			'WeCom keeps running a job after the node stops waiting; its completion also arrives as a batch_job_result event.',
		);
	return seconds * 1000;
}

/**
 * Uploads the CSV as a temporary file, submits the job and polls batch/getresult until it is done
 * (status 3), bounded by `maxWaitMs`.
 */
export async function runJob(
	ctx: IExecuteFunctions,
	kind: JobKind,
	csv: Buffer,
	options: { toInvite?: boolean; maxWaitMs: number },
): Promise<JobResult> {
	if (csv.length > TEMPORARY_MEDIA.file.maxBytes)
		throw inputError(
			ctx,
			0,
			'Input Items',
			`make a ${Math.ceil(csv.length / 1024 / 1024)} MB file, over WeCom's 20 MB upload limit`,
			'Split the items into several runs.',
		);
	const media = await uploadTemporaryMedia(
		ctx,
		{ data: csv, filename: `${kind}.csv`, contentType: 'text/csv' },
		'file',
		0,
	);
	const submitted = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: `/cgi-bin/batch/${kind}`,
		body: {
			media_id: media.mediaId,
			...(options.toInvite === undefined ? {} : { to_invite: options.toInvite }),
		},
		// The same file imported twice ends in the same state.
		idempotent: true,
		itemIndex: 0,
	});
	const jobid = String(submitted.jobid ?? '');
	const started = Date.now();
	for (let poll = 0; ; poll++) {
		const job = await weComApiRequest.call(ctx, {
			method: 'GET',
			path: '/cgi-bin/batch/getresult',
			qs: { jobid },
			idempotent: true,
			itemIndex: 0,
		});
		if (Number(job.status) === 3)
			return {
				jobid,
				status: 3,
				total: job.total as number | undefined,
				result: (job.result as IDataObject[]) ?? [],
			};
		const delay = POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)];
		if (Date.now() - started + delay > options.maxWaitMs)
			throw new NodeOperationError(
				ctx.getNode(),
				`WeCom batch job ${jobid} is still running (${String(job.percentage ?? 0)}%)`,
				{
					description: `WeCom finishes it on its own; its result arrives as a batch_job_result event (WeCom Trigger), or raise Max Wait. Only the last 5 jobs' results are kept.`,
				},
			);
		await sleep(delay);
	}
}
