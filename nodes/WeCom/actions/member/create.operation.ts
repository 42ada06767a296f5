import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../../shared/validation';
import { readDepartmentIds } from '../common/departments';
import { createMember } from '../contacts/api';
import { checkMemberId, readMemberBody } from './fields';

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
