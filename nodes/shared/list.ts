import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from './validation';

/** "Return All" and "Limit" of list operations, as n8n's own nodes show them. */
export function returnAllFields(
	resource: string,
	operations: string | string[],
): INodeProperties[] {
	const operation = Array.isArray(operations) ? operations : [operations];
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resource], operation, returnAll: [false] } },
		},
	];
}

/** The limit of a list operation; undefined means "Return All". */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1)
		throw inputError(
			ctx,
			itemIndex,
			'Limit',
			`${String(limit)} is not a whole number of at least 1`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	return limit;
}
