import type { IExecuteFunctions } from 'n8n-workflow';

import { chunk } from '../../../shared/batching';
import { withItemIndex } from '../../../shared/router';
import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { readMemberIds, readDepartmentIds } from '../common/read';
import { readTagLocator } from './tag';

/** addtagusers/deltagusers take at most 1,000 members and 100 departments per call (reference §4.4). */
export const MEMBERS_PER_CALL = 1000;
export const DEPARTMENTS_PER_CALL = 100;
/** Errcodes meaning "every member and department of this call is invalid". */
const ALL_INVALID = new Set([40070, 40031]);

export interface TagMembersInput {
	tagid: number;
	userlist: string[];
	partylist: number[];
}

export function prepareTagMembers(ctx: IExecuteFunctions, i: number): TagMembersInput {
	const userlist = readMemberIds(ctx, i, 'Members', ctx.getNodeParameter('members', i, []));
	const partylist = readDepartmentIds(
		ctx,
		i,
		'Departments',
		ctx.getNodeParameter('departments', i, []),
	);
	if (!userlist.length && !partylist.length)
		throw inputError(
			ctx,
			i,
			'Members',
			'and Departments are both empty',
			'Give members, departments or both.',
		);
	return { tagid: readTagLocator(ctx, i), userlist, partylist };
}

/**
 * Adds or removes any number of members and departments, split into the sizes WeCom takes. WeCom
 * skips invalid entries and names them; they are returned, so one bad ID does not hide the rest.
 */
export async function changeTagMembers(
	ctx: IExecuteFunctions,
	input: TagMembersInput,
	adding: boolean,
	i: number,
) {
	const path = adding ? '/cgi-bin/tag/addtagusers' : '/cgi-bin/tag/deltagusers';
	const userChunks = chunk(input.userlist, MEMBERS_PER_CALL);
	const partyChunks = chunk(input.partylist, DEPARTMENTS_PER_CALL);
	const invalidMembers: string[] = [];
	const invalidDepartments: number[] = [];
	for (let n = 0; n < Math.max(userChunks.length, partyChunks.length); n++) {
		const userlist = userChunks[n] ?? [];
		const partylist = partyChunks[n] ?? [];
		try {
			const response = await weComApiRequest.call(ctx, {
				method: 'POST',
				path,
				body: {
					tagid: input.tagid,
					...(userlist.length ? { userlist } : {}),
					...(partylist.length ? { partylist } : {}),
				},
				idempotent: true,
				itemIndex: i,
			});
			invalidMembers.push(
				...String(response.invalidlist ?? '')
					.split('|')
					.filter(Boolean),
			);
			invalidDepartments.push(
				...((response.invalidparty as number[] | undefined) ?? []).map(Number),
			);
		} catch (error) {
			const errcode = Number(
				(error as { context?: { details?: { errcode?: number } } }).context?.details?.errcode,
			);
			if (!ALL_INVALID.has(errcode)) throw withItemIndex(ctx, error, i);
			invalidMembers.push(...userlist);
			invalidDepartments.push(...partylist);
		}
	}
	const members = input.userlist.filter((u) => !invalidMembers.includes(u));
	const departments = input.partylist.filter((p) => !invalidDepartments.includes(p));
	return {
		tagid: input.tagid,
		[adding ? 'addedMembers' : 'removedMembers']: members,
		[adding ? 'addedDepartments' : 'removedDepartments']: departments,
		invalidMembers,
		invalidDepartments,
	};
}
