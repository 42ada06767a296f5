import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { weComApiRequest } from '../transport';
import { customerListSearch, customerLoadOptions } from './customerContact';
import { matches, membersOfDepartment, visibleDepartments } from './directory';

/** Departments scanned per page of the member picker (each is one user/simplelist call). */
const DEPARTMENTS_PER_PAGE = 20;

async function searchMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const departments = await visibleDepartments.call(this);
	const start = Number(paginationToken ?? 0);
	const seen = new Set<string>();
	const results: INodeListSearchResult['results'] = [];
	const page = departments.slice(start, start + DEPARTMENTS_PER_PAGE);
	for (const department of page) {
		for (const member of await membersOfDepartment.call(this, department.id)) {
			if (seen.has(member.userid) || !matches(filter, member.userid, member.name)) continue;
			seen.add(member.userid);
			results.push({ name: `${member.name} (${member.userid})`, value: member.userid });
		}
	}
	const next = start + DEPARTMENTS_PER_PAGE;
	return { results, paginationToken: next < departments.length ? String(next) : undefined };
}

async function searchDepartments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const departments = await visibleDepartments.call(this);
	return {
		results: departments
			.filter((d) => matches(filter, d.id, d.name))
			.map((d) => ({ name: `${d.name} (${d.id})`, value: String(d.id) })),
	};
}

async function getMembers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchMembers.call(this);
	return results.map((r) => ({ name: r.name, value: r.value }));
}

async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const departments = await visibleDepartments.call(this);
	return departments.map((d) => ({ name: `${d.name} (${d.id})`, value: d.id }));
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
