import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError, splitList } from '../../../shared/validation';
import { readDepartmentIds, readMemberIds } from '../common/read';
import {
	checkEmail,
	checkMobile,
	checkTelephone,
	MAX_DEPARTMENTS,
	MAX_DIRECT_LEADERS,
} from './validate';

function text(fields: IDataObject, name: string): string | undefined {
	const value = fields[name];
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

function readIntList(ctx: IExecuteFunctions, i: number, field: string, value: unknown): number[] {
	return splitList(value).map((part) => {
		const n = Number(part);
		if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1)
			throw inputError(
				ctx,
				i,
				field,
				`"${part}" is not a whole number from 0 to 4294967295`,
				'Give one number per department, separated by commas.',
			);
		return n;
	});
}

/**
 * Builds the body of user/create or user/update from the node's fields, checking every documented
 * limit first. `departments` are the member's departments when known (create, or update with
 * Department IDs), needed to check the per-department lists and the main department.
 */
export function readMemberBody(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
	departments?: number[],
): IDataObject {
	const body: IDataObject = {};
	const name = text(fields, 'name');
	if (name !== undefined) {
		checkText(ctx, i, name, { field: 'Name', max: 64, unit: 'characters' });
		body.name = name;
	}
	if (departments) {
		if (departments.length > MAX_DEPARTMENTS)
			throw inputError(
				ctx,
				i,
				'Departments',
				`has ${departments.length} departments, over WeCom's limit of ${MAX_DEPARTMENTS}`,
				`A member can be in at most ${MAX_DEPARTMENTS} departments.`,
			);
		if (departments.length) body.department = departments;
	}
	const mobile = text(fields, 'mobile');
	if (mobile !== undefined) {
		checkMobile(ctx, i, mobile);
		body.mobile = mobile;
	}
	const email = text(fields, 'email');
	if (email !== undefined) {
		checkEmail(ctx, i, email);
		body.email = email;
	}
	const bizMail = text(fields, 'bizMail');
	if (bizMail !== undefined) {
		checkEmail(ctx, i, bizMail, 'Corp Email');
		body.biz_mail = bizMail;
	}
	for (const [name, key, field, max] of [
		['alias', 'alias', 'Alias', 64],
		['position', 'position', 'Position', 128],
		['address', 'address', 'Address', 128],
		['externalPosition', 'external_position', 'External Position', 12],
	] as const) {
		const value = text(fields, name);
		if (value === undefined) continue;
		checkText(ctx, i, value, { field, max, unit: 'characters' });
		body[key] = value;
	}
	const telephone = text(fields, 'telephone');
	if (telephone !== undefined) {
		checkTelephone(ctx, i, telephone);
		body.telephone = telephone;
	}
	if (fields.gender !== undefined) body.gender = String(fields.gender) === '2' ? '2' : '1';
	if (fields.enabled !== undefined) body.enable = fields.enabled === false ? 0 : 1;
	const avatar = text(fields, 'avatarMediaId');
	if (avatar !== undefined) body.avatar_mediaid = avatar;
	const leaders = text(fields, 'directLeaders');
	if (leaders !== undefined)
		body.direct_leader = readMemberIds(ctx, i, 'Direct Leaders', leaders, MAX_DIRECT_LEADERS);

	const perDepartment = (field: string, list: number[]) => {
		if (!departments?.length)
			throw inputError(
				ctx,
				i,
				field,
				'needs the member’s departments',
				'Give Department IDs in the same update.',
			);
		return list;
	};
	const orders = text(fields, 'orders');
	if (orders !== undefined) {
		const list = perDepartment(
			'Orders In Departments',
			readIntList(ctx, i, 'Orders In Departments', orders),
		);
		if (list.length !== departments?.length)
			throw inputError(
				ctx,
				i,
				'Orders In Departments',
				`has ${list.length} values for ${departments?.length} departments`,
				'Give one order per department, in the same order.',
			);
		body.order = list;
	}
	const leaderIn = text(fields, 'leaderIn');
	if (leaderIn !== undefined) {
		const heads = readDepartmentIds(ctx, i, 'Leader In Department IDs', leaderIn);
		const list = perDepartment('Leader In Department IDs', departments ?? []);
		const stray = heads.find((id) => !list.includes(id));
		if (stray !== undefined)
			throw inputError(
				ctx,
				i,
				'Leader In Department IDs',
				`${stray} is not one of the member’s departments`,
				'A member can only head their own departments.',
			);
		body.is_leader_in_dept = list.map((id) => (heads.includes(id) ? 1 : 0));
	}
	const main = text(fields, 'mainDepartment');
	if (main !== undefined) {
		const [id] = readDepartmentIds(ctx, i, 'Main Department ID', main, 1);
		if (departments?.length && !departments.includes(id))
			throw inputError(
				ctx,
				i,
				'Main Department ID',
				`${id} is not one of the member’s departments`,
				'Choose the main department among the member’s departments.',
			);
		body.main_department = id;
	}
	const attributes =
		((fields.extraAttributes as IDataObject | undefined)?.attribute as IDataObject[] | undefined) ??
		[];
	if (attributes.length)
		body.extattr = { attrs: attributes.map((a, n) => readAttribute(ctx, i, a, n)) };
	return body;
}

function readAttribute(
	ctx: IExecuteFunctions,
	i: number,
	attribute: IDataObject,
	n: number,
): IDataObject {
	const field = `Extra Attributes ${n + 1}`;
	const name = String(attribute.name ?? '').trim();
	if (!name)
		throw inputError(
			ctx,
			i,
			field,
			'has no name',
			'Give the attribute name as defined in the admin console, e.g. 工号.',
		);
	const value = String(attribute.value ?? '').trim();
	if (attribute.type === 'web') {
		const title = String(attribute.title ?? '').trim();
		checkText(ctx, i, title, {
			field: `${field} Link Title`,
			max: 12,
			unit: 'characters',
			required: true,
		});
		return { type: 1, name, web: { url: value, title } };
	}
	checkText(ctx, i, value, { field: `${field} Value`, max: 64, unit: 'characters' });
	return { type: 0, name, text: { value } };
}
