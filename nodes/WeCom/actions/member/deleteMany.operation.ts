import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readMemberIds } from '../common/members';
import { deleteMembers } from '../contacts/api';

export function prepare(this: IExecuteFunctions, i: number): string[] {
	const ids = readMemberIds(this, i, 'Members', this.getNodeParameter('members', i, []));
	if (!ids.length)
		throw inputError(this, i, 'Members', 'is empty', 'Give the IDs of the members to delete.');
	return ids;
}

/**
 * Any number of members, 200 per user/batchdelete call; when WeCom refuses a call (one bad ID fails
 * all 200) its members are deleted one by one, so each gets its own result.
 */
export async function execute(this: IExecuteFunctions, userids: string[], i: number) {
	const failures = await deleteMembers(this, userids, i);
	return userids.map((userid) => {
		const error = failures.get(userid);
		return error === undefined ? { userid, deleted: true } : { userid, deleted: false, error };
	});
}
