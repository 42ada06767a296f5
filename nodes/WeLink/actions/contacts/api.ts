import type { IDataObject } from 'n8n-workflow';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import { collectPages } from '../../../shared/pagination';
import type { ApiContext } from '../../../shared/transport';
import { weLinkApiRequest, weLinkApiRequestAllItems } from '../../transport';
import type { DepartmentRef, UserRef } from '../common/read';

/**
 * WeLink contacts (reference §5) as plain functions over the transport: reads and real-time writes
 * (the asynchronous batch jobs are in jobs.ts). No n8n parameters here, so the Contacts Sync adapter
 * and the pickers can use them too.
 */

/** contact/v2/departments/list: limit at most 100. */
export const DEPARTMENT_PAGE_SIZE = 100;
// UNCONFIRMED: the maximum pageSize of contact/v2/user/list is not published; 50 is the documented maximum of the older user lists.
export const USER_PAGE_SIZE = 50;
/** contact/v1/users/accounts: at most 50 corp user IDs per call. */
export const ACCOUNTS_PER_CALL = 50;
/** Parallel calls when one operation walks many departments. */
export const CONTACT_CONCURRENCY = 3;
/** The root department's code: level-1 departments have parent "0". */
export const ROOT_DEPARTMENT = '0';

function hasChildren(department: IDataObject) {
	const flag = department.hasChildDept;
	return !(flag === false || flag === 0 || flag === '0' || flag === 'false');
}

/**
 * The children of one department, paged 100 at a time. `offset` is read as a page number starting
 * at 1; pages are de-duplicated by deptCode and a page that adds nothing ends the walk, so a server
 * that reads `offset` as a record offset still gives a complete, duplicate-free list.
 */
