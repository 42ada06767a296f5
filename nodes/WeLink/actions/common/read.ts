import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, splitList } from '../../../shared/validation';

/** WeLink IDs (userId such as zhangsan@welink, deptCode, corp codes): no spaces, at most 128 characters. */
const ID = /^[^\s]{1,128}$/;

export type DepartmentRef = { deptCode: string } | { corpDeptCode: string };
export type UserRef = { userId: string } | { corpUserId: string } | { mobileNumber: string };

/** Reads a list of IDs, checks their shape and an optional limit, naming the field and the value. */
export function readIdList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	options: { what: string; max?: number; required?: boolean; limitHint?: string } = {
		what: 'ID',
	},
): string[] {
	const ids = splitList(value);
	const bad = ids.find((id) => !ID.test(id));
	if (bad !== undefined) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${bad.slice(0, 80)}" is not ${/^[aeiou]/i.test(options.what) ? 'an' : 'a'} ${options.what} (no spaces, at most 128 characters)`,
			`Give ${options.what}s, not names.`,
		);
	}
	if (options.required && ids.length === 0)
		throw inputError(
			ctx,
			itemIndex,
			field,
			'is empty',
			`Give at least one ${options.what}, as a list or separated by commas.`,
		);
	if (options.max !== undefined && ids.length > options.max) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`has ${ids.length} entries, over WeLink's limit of ${options.max}`,
			options.limitHint ?? `Give at most ${options.max}.`,
		);
	}
	return ids;
}

function locatorValue(ctx: IExecuteFunctions, itemIndex: number, name: string) {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: false }) as
		| IDataObject
		| string;
	if (raw && typeof raw === 'object') {
		const value = raw.value;
		return {
			mode: String(raw.mode ?? 'id'),
			value: String(
				value && typeof value === 'object' ? ((value as IDataObject).value ?? '') : (value ?? ''),
			).trim(),
		};
	}
	return { mode: 'id', value: String(raw ?? '').trim() };
}

function checkId(ctx: IExecuteFunctions, itemIndex: number, field: string, value: string) {
	if (!value) throw inputError(ctx, itemIndex, field, 'is required', `Pick or enter the ${field}.`);
	if (!ID.test(value))
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${value.slice(0, 80)}" is not an ID (no spaces, at most 128 characters)`,
			'Pick from the list or give the ID, not the name.',
		);
}

/** A user locator limited to WeLink user IDs (messages, todos). */
export function readUserId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): string {
	const { value } = locatorValue(ctx, itemIndex, name);
	checkId(ctx, itemIndex, field, value);
	return value;
}

/** Mobile numbers as WeLink writes them: +country-number, e.g. +86-15811847236. */
export const MOBILE = /^\+\d{1,4}-\d{4,20}$/;

export function checkMobile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: string,
) {
	// UNCONFIRMED: the contact APIs document only the example format +86-15811847236; the pack requires it.
	if (!MOBILE.test(value))
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${value}" is not a mobile number in WeLink's format`,
			'Write it as +country code-number, e.g. +86-15811847236.',
		);
}

/** A user locator whose mode picks the key: userId, corpUserId or mobileNumber. */
export function readUserRef(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): UserRef {
	const { mode, value } = locatorValue(ctx, itemIndex, name);
	if (mode === 'mobile') {
		if (!value) checkId(ctx, itemIndex, field, value);
		checkMobile(ctx, itemIndex, field, value);
		return { mobileNumber: value };
	}
	checkId(ctx, itemIndex, field, value);
	return mode === 'corpUserId' ? { corpUserId: value } : { userId: value };
}

/** A department locator whose mode picks the key: deptCode or corpDeptCode. */
export function readDepartmentRef(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): DepartmentRef {
	const { mode, value } = locatorValue(ctx, itemIndex, name);
	checkId(ctx, itemIndex, field, value);
	return mode === 'corpCode' ? { corpDeptCode: value } : { deptCode: value };
}
