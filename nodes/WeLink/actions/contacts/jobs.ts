import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { chunk } from '../../../shared/batching';
import type { ApiContext } from '../../../shared/transport';
import { weLinkApiRequest } from '../../transport';
import type { UserRef } from '../common/read';
import { unwrap } from './api';

/**
 * WeLink's asynchronous contact jobs (reference §5.5–§5.7): batch sync and delete in jobs of 100
 * records, waiting for each job and matching its per-record results, and the legacy users/bulk sync.
 */

/** Batch create/update/sync/delete: at most 100 records per request. */
export const BATCH_RECORDS_PER_CALL = 100;

export type BatchKind = 'department' | 'user';

export interface BatchJob extends IDataObject {
	jobId: string;
	status?: number;
	type?: string;
	total?: number;
	percentage: number;
	finished: boolean;
	data: IDataObject[];
}

export interface WaitOptions {
	/** Give up waiting after this long (the job keeps running in WeLink). */
	maxWaitMs?: number;
	itemIndex?: number;
}

export const DEFAULT_JOB_WAIT_MS = 120_000;
/** Waits between polls: quick at first, then every 5 s. */
const POLL_DELAYS_MS = [1_000, 2_000, 3_000, 5_000];

export async function getBatchJob(ctx: ApiContext, jobId: string, itemIndex?: number) {
	const response = await weLinkApiRequest.call(ctx, {
		method: 'GET',
		path: '/contact/v1/batch/result',
		qs: { jobId },
		idempotent: true,
		itemIndex,
	});
	const body = unwrap(response);
	const percentage = Number(body.percentage ?? 0);
	return {
		...body,
		jobId,
		percentage,
		// UNCONFIRMED: the meaning of `status` is not published; a job counts as finished at percentage 100.
		finished: percentage >= 100,
		data: Array.isArray(body.data) ? (body.data as IDataObject[]) : [],
	} as BatchJob;
}

/** Polls a job until it reaches 100 %, bounded by `maxWaitMs`. */
export async function waitForBatchJob(
	ctx: ApiContext,
	jobId: string,
	options: WaitOptions = {},
): Promise<BatchJob> {
	const maxWait = options.maxWaitMs ?? DEFAULT_JOB_WAIT_MS;
	const started = Date.now();
	for (let poll = 0; ; poll++) {
		const job = await getBatchJob(ctx, jobId, options.itemIndex);
		if (job.finished) return job;
		const delay = POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)];
		if (Date.now() - started + delay > maxWait) {
			throw new NodeOperationError(
				ctx.getNode(),
				`WeLink batch job ${jobId} is still running (${job.percentage}%) after ${Math.round((Date.now() - started) / 1000)} s`,
				{
					itemIndex: options.itemIndex,
					description: `WeLink keeps working on it. Read its result later with Department or User → Get Batch Job and job ID ${jobId}, or raise Max Wait.`,
				},
			);
		}
		await sleep(delay);
	}
}

export interface RecordResult extends IDataObject {
	/** The record's key (corpDeptCode / corpUserId). */
	key: string;
	jobId: string;
	success: boolean | null;
	code?: string;
	message?: string;
}

const KEYS: Record<BatchKind, string[]> = {
	department: ['corpDeptCode', 'deptCode'],
	user: ['corpUserId', 'userId', 'mobileNumber'],
};

/** The record's own result in a finished job: matched by key, or by position when no keys come back. */
function matchResults(kind: BatchKind, records: IDataObject[], job: BatchJob): RecordResult[] {
	const keys = KEYS[kind];
	const keyOf = (entry: IDataObject) => {
		for (const k of keys)
			if (entry[k] !== undefined && entry[k] !== '') return `${k}:${String(entry[k])}`;
		return undefined;
	};
	const byKey = new Map<string, IDataObject>();
	for (const entry of job.data) {
		for (const k of keys)
			if (entry[k] !== undefined && entry[k] !== '') byKey.set(`${k}:${String(entry[k])}`, entry);
	}
	return records.map((record, n) => {
		const key = keyOf(record) ?? '';
		// UNCONFIRMED: whether `data` lists every record or only failures; a record without an entry is reported as not reported (success null).
		const entry =
			byKey.get(key) ??
			(job.data.length === records.length && !job.data.some((d) => keyOf(d))
				? job.data[n]
				: undefined);
		const code = entry?.code === undefined ? undefined : String(entry.code);
		return {
			key: key.replace(/^[^:]+:/, ''),
			jobId: job.jobId,
			success: entry ? code === '0' || code === undefined : null,
			...(code !== undefined ? { code } : {}),
			...(entry?.message !== undefined ? { message: String(entry.message) } : {}),
			...(entry ? { result: entry } : {}),
		};
	});
}

