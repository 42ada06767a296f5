import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { userLocator } from '../common/fields';

export const RESOURCE = 'user';

/** The user an operation works on. */
export const userField = (operation: string): INodeProperties =>
	userLocator({
		name: 'user',
		displayName: 'User',
		description: 'The user, by WeLink user ID, your own ID (corpUserId) or mobile number',
		required: true,
		anyKey: true,
		displayOptions: showFor(RESOURCE, operation),
	});

/** Optional user fields shared by Create (Additional Fields) and Update (Update Fields). */
export function userDetailFields(operation: 'create' | 'update'): INodeProperties[] {
	return [
		{
			displayName: 'Corp Department Codes',
			name: 'corpDeptCodes',
			type: 'string',
			default: '',
			placeholder: 'D001, D002',
			description:
				'Departments by your own codes (corpDeptCodes), instead of WeLink department codes',
		},
		...(operation === 'update'
			? ([
					{
						displayName: 'Department Codes',
						name: 'deptCodes',
						type: 'string',
						default: '',
						placeholder: '1001, 1002',
						description: 'WeLink department codes (deptCodes); replaces the user’s departments',
					},
				] as INodeProperties[])
			: []),
		{
			displayName: 'Email',
			name: 'userEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'Employee ID',
			name: 'employeeId',
			type: 'string',
			default: '',
			description: 'Employee number (工号)',
		},
		{
			displayName: 'Extra Attributes (JSON)',
			name: 'extAttr',
			type: 'json',
			default: '{}',
			description: 'Custom attributes configured in the admin console (extAttr), as a JSON object',
		},
		{
			displayName: 'Hide Phone Number',
			name: 'isHidePhoneNumber',
			type: 'boolean',
			default: false,
			description: 'Whether the mobile number is hidden from colleagues',
		},
		{
			displayName: 'Landline Number',
			name: 'landlineNumber',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Main Department Code',
			name: 'mainDeptCode',
			type: 'string',
			default: '',
			description: 'WeLink code of the user’s main department (mainDeptCode)',
		},
		...(operation === 'update'
			? ([
					{
						displayName: 'Name (Chinese)',
						name: 'userNameCn',
						type: 'string',
						default: '',
					},
				] as INodeProperties[])
			: []),
		{
			displayName: 'Name (English)',
			name: 'userNameEn',
			type: 'string',
			default: '',
		},
		...(operation === 'create'
			? ([
					{
						displayName: 'Notify User',
						name: 'isNotify',
						type: 'boolean',
						default: false,
						description: 'Whether WeLink tells the new user by SMS or email (isNotify)',
					},
				] as INodeProperties[])
			: []),
		{
			displayName: 'Phone Numbers',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			description: 'Further phone numbers, separated by commas',
		},
		{
			displayName: 'Position',
			name: 'position',
			type: 'string',
			default: '',
			description: 'Job title (职位)',
		},
		{
			displayName: 'Remark',
			name: 'remark',
			type: 'string',
			default: '',
		},
		...(operation === 'update'
			? ([
					{
						displayName: 'Sex',
						name: 'sex',
						type: 'options',
						default: 'M',
						options: [
							{ name: 'Female', value: 'F' },
							{ name: 'Male', value: 'M' },
						],
					},
				] as INodeProperties[])
			: []),
	];
}

const sexField = (operation: string): INodeProperties => ({
	displayName: 'Sex',
	name: 'sex',
	type: 'options',
	required: true,
	default: 'M',
	options: [
		{ name: 'Female', value: 'F' },
		{ name: 'Male', value: 'M' },
	],
	displayOptions: showFor(RESOURCE, operation),
});

/** Fields Create and Sync in Batch share, in this order. */
export const newUserFields = (operation: string): INodeProperties[] => {
	const displayOptions = showFor(RESOURCE, operation);
	return [
		{
			displayName: 'Corp User ID',
			name: 'corpUserId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'E001',
			description: 'Your own ID for the person (corpUserId), e.g. the employee number',
			displayOptions,
		},
		{
			displayName: 'Name (Chinese)',
			name: 'userNameCn',
			type: 'string',
			required: true,
			default: '',
			displayOptions,
		},
		{
			displayName: 'Mobile Number',
			name: 'mobileNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+86-15811847236',
			description: 'Mobile number as +country code-number',
			displayOptions,
		},
		sexField(operation),
	];
};
