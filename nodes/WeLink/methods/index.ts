import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { fetchAllDepartments } from '../actions/contacts/api';
import { weLinkApiRequestAllItems } from '../transport';

/** Departments scanned per page of the user picker (each is one or more user/simplelist calls). */
const DEPARTMENTS_PER_PAGE = 10;

function matches(filter: string | undefined, ...texts: unknown[]) {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((t) => t !== undefined && String(t).toLowerCase().includes(needle));
}

const departmentName = (d: IDataObject) =>
	`${String(d.deptNameCn ?? d.deptNameEn ?? d.deptCode)} (${String(d.deptCode)})`;

async function usersOf(ctx: ILoadOptionsFunctions, deptCode: string) {
	return await weLinkApiRequestAllItems.call(
		ctx,
		{ method: 'GET', path: '/contact/v1/user/simplelist', qs: { deptCode }, idempotent: true },
		{ listKey: 'data', pageParam: 'pageNo', sizeParam: 'pageSize', pageSize: 50 },
	);
}

async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const departments = await fetchAllDepartments(this);
	const start = Number(paginationToken ?? 0);
	const seen = new Set<string>();
	const results: INodeListSearchResult['results'] = [];
	for (const department of departments.slice(start, start + DEPARTMENTS_PER_PAGE)) {
		for (const user of await usersOf(this, String(department.deptCode))) {
			const id = String(user.userId);
			if (seen.has(id) || !matches(filter, id, user.userNameCn, user.userNameEn, user.corpUserId))
				continue;
			seen.add(id);
			results.push({
				name: `${String(user.userNameCn ?? user.userNameEn ?? id)} (${id})`,
				value: id,
			});
		}
	}
	const next = start + DEPARTMENTS_PER_PAGE;
	return { results, paginationToken: next < departments.length ? String(next) : undefined };
}

async function searchDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const departments = await fetchAllDepartments(this);
	return {
		results: departments
			.filter((d) => matches(filter, d.deptCode, d.deptNameCn, d.deptNameEn, d.corpDeptCode))
			.map((d) => ({ name: departmentName(d), value: String(d.deptCode) })),
	};
}

async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchUsers.call(this);
	return results.map((r) => ({ name: r.name, value: r.value }));
}

async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departments = await fetchAllDepartments(this);
	return departments.map((d) => ({ name: departmentName(d), value: String(d.deptCode) }));
}

export const listSearch = { searchUsers, searchDepartments };

export const loadOptions = { getUsers, getDepartments };
