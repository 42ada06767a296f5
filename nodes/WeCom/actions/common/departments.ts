import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/validation';

/** A single department: "From list" (searched in WeCom) or "By ID". */
export function departmentLocator(options: {
	name: string;
	displayName: string;
	description: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
	defaultId?: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: options.defaultId ? 'id' : 'list', value: options.defaultId ?? '' },
		required: options.required,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchDepartments', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[1-9][0-9]*$',
							errorMessage: 'A department ID is a positive whole number',
						},
					},
				],
			},
		],
	};
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
