import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * A list picker (members, users, departments, tags): chosen from a loadOptions list, or given by an
 * expression as an array or text separated by commas or |. Values outside the loaded list are
 * allowed (`allowArbitraryValues`): members outside the app's visible range, IDs from an expression,
 * "lisi,wangwu" as text; the operation checks them instead of the editor showing them as invalid.
 */
export function listPickerField(options: {
	name: string;
	displayName: string;
	description: string;
	loadOptionsMethod: string;
	/** What an expression lists, for the hint: "IDs" (default) or e.g. "codes". */
	unit?: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: options.loadOptionsMethod },
		allowArbitraryValues: true,
		required: options.required,
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: `${options.description} An expression may give an array, or ${options.unit ?? 'IDs'} separated by commas or |.`,
		displayOptions: options.displayOptions,
	};
}
