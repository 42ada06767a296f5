import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';
import { USERID } from './ids';

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
