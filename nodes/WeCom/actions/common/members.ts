import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IDisplayOptions,
} from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';
import { inputError, splitList } from '../../../shared/validation';

/** WeCom member IDs (账号): 1–64 of letters, digits and _-@., starting with a letter or digit. */
export const USERID = /^[A-Za-z0-9][A-Za-z0-9_\-@.]{0,63}$/;

/** The rule, for error messages: `"x" is not a member ID (${USERID_RULE})`. */
export const USERID_RULE = '账号: 1–64 letters, digits or _-@.';

/** A single member: "From list" (searched in WeCom) or "By ID". */
export function memberLocator(options: {
	name: string;
	displayName: string;
	description: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
	/** The list to pick from (default: the members the app can see). */
	searchListMethod?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: options.searchListMethod ?? 'searchMembers',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'zhangsan',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: USERID.source,
							errorMessage: 'A member ID (账号) has 1–64 letters, digits or _-@.',
						},
					},
				],
			},
		],
	};
}

/** Several members: picked from WeCom, or given as an array / comma- or pipe-separated text by an expression. */
export function membersField(options: {
	name: string;
	displayName: string;
	description: string;
	displayOptions?: IDisplayOptions;
}): INodeProperties {
	return listPickerField({ ...options, loadOptionsMethod: 'getMembers' });
}

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
