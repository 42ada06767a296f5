import type { IExecuteFunctions } from 'n8n-workflow';

import { changeTagMembers, prepareTagMembers, type TagMembersInput } from './members';

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareTagMembers(this, i);
}

/** POST tag/addtagusers, 1,000 members and 100 departments per call. */
export async function execute(this: IExecuteFunctions, input: TagMembersInput, i: number) {
	return await changeTagMembers(this, input, true, i);
}
