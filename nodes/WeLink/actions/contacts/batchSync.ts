import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem } from '../../../shared/router';
import { inputError } from '../../../shared/validation';
import { DEFAULT_JOB_WAIT_MS, runBatchSync, type BatchKind, type RecordResult } from './jobs';

export interface SyncRecord {
	/** What is sent for this input item. */
	record: IDataObject;
	/** Its key within the batch (corpDeptCode / corpUserId). */
	key: string;
	/** Key of the parent record (departments), to send parents first. */
	parent?: string;
	/** A delete: sent after the upserts, children first. */
	remove?: boolean;
}

/**
 * Send order: upserts with parents before children (a parent created in the same run exists when its
 * child arrives), then deletes with children before parents. Stable otherwise.
 */
export function sendOrder<T extends SyncRecord>(records: T[]): T[] {
	const byKey = new Map(records.map((r) => [r.key, r]));
	const depth = (record: T) => {
		let n = 0;
		const seen = new Set<string>([record.key]);
		for (
			let p = record.parent;
			p !== undefined && byKey.has(p) && !seen.has(p);
			p = byKey.get(p)?.parent
		) {
			seen.add(p);
			n++;
		}
		return n;
	};
	const rank = (record: T) => (record.remove ? 1_000_000 - depth(record) : depth(record));
	return records
		.map((record, position) => ({ record, position, rank: rank(record) }))
		.sort((a, b) => a.rank - b.rank || a.position - b.position)
		.map(({ record }) => record);
}

export const MAX_WAIT_SECONDS = 900;

export function readMaxWaitMs(ctx: IExecuteFunctions, i: number): number {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const seconds = Number(options.maxWaitSeconds ?? DEFAULT_JOB_WAIT_MS / 1000);
	if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_WAIT_SECONDS)
		throw inputError(
			ctx,
			i,
			'Max Wait (Seconds)',
			`${seconds} is outside 1–${MAX_WAIT_SECONDS}`,
			'WeLink keeps working on a job after the node stops waiting; read it later with Get Batch Job.',
		);
	return seconds * 1000;
}

function asError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Error && 'context' in error) {
		(error as Error & { context: IDataObject }).context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The batch sync operations take every input item as one record: all are checked first (nothing is
 * sent when one is wrong, unless Continue On Fail is on), then sent 100 per job, and each input item
 * gets its record's result.
 */
export async function executeBatchSync(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: BatchKind,
	keyField: { label: string; name: string },
	read: (ctx: IExecuteFunctions, i: number) => SyncRecord,
): Promise<INodeExecutionData[]> {
	const output: Array<INodeExecutionData | undefined> = new Array(items.length);
	const valid: Array<SyncRecord & { index: number }> = [];
	const firstSeen = new Map<string, number>();
	for (let i = 0; i < items.length; i++) {
		let failure: unknown;
		try {
			const record = read(ctx, i);
			const earlier = firstSeen.get(record.key);
			if (earlier !== undefined)
				throw inputError(
					ctx,
					i,
					keyField.label,
					`"${record.key}" is also in item ${earlier}`,
					'Each record may appear once per run; merge the two items.',
				);
			firstSeen.set(record.key, i);
			valid.push({ ...record, index: i });
		} catch (error) {
			failure = error;
		}
		if (failure) {
			if (!ctx.continueOnFail()) throw asError(ctx, failure, i);
			output[i] = errorItem(asError(ctx, failure, i), i, ctx.getNode());
		}
	}
	const maxWaitMs = items.length ? readMaxWaitMs(ctx, 0) : DEFAULT_JOB_WAIT_MS;
	const ordered = sendOrder(valid);
	if (ordered.length) {
		let results: RecordResult[] = [];
		let failure: unknown;
		try {
			({ results } = await runBatchSync(
				ctx,
				kind,
				ordered.map((r) => r.record),
				{ maxWaitMs, itemIndex: ordered[0].index },
			));
		} catch (error) {
			failure = error;
		}
		if (failure) {
			if (!ctx.continueOnFail()) throw asError(ctx, failure, ordered[0].index);
			for (const entry of ordered)
				output[entry.index] = errorItem(
					asError(ctx, failure, entry.index),
					entry.index,
					ctx.getNode(),
				);
		} else {
			ordered.forEach((entry, n) => {
				const { result, ...summary } = results[n];
				output[entry.index] = {
					json: {
						[keyField.name]: entry.key,
						action: entry.remove ? 'delete' : 'upsert',
						...summary,
						...(result ? { result } : {}),
					},
					pairedItem: { item: entry.index },
				};
			});
		}
	}
	return output.filter((item): item is INodeExecutionData => item !== undefined);
}
