import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, parseJsonObject, splitList } from '../../../shared/validation';
import { checkMobile, readIdList } from '../common/read';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
