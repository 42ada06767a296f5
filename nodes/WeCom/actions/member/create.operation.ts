import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { listPickerField } from '../../../shared/fields';
import { checkText, inputError } from '../../../shared/validation';
import { readDepartmentIds } from '../common/read';
import { createMember } from '../contacts/api';
import { readMemberBody } from './body';
import { additionalFields, show } from './fields';
import { checkMemberId } from './validate';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a member',
	description: 'Add a member (创建成员; contacts-sync secret)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Member ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'zhangsan',
		description:
			'The member’s account (账号): 1–64 letters, digits or _-@., unique in the corp (case-insensitive)',
		displayOptions: show('create'),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: '1–64 characters',
		displayOptions: show('create'),
	},
	listPickerField({
		name: 'departments',
		displayName: 'Department Names or IDs',
		description:
			'Up to 100 departments; the first is the main one unless Main Department ID says otherwise.',
		loadOptionsMethod: 'getDepartments',
		required: true,
		displayOptions: show('create'),
	}),
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		placeholder: '+86 13800000000',
		description: 'Mobile or email is required; unique in the corp',
		displayOptions: show('create'),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Mobile or email is required; 6–64 bytes, unique in the corp',
		displayOptions: show('create'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('create'),
		options: additionalFields,
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const userid = String(this.getNodeParameter('userId', i, '') ?? '').trim();
	checkMemberId(this, i, userid);
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	checkText(this, i, name, { field: 'Name', max: 64, unit: 'characters', required: true });
	const departments = readDepartmentIds(
		this,
		i,
		'Departments',
		this.getNodeParameter('departments', i, []),
	);
	if (!departments.length)
		throw inputError(
			this,
			i,
			'Departments',
			'is empty',
			'Pick at least one department (1 is the root).',
		);
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		userid,
		...readMemberBody(
			this,
			i,
			{
				...extra,
				name,
				mobile: this.getNodeParameter('mobile', i, ''),
				email: this.getNodeParameter('email', i, ''),
			},
			departments,
		),
	};
	if (!body.mobile && !body.email)
		throw inputError(
			this,
			i,
			'Mobile',
			'and Email are both empty',
			'WeCom needs a mobile number or an email address to reach the new member (60129).',
		);
	if (extra.toInvite !== undefined) body.to_invite = extra.toInvite !== false;
	return body;
}

/** POST user/create (contacts-sync secret). */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	await createMember(this, body, i);
	return { ...body, created: true };
}
