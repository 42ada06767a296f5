import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkText, inputError, splitList } from '../../../shared/validation';
import { readMemberIds, USERID, USERID_RULE } from '../common/members';
import { readDepartmentIds } from '../common/departments';

/** Member fields of user/create and user/update, with the limits of reference §4.2. */

export const MAX_DEPARTMENTS = 100;
export const MAX_DIRECT_LEADERS = 5;
const MOBILE = /^[\d+\-\s]{1,32}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const TELEPHONE = /^[\d+\-,]{1,32}$/;

/** Gender as WeCom stores it (1 male, 2 female). */
export const genderField: INodeProperties = {
	displayName: 'Gender',
	name: 'gender',
	type: 'options',
	options: [
		{ name: 'Female', value: '2' },
		{ name: 'Male', value: '1' },
	],
	default: '1',
};

const optionalFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: 'Office address, up to 128 characters',
	},
	{
		displayName: 'Alias',
		name: 'alias',
		type: 'string',
		default: '',
		description: 'Another name (别名), 1–64 characters',
	},
	{
		displayName: 'Avatar Media ID',
		name: 'avatarMediaId',
		type: 'string',
		default: '',
		description: 'Media ID of an uploaded image (Media → Upload)',
	},
	{
		displayName: 'Corp Email',
		name: 'bizMail',
		type: 'string',
		default: '',
		description: 'Corp mailbox (企业邮箱), 6–64 bytes, when corp mail is enabled',
	},
	{
		displayName: 'Direct Leaders',
		name: 'directLeaders',
		type: 'string',
		default: '',
		description: 'Member IDs of up to 5 direct superiors (直属上级), separated by commas',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether the member can use WeCom (启用); disabled members keep their data',
	},
	{
		displayName: 'Extra Attributes',
		name: 'extraAttributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Attribute',
		description:
			'Custom fields (扩展属性) defined in the admin console, e.g. 工号; unknown names are ignored by WeCom',
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: '工号' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Text', value: 'text' },
							{ name: 'Web Link', value: 'web' },
						],
						default: 'text',
					},
					{
						displayName: 'Value or URL',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Text up to 64 characters, or the link',
					},
					{
						displayName: 'Link Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Title of a web link, up to 12 characters',
						displayOptions: { show: { type: ['web'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'External Position',
		name: 'externalPosition',
		type: 'string',
		default: '',
		description: 'Position shown to external contacts, up to 12 characters',
	},
	genderField,
	{
		displayName: 'Leader In Department IDs',
		name: 'leaderIn',
		type: 'string',
		default: '',
		description:
			'Which of the member’s departments they head (部门负责人); IDs separated by commas',
	},
	{
		displayName: 'Main Department ID',
		name: 'mainDepartment',
		type: 'string',
		default: '',
		description: 'One of the member’s departments (主部门)',
	},
	{
		displayName: 'Orders In Departments',
		name: 'orders',
		type: 'string',
		default: '',
		description:
			'Sort value in each department, in the order of the departments, separated by commas (bigger first)',
	},
	{
		displayName: 'Position',
		name: 'position',
		type: 'string',
		default: '',
		description: 'Job title (职务), up to 128 characters',
	},
	{
		displayName: 'Telephone',
		name: 'telephone',
		type: 'string',
		default: '',
		description: 'Desk phone (座机), up to 32 of digits and -+,',
	},
];

export const createOnlyFields: INodeProperties[] = [
	{
		displayName: 'Send Invitation',
		name: 'toInvite',
		type: 'boolean',
		default: true,
		description: 'Whether WeCom invites the new member to join by SMS or email (邀请)',
	},
];

export const updateOnlyFields: INodeProperties[] = [
	{
		displayName: 'Department IDs',
		name: 'departments',
		type: 'string',
		default: '',
		description: 'Replaces the member’s departments; IDs separated by commas (up to 100)',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		description: 'Ignored by WeCom once the member has activated their account',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{
		displayName: 'New Member ID',
		name: 'newUserId',
		type: 'string',
		default: '',
		description: 'A WeCom-generated member ID may be changed once',
	},
];

export const additionalFields = [...optionalFields, ...createOnlyFields].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);
export const updateFields = [...optionalFields, ...updateOnlyFields].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

function text(fields: IDataObject, name: string): string | undefined {
	const value = fields[name];
	if (value === undefined || value === null) return undefined;
	const trimmed = String(value).trim();
	return trimmed === '' ? undefined : trimmed;
}

export function checkMemberId(
	ctx: IExecuteFunctions,
	i: number,
	userid: string,
	field = 'Member ID',
) {
	if (!userid) throw inputError(ctx, i, field, 'is required', 'Give the member ID (账号).');
	if (!USERID.test(userid))
		throw inputError(
			ctx,
			i,
			field,
			`"${userid.slice(0, 80)}" is not a valid member ID (${USERID_RULE})`,
			'Start with a letter or digit, and use only letters, digits and _-@.',
		);
}

export function checkMobile(ctx: IExecuteFunctions, i: number, mobile: string) {
	if (!MOBILE.test(mobile))
		throw inputError(
			ctx,
			i,
			'Mobile',
			`"${mobile}" is not a phone number WeCom accepts`,
			'Use up to 32 digits, + and -, e.g. +86 13800000000.',
		);
}

export function checkEmail(ctx: IExecuteFunctions, i: number, email: string, field = 'Email') {
	checkText(ctx, i, email, { field, min: 6, max: 64, unit: 'bytes' });
	if (!EMAIL.test(email))
		throw inputError(ctx, i, field, `"${email}" is not an email address`, 'Give name@domain.');
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
		if (!TELEPHONE.test(telephone))
			throw inputError(
				ctx,
				i,
				'Telephone',
				`"${telephone}" is not a desk phone WeCom accepts`,
				'Use up to 32 of digits and - + ,',
			);
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