export async function listChildDepartments(
	ctx: ApiContext,
	deptCode: string,
	options: { recursive?: boolean; limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const seen = new Set<string>();
	return await collectPages<IDataObject>(async (page) => {
		// offset is the page, from 1 (message_sync.html; PY ContactV2DepartmentsListRequest "当前页"); the
		// doc's example answer reads like a record offset, hence the de-duplication above.
		const offset = Number(page ?? 1);
		const response = await weLinkApiRequest.call(ctx, {
			method: 'GET',
			path: '/contact/v2/departments/list',
			qs: {
				deptCode,
				recursiveflag: options.recursive ? 1 : 0,
				offset,
				limit: DEPARTMENT_PAGE_SIZE,
			},
			idempotent: true,
			itemIndex: options.itemIndex,
		});
		const list = (response.departmentInfo as IDataObject[] | undefined) ?? [];
		const fresh = list.filter((d) => {
			const code = String(d.deptCode);
			if (seen.has(code)) return false;
			seen.add(code);
			return true;
		});
		return {
			items: fresh,
			next: list.length >= DEPARTMENT_PAGE_SIZE && fresh.length > 0 ? offset + 1 : undefined,
		};
	}, options.limit);
}

/**
 * Every department the app can see: the level-1 departments (children of "0"), then each one's
 * descendants with recursiveflag=1, a few in parallel. WeLink cannot walk the root recursively
 * ("一级部门不支持直接遍历", message_sync.html).
 */
export async function fetchAllDepartments(
	ctx: ApiContext,
	options: { itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const top = await listChildDepartments(ctx, ROOT_DEPARTMENT, { itemIndex: options.itemIndex });
	const below = await mapWithConcurrency(top, CONTACT_CONCURRENCY, async (department) =>
		hasChildren(department)
			? await listChildDepartments(ctx, String(department.deptCode), {
					recursive: true,
					itemIndex: options.itemIndex,
				})
			: [],
	);
	const all: IDataObject[] = [];
	const seen = new Set<string>();
	for (const department of [...top, ...below.flat()]) {
		const code = String(department.deptCode);
		if (seen.has(code)) continue;
		seen.add(code);
		all.push(department);
	}
	return all;
}

export async function getDepartment(
	ctx: ApiContext,
	ref: DepartmentRef,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await weLinkApiRequest.call(ctx, {
		method: 'GET',
		path: '/contact/v2/department/detail',
		qs: { ...ref },
		idempotent: true,
		itemIndex,
	});
	return unwrap(response);
}

/** The users of one department with their details (contact/v2/user/list, pageNo from 1, hasMore). */
export async function listDepartmentUsers(
	ctx: ApiContext,
	ref: DepartmentRef,
	options: { limit?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	return await weLinkApiRequestAllItems.call(
		ctx,
		{
			method: 'GET',
			path: '/contact/v2/user/list',
			qs: { ...ref },
			idempotent: true,
			itemIndex: options.itemIndex,
		},
		{
			listKey: 'data',
			pageParam: 'pageNo',
			sizeParam: 'pageSize',
			pageSize: USER_PAGE_SIZE,
			limit: options.limit,
		},
	);
}

/** Every user the app can see, once each (a user in several departments is listed once). */
export async function fetchAllUsers(
	ctx: ApiContext,
	options: { departments?: IDataObject[]; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const departments =
		options.departments ?? (await fetchAllDepartments(ctx, { itemIndex: options.itemIndex }));
	const perDepartment = await mapWithConcurrency(
		departments,
		CONTACT_CONCURRENCY,
		async (department) =>
			await listDepartmentUsers(
				ctx,
				{ deptCode: String(department.deptCode) },
				{ itemIndex: options.itemIndex },
			),
	);
	const users: IDataObject[] = [];
	const seen = new Set<string>();
	for (const user of perDepartment.flat()) {
		const id = String(user.userId);
		if (seen.has(id)) continue;
		seen.add(id);
		users.push(user);
	}
	return users;
}

export async function getUser(ctx: ApiContext, ref: UserRef, itemIndex?: number) {
	const response = await weLinkApiRequest.call(ctx, {
		method: 'POST',
		path: '/contact/v2/user/detail',
		body: { ...ref },
		idempotent: true,
		itemIndex,
	});
	return unwrap(response);
}

/** corpUserId → userId, 50 per call. Unknown corp user IDs are absent from the map. */
export async function resolveUserIds(
	ctx: ApiContext,
	corpUserIds: string[],
	itemIndex?: number,
): Promise<Map<string, string>> {
	const found = new Map<string, string>();
	for (const batch of chunk(corpUserIds, ACCOUNTS_PER_CALL)) {
		const response = await weLinkApiRequest.call(ctx, {
			method: 'POST',
			path: '/contact/v1/users/accounts',
			body: { corpUserId: batch },
			idempotent: true,
			itemIndex,
		});
		for (const info of (response.userInfo as IDataObject[] | undefined) ?? [])
			if (info.corpUserId !== undefined && info.userId !== undefined)
				found.set(String(info.corpUserId), String(info.userId));
	}
	return found;
}

/** Real-time writes (contact/v1/department/*, contact/v1/user/*): the result comes back at once. */
async function write(
	ctx: ApiContext,
	path: string,
	body: IDataObject,
	idempotent: boolean,
	itemIndex?: number,
) {
	return unwrap(
		await weLinkApiRequest.call(ctx, { method: 'POST', path, body, idempotent, itemIndex }),
	);
}

export const createDepartment = async (ctx: ApiContext, body: IDataObject, itemIndex?: number) =>
	await write(ctx, '/contact/v1/department/create', body, false, itemIndex);
/** Writing the same values twice is harmless, so a lost answer may be retried. */
export const updateDepartment = async (ctx: ApiContext, body: IDataObject, itemIndex?: number) =>
	await write(ctx, '/contact/v1/department/update', body, true, itemIndex);
export const deleteDepartment = async (ctx: ApiContext, ref: DepartmentRef, itemIndex?: number) =>
	await write(ctx, '/contact/v1/department/delete', { ...ref }, true, itemIndex);
export const createUser = async (ctx: ApiContext, body: IDataObject, itemIndex?: number) =>
	await write(ctx, '/contact/v1/user/create', body, false, itemIndex);
export const updateUser = async (ctx: ApiContext, body: IDataObject, itemIndex?: number) =>
	await write(ctx, '/contact/v1/user/update', body, true, itemIndex);
export const deleteUser = async (
	ctx: ApiContext,
	ref: UserRef,
	deleteAccount: boolean,
	itemIndex?: number,
) =>
	await write(
		ctx,
		'/contact/v1/user/delete',
		// UNCONFIRMED: isDeleteUser semantics; read as 1 = also delete the account, 0 = only remove from the org.
		{ ...ref, isDeleteUser: deleteAccount ? 1 : 0 },
		true,
		itemIndex,
	);

/**
 * Changes a user's mobile number (PUT contact/v1/user/mobilenumber): user/update takes the mobile
 * number as a way to find the user, not as a field to change. An activated user may change number
 * at most 3 times in 24 hours.
 */
export const changeUserMobile = async (
	ctx: ApiContext,
	ref: UserRef,
	mobileNumber: string,
	itemIndex?: number,
) =>
	unwrap(
		await weLinkApiRequest.call(ctx, {
			method: 'PUT',
			path: '/contact/v1/user/mobilenumber',
			body: { ...ref, mobileNumber },
			idempotent: true,
			itemIndex,
		}),
	);

/** Drops WeLink's envelope (code, message) from an answer. */
export function withoutEnvelope(response: IDataObject): IDataObject {
	const { code, message, ...rest } = response;
	void code;
	void message;
	return rest;
}

/** WeLink answers with the record at the top level or under `data`. */
export function unwrap(response: IDataObject): IDataObject {
	const rest = withoutEnvelope(response);
	const data = rest.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) return { ...(data as IDataObject) };
	return rest;
}
