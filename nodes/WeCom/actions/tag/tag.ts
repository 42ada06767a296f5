import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../../shared/validation';

/** Tag rules (reference §4.4): names up to 32 characters, IDs non-negative whole numbers. */

export function readTagId(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
	field = 'Tag',
): number {
	const raw = typeof value === 'object' && value !== null ? (value as IDataObject).value : value;
	const text = String(raw ?? '').trim();
	if (!/^\d+$/.test(text))
		throw inputError(
			ctx,
			i,
			field,
			text ? `"${text}" is not a tag ID` : 'is required',
			'Pick a tag from the list or give its ID (a whole number).',
		);
	return Number(text);
}

export function readTagLocator(ctx: IExecuteFunctions, i: number): number {
	return readTagId(ctx, i, ctx.getNodeParameter('tag', i, '', { extractValue: true }));
}

export function checkTagName(ctx: IExecuteFunctions, i: number, name: string) {
	checkText(ctx, i, name, { field: 'Name', max: 32, unit: 'characters', required: true });
}
