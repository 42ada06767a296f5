import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { membersField } from '../common/fields';
import { readMemberIds } from '../common/read';
import { deleteMembers } from '../contacts/api';
import { show } from './fields';

export const option: OperationOption = {
	name: 'Delete Many',
	value: 'deleteMany',
	action: 'Delete many members',
	description: 'Delete any number of members, 200 per call (批量删除成员)',
};

export const description: INodeProperties[] = [
	membersField({
		name: 'members',
		displayName: 'Members',
		description: 'The members to delete; any number.',
		displayOptions: show('deleteMany'),
	}),
];

export function prepare(this: IExecuteFunctions, i: number): string[] {
	const ids = readMemberIds(this, i, 'Members', this.getNodeParameter('members', i, []));
	if (!ids.length)
		throw inputError(this, i, 'Members', 'is empty', 'Give the IDs of the members to delete.');
	return ids;
}

/**
 * Any number of members, 200 per user/batchdelete call; when WeCom blames one member of a call, its
 * members are deleted one by one, so each gets its own result. A member that is not there counts
 * as deleted. If any could not be deleted the node fails (naming them), unless Continue On Fail is
 * on: then each member gets its result.
 */
export async function execute(this: IExecuteFunctions, userids: string[], i: number) {
	const { failures, gone } = await deleteMembers(this, userids, i);
	if (failures.size && !this.continueOnFail()) {
		const list = [...failures].slice(0, 10).map(([userid, error]) => `${userid}: ${error}`);
		throw new NodeOperationError(
			this.getNode(),
			`${failures.size} of ${userids.length} members could not be deleted`,
			{
				itemIndex: i,
				description: `${list.join('; ')}${failures.size > 10 ? '; …' : ''}. The others were deleted; turn on Continue On Fail for one result per member.`,
			},
		);
	}
	return userids.map((userid) => {
		const error = failures.get(userid);
		if (error !== undefined) return { userid, deleted: false, error };
		return gone.has(userid)
			? { userid, deleted: true, alreadyGone: true }
			: { userid, deleted: true };
	});
}
