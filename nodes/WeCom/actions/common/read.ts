import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, splitList } from '../../../shared/validation';
import { USERID, USERID_RULE } from './ids';

/** Reads a list of member IDs and checks their format, naming the field and the offending value. */
export function readMemberIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	max?: number,
): string[] {
	const ids = splitList(value);
	const bad = ids.find((id) => !USERID.test(id));
	if (bad !== undefined) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${bad.slice(0, 80)}" is not a member ID (${USERID_RULE})`,
			'Use member IDs (starting with a letter or digit), not names. To message by mobile number, turn on "Members Are Mobile Numbers".',
		);
	}
	if (max !== undefined && ids.length > max) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`has ${ids.length} members, over WeCom's limit of ${max}`,
			`Give at most ${max} members.`,
		);
	}
	return ids;
}

/** The value of a member resource locator, checked. */
export function readMemberLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as
		| string
		| IDataObject;
	const value = String(typeof raw === 'object' ? (raw?.value ?? '') : (raw ?? '')).trim();
	if (!value)
		throw inputError(
			ctx,
			itemIndex,
			field,
			'is required',
			'Pick a member from the list or enter a member ID.',
		);
	return readMemberIds(ctx, itemIndex, field, value, 1)[0];
}

/** Department IDs given as a number, a resource-locator value, a list or comma-separated text. */
export function readDepartmentIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	max?: number,
): number[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(/[,|;，\s]+/);
	const ids = raw
		.map((v) =>
			String(typeof v === 'object' && v !== null ? ((v as IDataObject).value ?? '') : v).trim(),
		)
		.filter(Boolean);
	const bad = ids.find((id) => !/^\d+$/.test(id) || Number(id) < 1);
	if (bad !== undefined)
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${bad}" is not a department ID`,
			'Department IDs are positive whole numbers; pick them from the list.',
		);
	if (max !== undefined && ids.length > max)
		throw inputError(
			ctx,
			itemIndex,
			field,
			`has ${ids.length} departments, over WeCom's limit of ${max}`,
			`Give at most ${max}.`,
		);
	return ids.map(Number);
}

export function readDepartmentLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): number {
	const value = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const [id] = readDepartmentIds(ctx, itemIndex, field, value, 1);
	if (id === undefined)
		throw inputError(ctx, itemIndex, field, 'is required', 'Pick a department or enter its ID.');
	return id;
}

/** A department name WeCom accepts: 1–64 characters, none of \ : * ? " < > | (reference §4.1). */
export function checkDepartmentName(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field = 'Name',
) {
	const length = [...name].length;
	if (length < 1 || length > 64)
		throw inputError(
			ctx,
			itemIndex,
			field,
			`is ${length} characters; WeCom takes 1–64`,
			'Shorten the department name.',
		);
	const bad = /[\\:*?"<>|]/.exec(name)?.[0];
	if (bad)
		throw inputError(
			ctx,
			itemIndex,
			field,
			`contains "${bad}", which WeCom does not allow in department names`,
			'Remove \\ : * ? " < > | from the name.',
		);
}
