import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chunk, mapWithConcurrency, unique } from '../../../shared/batching';
import { weComApiRequest } from '../../transport';
import { weComErrcode } from '../../transport/errors';

/**
 * Contact calls shared by the Department/Member operations, the batch jobs and the sync adapter
 * (the department picker and its checks are in common/departments.ts).
 * Department and member writes need the contacts-sync secret (通讯录同步) in the credential.
 */

export interface WeComDepartment extends IDataObject {
	id: number;
	name: string;
	parentid: number;
	order?: number;
}

export async function listDepartments(
	ctx: IExecuteFunctions,
	id?: number,
	itemIndex?: number,
): Promise<WeComDepartment[]> {
	const response = await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/department/list',
		qs: id ? { id } : {},
		idempotent: true,
		itemIndex,
	});
	return (response.department as WeComDepartment[]) ?? [];
}

export async function simpleDepartmentIds(
	ctx: IExecuteFunctions,
	id: number,
	itemIndex?: number,
): Promise<number[]> {
	const response = await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/department/simplelist',
		qs: { id },
		idempotent: true,
		itemIndex,
	});
	return ((response.department_id as Array<{ id: number }>) ?? []).map((d) => d.id);
}

/**
 * Members of a department, or of it and every department below (user/list per department: the
 * fetch_child flag is no longer documented, so sub-departments are walked explicitly).
 */
export async function listMembers(
	ctx: IExecuteFunctions,
	departmentId: number,
	options: { recursive: boolean; detailed: boolean; limit?: number },
	itemIndex?: number,
): Promise<IDataObject[]> {
	const departments = options.recursive
		? await simpleDepartmentIds(ctx, departmentId, itemIndex)
		: [departmentId];
	const path = options.detailed ? '/cgi-bin/user/list' : '/cgi-bin/user/simplelist';
	const seen = new Set<string>();
	const members: IDataObject[] = [];
	const pages = await mapWithConcurrency(unique(departments), 4, async (id) => {
		const response = await weComApiRequest.call(ctx, {
			method: 'GET',
			path,
			qs: { department_id: id },
			idempotent: true,
			itemIndex,
		});
		return (response.userlist as IDataObject[]) ?? [];
	});
	for (const page of pages) {
		for (const member of page) {
			if (seen.has(String(member.userid))) continue;
			seen.add(String(member.userid));
			members.push(member);
			if (options.limit !== undefined && members.length >= options.limit) return members;
		}
	}
	return members;
}

// ---- writes (contacts-sync secret) -----------------------------------------------------------------

/** department/create: the new department's ID. Not repeated automatically (a lost answer may have created it). */
export async function createDepartment(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex?: number,
): Promise<number> {
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/department/create',
		body,
		idempotent: false,
		itemIndex,
	});
	return Number(response.id);
}

export async function updateDepartment(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex?: number,
) {
	await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/department/update',
		body,
		idempotent: true,
		itemIndex,
	});
}

export async function deleteDepartment(ctx: IExecuteFunctions, id: number, itemIndex?: number) {
	await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/department/delete',
		qs: { id },
		idempotent: false,
		itemIndex,
	});
}

export async function getMember(
	ctx: IExecuteFunctions,
	userid: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const { errcode, errmsg, ...member } = await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/user/get',
		qs: { userid },
		idempotent: true,
		itemIndex,
	});
	void errcode;
	void errmsg;
	return member;
}

export async function createMember(ctx: IExecuteFunctions, body: IDataObject, itemIndex?: number) {
	await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/user/create',
		body,
		idempotent: false,
		itemIndex,
	});
}

export async function updateMember(ctx: IExecuteFunctions, body: IDataObject, itemIndex?: number) {
	await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/user/update',
		body,
		idempotent: true,
		itemIndex,
	});
}

export async function deleteMember(ctx: IExecuteFunctions, userid: string, itemIndex?: number) {
	await weComApiRequest.call(ctx, {
		method: 'GET',
		path: '/cgi-bin/user/delete',
		qs: { userid },
		idempotent: false,
		itemIndex,
	});
}

export const MAX_BATCH_DELETE = 200;

/**
 * batchdelete answers that blame one member of the list (reference §4.2: "any invalid userid fails
 * the whole call"): invalid or unknown userid, the corp creator. Only these are redone one by one;
 * a permission, IP or token refusal would fail every member the same way.
 */
const PER_MEMBER_ERRCODES = new Set([40003, 40031, 46004, 60111, 301005]);

/** "No such member" (60111; 46004 on some calls): for a delete, already done. */
const GONE_ERRCODES = new Set([46004, 60111]);

export interface DeleteOutcome {
	/** Member ID → why it could not be deleted. */
	failures: Map<string, string>;
	/** Members that were not there (any more): counted as deleted. */
	gone: Set<string>;
}

/**
 * Deletes any number of members, 200 per user/batchdelete call. When WeCom blames one member of a
 * call, its members are deleted one by one to find out which; any other refusal (permission, IP,
 * token, limits) fails that call's members and the ones not sent yet, without more calls.
 */
export async function deleteMembers(
	ctx: IExecuteFunctions,
	userids: string[],
	itemIndex?: number,
): Promise<DeleteOutcome> {
	const outcome: DeleteOutcome = { failures: new Map(), gone: new Set() };
	const batches = chunk(unique(userids), MAX_BATCH_DELETE);
	const giveUp = (from: number, error: unknown, first: string[] = []) => {
		const reason = (error as Error).message;
		for (const userid of [...first, ...batches.slice(from).flat()])
			outcome.failures.set(userid, reason);
	};
	for (let b = 0; b < batches.length; b++) {
		const batch = batches[b];
		try {
			await weComApiRequest.call(ctx, {
				method: 'POST',
				path: '/cgi-bin/user/batchdelete',
				body: { useridlist: batch },
				idempotent: false,
				itemIndex,
			});
			continue;
		} catch (error) {
			const errcode = weComErrcode(error);
			if (errcode === undefined || !PER_MEMBER_ERRCODES.has(errcode)) {
				giveUp(b, error);
				return outcome;
			}
		}
		for (let m = 0; m < batch.length; m++) {
			try {
				await deleteMember(ctx, batch[m], itemIndex);
			} catch (error) {
				const errcode = weComErrcode(error);
				if (errcode !== undefined && GONE_ERRCODES.has(errcode)) outcome.gone.add(batch[m]);
				else if (errcode !== undefined && PER_MEMBER_ERRCODES.has(errcode))
					outcome.failures.set(batch[m], (error as Error).message);
				else {
					giveUp(b + 1, error, batch.slice(m));
					return outcome;
				}
			}
		}
	}
	return outcome;
}

/** Full "A/B/C" paths of departments by ID, from a department list. */
export function departmentPaths(departments: WeComDepartment[]): Map<number, string> {
	const byId = new Map(departments.map((d) => [d.id, d]));
	const paths = new Map<number, string>();
	const pathOf = (id: number, seen = new Set<number>()): string => {
		const known = paths.get(id);
		if (known !== undefined) return known;
		const dept = byId.get(id);
		if (!dept) return '';
		seen.add(id);
		const parent =
			byId.has(dept.parentid) && !seen.has(dept.parentid) ? pathOf(dept.parentid, seen) : '';
		const path = parent ? `${parent}/${dept.name}` : dept.name;
		paths.set(id, path);
		return path;
	};
	for (const d of departments) pathOf(d.id);
	return paths;
}
