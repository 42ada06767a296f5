import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readMemberLocator } from '../common/members';
import { readDepartmentIds } from '../common/departments';
import { updateMember } from '../contacts/api';
import { checkMemberId, readMemberBody } from './fields';

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const userid = readMemberLocator(this, i, 'member', 'Member');
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const departments =
		fields.departments !== undefined && String(fields.departments).trim() !== ''
			? readDepartmentIds(this, i, 'Department IDs', fields.departments)
			: undefined;
	const body: IDataObject = { userid, ...readMemberBody(this, i, fields, departments) };
	if (fields.name !== undefined && !body.name)
		throw inputError(this, i, 'Name', 'is empty', 'Give the new name, or remove the field.');
	const newUserId = String(fields.newUserId ?? '').trim();
	if (newUserId) {
		checkMemberId(this, i, newUserId, 'New Member ID');
		body.new_userid = newUserId;
	}
	if (Object.keys(body).length === 1)
		throw inputError(
			this,
			i,
			'Update Fields',
			'has nothing to change',
			'Add at least one field to update.',
		);
	return body;
}

/** POST user/update: omitted fields stay; WeCom ignores a new mobile once the member has activated. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	await updateMember(this, body, i);
	return { ...body, updated: true };
}