/**
 * Runs a batch sync: records are sent 100 per request, each request's job is awaited before the next
 * is sent (so departments created by an earlier request exist for the next), and every record gets
 * its own result.
 */
export async function runBatchSync(
	ctx: ApiContext,
	kind: BatchKind,
	records: IDataObject[],
	options: WaitOptions = {},
): Promise<{ jobs: BatchJob[]; results: RecordResult[] }> {
	return await runBatchJobs(ctx, kind, 'sync', records, options);
}

/** Deletes users with contact/v1/user/batch/delete jobs (100 per job), each user with its own result. */
export async function runBatchDeleteUsers(
	ctx: ApiContext,
	refs: UserRef[],
	deleteAccount: boolean,
	options: WaitOptions = {},
): Promise<{ jobs: BatchJob[]; results: RecordResult[] }> {
	// isDeleteUser as read in deleteUser (an Integer: JAR batch delete PersonInfos).
	const records = refs.map((ref) => ({ ...ref, isDeleteUser: deleteAccount ? 1 : 0 }));
	return await runBatchJobs(ctx, 'user', 'delete', records, options);
}

/** Submits records to contact/v1/{department|user}/batch/{action}, 100 per job, awaiting each job. */
async function runBatchJobs(
	ctx: ApiContext,
	kind: BatchKind,
	action: 'sync' | 'delete',
	records: IDataObject[],
	options: WaitOptions = {},
): Promise<{ jobs: BatchJob[]; results: RecordResult[] }> {
	const path = `/contact/v1/${kind}/batch/${action}`;
	const listKey = kind === 'department' ? 'deptInfos' : 'personInfos';
	const jobs: BatchJob[] = [];
	const results: RecordResult[] = [];
	for (const batch of chunk(records, BATCH_RECORDS_PER_CALL)) {
		// An upsert (and a delete of what is gone) ends in the same state when repeated; so does a batch delete.
		const submitted = await weLinkApiRequest.call(ctx, {
			method: 'POST',
			path,
			body: { [listKey]: batch },
			idempotent: true,
			itemIndex: options.itemIndex,
		});
		const jobId = String(
			submitted.jobId ?? (submitted.data as IDataObject | undefined)?.jobId ?? '',
		);
		if (!jobId)
			throw new NodeOperationError(
				ctx.getNode(),
				`WeLink accepted the batch but returned no jobId`,
				{
					itemIndex: options.itemIndex,
				},
			);
		const job = await waitForBatchJob(ctx, jobId, options);
		jobs.push(job);
		results.push(...matchResults(kind, batch, job));
	}
	return { jobs, results };
}

// ---- Legacy asynchronous user sync (reference §5.6) -------------------------------------------

/** contact/v1/users/bulk: at most 10 records per request (staff_sync.html; PY MAX_USERS_SYNC_COUNT). */
export const USERS_BULK_PER_CALL = 10;

/** What users/bulk answered about one record: it only validates; WeLink applies it later. */
export interface BulkAnswer {
	code?: string;
	message?: string;
}

/**
 * One POST contact/v1/users/bulk of at most USERS_BULK_PER_CALL records (`personInfo`, PY
 * ContactV1UsersBulkRequest; JAR's PersonInfo declares every field a String). The answer gives a
 * code per corpUserId (JAR UserSynchronizeResult).
 */
export async function bulkSyncUsers(
	ctx: ApiContext,
	records: IDataObject[],
): Promise<Map<string, BulkAnswer>> {
	if (records.length > USERS_BULK_PER_CALL)
		throw new NodeOperationError(
			ctx.getNode(),
			`users/bulk takes at most ${USERS_BULK_PER_CALL} records per request`,
		);
	// The same records sent twice end in the same state.
	const response = await weLinkApiRequest.call(ctx, {
		method: 'POST',
		path: '/contact/v1/users/bulk',
		body: { personInfo: records },
		idempotent: true,
	});
	const answers = new Map<string, BulkAnswer>();
	for (const entry of (response.data as IDataObject[] | undefined) ?? [])
		answers.set(String(entry.corpUserId), {
			...(entry.code !== undefined ? { code: String(entry.code) } : {}),
			...(entry.message !== undefined ? { message: String(entry.message) } : {}),
		});
	return answers;
}
