import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, parseJsonObject, splitList } from '../../../shared/validation';
import { checkMobile, readIdList } from '../common/fields';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

export function readUserDetails(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	const text = (name: string, field: string, required = false) => {
		if (fields[name] === undefined) return;
		const value = String(fields[name] ?? '').trim();
		if (required && !value) throw inputError(ctx, i, field, 'is required', `Give the ${field}.`);
		if (value) body[name] = value;
	};
	text('userNameCn', 'Name (Chinese)', true);
	text('userNameEn', 'Name (English)');
	text('employeeId', 'Employee ID');
	text('position', 'Position');
	text('landlineNumber', 'Landline Number');
	text('remark', 'Remark');
	if (fields.sex !== undefined) body.sex = fields.sex === 'F' ? 'F' : 'M';
	if (fields.userEmail !== undefined) {
		const email = String(fields.userEmail ?? '').trim();
		if (email && !EMAIL.test(email))
			throw inputError(ctx, i, 'Email', `"${email}" is not an email address`, 'Give name@domain.');
		if (email) body.userEmail = email;
	}
	if (fields.deptCodes !== undefined) {
		const codes = readIdList(ctx, i, 'Department Codes', fields.deptCodes, {
			what: 'department code',
		});
		if (codes.length) body.deptCodes = codes;
	}
	if (fields.corpDeptCodes !== undefined) {
		const codes = readIdList(ctx, i, 'Corp Department Codes', fields.corpDeptCodes, {
			what: 'department code',
		});
		if (codes.length) body.corpDeptCodes = codes;
	}
	const main = String(fields.mainDeptCode ?? '').trim();
	if (main) body.mainDeptCode = main;
	if (fields.phoneNumber !== undefined) {
		const phones = splitList(fields.phoneNumber);
		if (phones.length) body.phoneNumber = phones;
	}
	if (fields.isHidePhoneNumber !== undefined)
		body.isHidePhoneNumber = fields.isHidePhoneNumber ? 1 : 0;
	if (fields.isNotify !== undefined) body.isNotify = fields.isNotify ? 1 : 0;
	if (fields.extAttr !== undefined) {
		const ext = parseJsonObject(ctx, i, 'Extra Attributes (JSON)', fields.extAttr);
		if (Object.keys(ext).length) body.extAttr = ext;
	}
	return body;
}

export function readMobile(ctx: IExecuteFunctions, i: number, field: string, value: unknown) {
	const mobile = String(value ?? '').trim();
	if (!mobile)
		throw inputError(ctx, i, field, 'is required', 'Give the mobile number as +86-15811847236.');
	checkMobile(ctx, i, field, mobile);
	return mobile;
}
