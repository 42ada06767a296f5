import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { weComApiRequest } from '../transport';

export interface DirectoryDepartment {
	id: number;
	name: string;
	parentid: number;
}

export interface DirectoryMember {
	userid: string;
	name: string;
	department?: number[];
}

/**
 * What the credential's app can see of the org, for pickers. department/list gives names; when an
 * app may only use simplelist (contacts-sync IPs added after 2022-08-15), departments show as IDs.
 */
export async function visibleDepartments(
	this: ILoadOptionsFunctions,
): Promise<DirectoryDepartment[]> {
	const list = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/department/list',
		idempotent: true,
	});
	return ((list.department as IDataObject[]) ?? []).map((d) => ({
		id: Number(d.id),
		name: String(d.name ?? d.id),
		parentid: Number(d.parentid ?? 0),
	}));
}

export async function membersOfDepartment(
	this: ILoadOptionsFunctions,
	departmentId: number,
): Promise<DirectoryMember[]> {
	const list = await weComApiRequest.call(this, {
		method: 'GET',
		path: '/cgi-bin/user/simplelist',
		qs: { department_id: departmentId },
		idempotent: true,
	});
	return ((list.userlist as IDataObject[]) ?? []).map((m) => ({
		userid: String(m.userid),
		name: String(m.name ?? m.userid),
		department: m.department as number[] | undefined,
	}));
}

export function matches(filter: string | undefined, ...texts: Array<string | number>) {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((t) => String(t).toLowerCase().includes(needle));
}
