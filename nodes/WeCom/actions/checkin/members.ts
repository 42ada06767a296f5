import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency, unique } from '../../../shared/batching';
import { inputError, splitList } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { USERID, USERID_RULE } from '../common/ids';

/** Whose check-in data: given members, the members of departments, or everyone the app can see. */
export type Who =
	| { kind: 'members'; userids: string[] }
	| { kind: 'departments'; departmentIds: number[]; includeSubDepartments: boolean }
	| { kind: 'all' };

/** Directory reads (user/simplelist, department/simplelist) in flight at once. */
const DIRECTORY_CONCURRENCY = 5;

export function readWho(ctx: IExecuteFunctions, itemIndex: number): Who {
	const who = ctx.getNodeParameter('who', itemIndex, 'members') as string;
	if (who === 'all') return { kind: 'all' };
	if (who === 'departments') {
		const ids = splitList(ctx.getNodeParameter('departments', itemIndex, []));
		if (!ids.length)
			throw inputError(
				ctx,
				itemIndex,
				'Departments',
				'is empty',
				'Pick at least one department, give department IDs by expression, or choose Who: Everyone.',
			);
		const bad = ids.find((id) => !/^\d+$/.test(id) || Number(id) < 1);
		if (bad !== undefined)
			throw inputError(
				ctx,
				itemIndex,
				'Departments',
				`"${bad}" is not a department ID`,
				'Departments are given by numeric ID (1 = the whole corp); pick them from the list to see names and IDs.',
			);
		return {
			kind: 'departments',
			departmentIds: ids.map(Number),
			includeSubDepartments: ctx.getNodeParameter(
				'includeSubDepartments',
				itemIndex,
				true,
			) as boolean,
		};
	}
	if (who !== 'members')
		throw inputError(
			ctx,
			itemIndex,
			'Who',
			`"${who}" is not a choice`,
			'Use Members, Departments or Everyone.',
		);
	const userids = splitList(ctx.getNodeParameter('members', itemIndex, []));
	if (!userids.length)
		throw inputError(
			ctx,
			itemIndex,
			'Members',
			'is empty',
			'Pick members, give member IDs by expression (an array, or IDs separated by commas or |), or choose Who: Everyone.',
		);
	const bad = userids.find((id) => !USERID.test(id));
	if (bad !== undefined)
		throw inputError(
			ctx,
			itemIndex,
			'Members',
			`"${bad.slice(0, 80)}" is not a member ID (${USERID_RULE})`,
			'Member IDs start with a letter or digit; use IDs, not names.',
		);
	return { kind: 'members', userids };
}

async function departmentTree(ctx: IExecuteFunctions, id: number | undefined, itemIndex: number) {
	const response = await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/department/simplelist',
		qs: id === undefined ? {} : { id },
		idempotent: true,
		itemIndex,
	});
	return ((response.department_id as IDataObject[] | undefined) ?? []).map((d) => Number(d.id));
}

async function departmentMembers(ctx: IExecuteFunctions, id: number, itemIndex: number) {
	const response = await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/user/simplelist',
		qs: { department_id: id },
		idempotent: true,
		itemIndex,
	});
	return ((response.userlist as IDataObject[] | undefined) ?? []).map((m) => ({
		userid: String(m.userid),
		name: m.name === undefined ? undefined : String(m.name),
	}));
}

export interface ResolvedMembers {
	userids: string[];
	/** Names, when the directory gave them (departments, everyone). */
	names: Map<string, string>;
}

/**
 * Turns the choice into member IDs. Departments are read with user/simplelist, one call per
 * department; sub-departments (and "everyone") are found with department/simplelist, since
 * user/simplelist's fetch_child is no longer documented.
 */
export async function resolveMembers(
	ctx: IExecuteFunctions,
	who: Who,
	itemIndex: number,
): Promise<ResolvedMembers> {
	const names = new Map<string, string>();
	if (who.kind === 'members') return { userids: who.userids, names };
	let departments: number[];
	if (who.kind === 'all') {
		// Members visible to the app one by one, outside any visible department, are not found this way.
		departments = await departmentTree(ctx, undefined, itemIndex);
	} else if (who.includeSubDepartments) {
		const trees = await mapWithConcurrency(who.departmentIds, DIRECTORY_CONCURRENCY, (id) =>
			departmentTree(ctx, id, itemIndex),
		);
		departments = unique([...who.departmentIds, ...trees.flat()]);
	} else {
		departments = who.departmentIds;
	}
	const lists = await mapWithConcurrency(departments, DIRECTORY_CONCURRENCY, (id) =>
		departmentMembers(ctx, id, itemIndex),
	);
	const seen = new Set<string>();
	const userids: string[] = [];
	for (const member of lists.flat()) {
		if (seen.has(member.userid)) continue;
		seen.add(member.userid);
		userids.push(member.userid);
		if (member.name !== undefined) names.set(member.userid, member.name);
	}
	return { userids, names };
}
