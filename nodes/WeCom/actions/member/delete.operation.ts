import type { IExecuteFunctions } from 'n8n-workflow';

import { readMemberLocator } from '../common/members';
import { deleteMember } from '../contacts/api';

export function prepare(this: IExecuteFunctions, i: number): string {
	return readMemberLocator(this, i, 'member', 'Member');
}

/** GET user/delete (contacts-sync secret); also deletes a bound Tencent corp mail account. */
export async function execute(this: IExecuteFunctions, userid: string, i: number) {
	await deleteMember(this, userid, i);
	return { userid, deleted: true };
}
