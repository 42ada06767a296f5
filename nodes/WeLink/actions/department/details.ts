import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../../shared/validation';
import { readIdList } from '../common/read';

// UNCONFIRMED: no department name limit is published; 128 characters is assumed (the Python SDK's only
// 128, MAX_DEPT_NAME_LENGTH, is for a meeting attendee's department name).
export const MAX_DEPT_NAME = 128;

export function checkDeptName(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	required: boolean,
) {
	const text = String(value ?? '').trim();
	checkText(ctx, i, text, { field, max: MAX_DEPT_NAME, unit: 'characters', required });
	return text;
}

/** Reads the optional fields into the body WeLink expects. */
export function readDepartmentDetails(ctx: IExecuteFunctions, i: number, fields: IDataObject) {
	const body: IDataObject = {};
	if (fields.deptNameCn !== undefined)
		body.deptNameCn = checkDeptName(ctx, i, 'Name (Chinese)', fields.deptNameCn, true);
	if (fields.deptNameEn !== undefined) {
		const en = checkDeptName(ctx, i, 'Name (English)', fields.deptNameEn, false);
		if (en) body.deptNameEn = en;
	}
	if (fields.managers !== undefined) {
		const managers = readIdList(ctx, i, 'Manager Names or IDs', fields.managers, {
			what: 'WeLink user ID',
		});
		if (managers.length) body.managerId = managers;
	}
	if (fields.visibleRange !== undefined) body.visibleRange = Number(fields.visibleRange);
	if (fields.createDeptGroup !== undefined) body.createDeptGroup = fields.createDeptGroup ? 1 : 0;
	if (fields.groupContainSubDept !== undefined)
		body.groupContainSubDept = fields.groupContainSubDept ? 1 : 0;
	const owner = String(fields.deptGroupOwnerId ?? '').trim();
	if (owner) {
		if (/\s/.test(owner))
			throw inputError(
				ctx,
				i,
				'Group Owner ID',
				`"${owner}" is not a user ID`,
				'Give a WeLink user ID.',
			);
		body.deptGroupOwnerId = owner;
	}
	return body;
}

export function checkCode(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	required = true,
) {
	const code = String(value ?? '').trim();
	if (!code) {
		if (required) throw inputError(ctx, i, field, 'is required', `Give the ${field}.`);
		return '';
	}
	if (!/^[^\s]{1,64}$/.test(code))
		throw inputError(
			ctx,
			i,
			field,
			`"${code.slice(0, 80)}" is not a department code (no spaces, at most 64 characters)`,
			'Give the department code (部门编码), not the department name.',
		);
	return code;
}
