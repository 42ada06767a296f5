import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, withItemIndex } from '../../../shared/router';
import { inputError } from '../../../shared/validation';
import type { JobResult } from './job';

export interface Row {
	/** The row's key in WeCom's results: member ID, or department ID. */
	key: string;
	cells: string[];
}

/**
 * Reads one CSV row per input item. All rows are checked before anything is uploaded; a bad item
 * stops the node unless Continue On Fail is on (then it gets an error item and is left out).
 */
export function readRows(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	keyField: string,
	read: (i: number) => Row,
) {
	const rows: Array<Row & { index: number }> = [];
	const errors = new Map<number, INodeExecutionData>();
	const seen = new Map<string, number>();
	for (let i = 0; i < items.length; i++) {
		try {
			const row = read(i);
			const earlier = seen.get(row.key);
			if (earlier !== undefined)
				throw inputError(
					ctx,
					i,
					keyField,
					`"${row.key}" is also in item ${earlier}`,
					'Each member or department may appear once per import; merge the two items.',
				);
			seen.set(row.key, i);
			rows.push({ ...row, index: i });
		} catch (error) {
			const failure = withItemIndex(ctx, error, i);
			if (!ctx.continueOnFail()) throw failure;
			errors.set(i, errorItem(failure, i, ctx.getNode()));
		}
	}
	return { rows, errors };
}

/** One output item per input item: its row's result in the finished job, matched by key. */
export function rowResults(
	items: INodeExecutionData[],
	rows: Array<Row & { index: number }>,
	errors: Map<number, INodeExecutionData>,
	job: JobResult,
	keyOf: (entry: IDataObject) => string,
	keyName: string,
) {
	const byKey = new Map(job.result.map((entry) => [keyOf(entry), entry]));
	const byIndex = new Map(rows.map((row) => [row.index, row]));
	return items.map((_, index): INodeExecutionData => {
		const error = errors.get(index);
		if (error) return error;
		const row = byIndex.get(index) as Row;
		const entry = byKey.get(row.key);
		const errcode = entry === undefined ? undefined : Number(entry.errcode ?? 0);
		return {
			json: {
				[keyName]: row.key,
				jobid: job.jobid,
				// A row without an entry was not reported by WeCom (e.g. unchanged); it is not marked failed.
				success: errcode === undefined ? null : errcode === 0,
				...(entry ?? {}),
			},
			pairedItem: { item: index },
		};
	});
}
