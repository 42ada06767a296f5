import type { IExecuteFunctions } from 'n8n-workflow';

import { readMemberLocator } from '../common/members';
import { getMember } from '../contacts/api';

export function prepare(this: IExecuteFunctions, i: number): string {
	return readMemberLocator(this, i, 'member', 'Member');
}

/** GET user/get. Apps created after 2022-06-20 no longer receive mobile, email, gender, avatar or address. */
export async function execute(this: IExecuteFunctions, userid: string, i: number) {
	return await getMember(this, userid, i);
}
