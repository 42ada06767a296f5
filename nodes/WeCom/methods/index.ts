import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { weComApiRequest } from '../transport';
import { customerListSearch, customerLoadOptions } from './customerContact';
import { entry, matches, memberIdPage, membersOfDepartment, visibleDepartments } from './directory';

/** Departments scanned per page of the member picker (each is one user/simplelist call). */
const DEPARTMENTS_PER_PAGE = 20;

/** Pages of member IDs (when names are refused) go on with user/list_id's cursor. */
const ID_PAGES = 'ids:';

async function searchMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchResult['results'] = [];
	const listIds = async (cursor: string) => {
		const { members, next } = await memberIdPage.call(this, cursor);
		for (const m of members) if (matches(filter, m.userid)) results.push(entry(m.userid, m.name));
		return { results, paginationToken: next ? `${ID_PAGES}${next}` : undefined };
	};
	if (paginationToken?.startsWith(ID_PAGES))
		return await listIds(paginationToken.slice(ID_PAGES.length));
	const { departments, idsOnly } = await visibleDepartments.call(this);
	if (idsOnly) return await listIds('');
	const start = Number(paginationToken ?? 0);
	const seen = new Set<string>();
	const page = departments.slice(start, start + DEPARTMENTS_PER_PAGE);
	for (const department of page) {
		for (const member of await membersOfDepartment.call(this, department.id)) {
			if (seen.has(member.userid) || !matches(filter, member.userid, member.name)) continue;
			seen.add(member.userid);
			results.push(entry(member.userid, member.name));
		}
	}
	const next = start + DEPARTMENTS_PER_PAGE;
	return { results, paginationToken: next < departments.length ? String(next) : undefined };
}

async function searchDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const results = await getDepartments.call(this);
	return {
		results: results
			// The name shows the ID too.
			.filter((d) => matches(filter, d.name))
			.map((d) => ({ ...d, value: String(d.value) })),
	};
}

async function getMembers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchMembers.call(this);
	return results;
}

async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { departments } = await visibleDepartments.call(this);
	return departments.map((d) => entry(d.id, d.name));
}

async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const list = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/tag/list',
		idempotent: true,
	});
	return ((list.taglist as Array<{ tagid: number; tagname: string }>) ?? []).map((t) => ({
		name: `${t.tagname} (${t.tagid})`,
		value: t.tagid,
	}));
}

async function searchTags(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tags = await getTags.call(this);
	return {
		results: tags
			.filter((t) => matches(filter, t.name))
			.map((t) => ({ name: t.name, value: String(t.value) })),
	};
}

export const listSearch = { searchMembers, searchDepartments, searchTags, ...customerListSearch };

export const loadOptions = { getMembers, getDepartments, getTags, ...customerLoadOptions };
