import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';

/** "Return All" / "Limit" of a list operation: undefined means everything. */
export function readLimit(ctx: IExecuteFunctions, i: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', i, false) as boolean) return undefined;
	const limit = Number(ctx.getNodeParameter('limit', i, 50));
	if (!Number.isInteger(limit) || limit < 1)
		throw inputError(
			ctx,
			i,
			'Limit',
			`${String(limit)} is not a whole number of at least 1`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	return limit;
}
