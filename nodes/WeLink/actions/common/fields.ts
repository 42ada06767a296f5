import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';

/** One user: picked from WeLink, or by user ID, corp user ID (工号/企业员工标识) or mobile number. */
export function userLocator(options: {
	name: string;
	displayName: string;
	description: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
	/** Offer corp user ID and mobile modes (the contact APIs accept them; messages and todos do not). */
	anyKey?: boolean;
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
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By User ID',
				name: 'id',
				type: 'string',
				placeholder: 'zhangsan@welink',
			},
			...(options.anyKey
				? [
						{
							displayName: 'By Corp User ID',
							name: 'corpUserId',
							type: 'string' as const,
							placeholder: 'E001',
						},
						{
							displayName: 'By Mobile Number',
							name: 'mobile',
							type: 'string' as const,
							placeholder: '+86-15811847236',
						},
					]
				: []),
		],
	};
}

/** One department: picked from WeLink, by department code (deptCode) or by corp department code. */
export function departmentLocator(options: {
	name: string;
	displayName: string;
	description: string;
	required?: boolean;
	displayOptions?: IDisplayOptions;
	default?: { mode: string; value: string };
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.default ? { default: options.default } : {}),
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
			{ displayName: 'By Code', name: 'id', type: 'string', placeholder: '1001' },
			{ displayName: 'By Corp Code', name: 'corpCode', type: 'string', placeholder: 'D001' },
		],
	};
}

/** Several users: picked from WeLink, or user IDs given by an expression as an array or text. */
export function usersField(options: {
	name: string;
	displayName: string;
	description: string;
	displayOptions?: IDisplayOptions;
}): INodeProperties {
	return listPickerField({ ...options, loadOptionsMethod: 'getUsers' });
}

export function departmentsField(options: {
	name: string;
	displayName: string;
	description: string;
	displayOptions?: IDisplayOptions;
}): INodeProperties {
	return listPickerField({ ...options, loadOptionsMethod: 'getDepartments', unit: 'codes' });
}
