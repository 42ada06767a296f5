import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { departmentsField } from '../common/fields';
import { readIdList } from '../common/read';
import { createUser } from '../contacts/api';
import { readMobile, readUserDetails } from './details';
import { newUserFields, RESOURCE, userDetailFields } from './fields';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Create one user at once (创建用户)',
};

const show = showFor(RESOURCE, 'create');

export const description: INodeProperties[] = [
	...newUserFields('create'),
	departmentsField({
		name: 'departments',
		displayName: 'Department Names or IDs',
		description: 'The user’s departments (deptCodes).',
		displayOptions: show,
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: userDetailFields('create'),
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const corpUserId = String(this.getNodeParameter('corpUserId', i, '') ?? '').trim();
	if (!corpUserId)
		throw inputError(
			this,
			i,
			'Corp User ID',
			'is required',
			'Give your own ID for the person, e.g. the employee number.',
		);
	if (/\s/.test(corpUserId))
		throw inputError(
			this,
			i,
			'Corp User ID',
			`"${corpUserId}" contains spaces`,
			'Use an ID without spaces.',
		);
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const details = readUserDetails(this, i, {
		...extra,
		userNameCn: this.getNodeParameter('userNameCn', i, ''),
		sex: this.getNodeParameter('sex', i, 'M'),
	});
	const deptCodes = readIdList(
		this,
		i,
		'Department Names or IDs',
		this.getNodeParameter('departments', i, []),
		{
			what: 'department code',
		},
	);
	// UNCONFIRMED: required fields of contact/v1/user/create are not published; the pack requires those of the legacy sync API (corp user ID, Chinese name, sex, mobile, a department).
	if (!deptCodes.length && !details.corpDeptCodes)
		throw inputError(
			this,
			i,
			'Department Names or IDs',
			'is empty',
			'Pick at least one department, or give Corp Department Codes under Additional Fields.',
		);
	if (deptCodes.length && details.corpDeptCodes)
		throw inputError(
			this,
			i,
			'Corp Department Codes',
			'is set together with Department Names or IDs',
			'Give the departments one way only.',
		);
	return {
		corpUserId,
		mobileNumber: readMobile(
			this,
			i,
			'Mobile Number',
			this.getNodeParameter('mobileNumber', i, ''),
		),
		...(deptCodes.length ? { deptCodes } : {}),
		...details,
	};
}

/** Creates one user at once (contact/v1/user/create); not repeated after a lost answer. */
export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const created = await createUser(this, body, itemIndex);
	return { ...body, ...created, created: true };
}
