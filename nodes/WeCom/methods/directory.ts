import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { asNodeError } from '../../shared/router';
import type { ApiRequest } from '../../shared/transport';
import { weComApiRequest, weComReaderRequest, WECOM_READER_CREDENTIAL } from '../transport';
import { weComErrcode } from '../transport/errors';

/**
 * What the pickers can read of the org. From an IP added after 2022-08-15 WeCom lets the
 * contacts-sync secret list IDs only (department/list, user/simplelist: 48009; department/simplelist
 * and user/list_id still work — docs/reference/wecom-contacts.md). So a picker reads names with the
 * WeCom Contacts Reader credential when the node has one, else with the WeCom API credential, and
 * falls back to IDs when that credential holds such a secret.
 */

export interface DirectoryDepartment {
	id: number;
	/** Undefined when only IDs could be listed. */
	name?: string;
	parentid: number;
}

export interface DirectoryMember {
	userid: string;
	name?: string;
}

/** Why a list shows IDs only, on each of its entries. */
export const IDS_ONLY =
	'Names hidden: WeCom lets the contacts-sync secret in the WeCom API credential list only IDs from this server’s IP (48009, IPs trusted after 2022-08-15). Names show with a WeCom Contacts Reader credential (Contacts Sync, Read Directory With: Contacts Reader Credential) or a self-built app’s Secret in the WeCom API credential.';

/** user/list_id rows per picker page (1–10,000, path/96067). */
const LIST_ID_PAGE = 1000;

/**
 * n8n lets a node use the reader credential only where the node shows it: Contacts Sync reading
 * with the reader app (WeCom.node.ts).
 */
function readsWithReader(ctx: ILoadOptionsFunctions) {
	return (
		Boolean(ctx.getNode().credentials?.[WECOM_READER_CREDENTIAL]) &&
		ctx.getCurrentNodeParameter('resource') === 'contactsSync' &&
		ctx.getCurrentNodeParameter('readWith') !== 'credential'
	);
}

function read(ctx: ILoadOptionsFunctions, request: Omit<ApiRequest, 'idempotent'>) {
	const send = readsWithReader(ctx) ? weComReaderRequest : weComApiRequest;
	return send.call(ctx, { ...request, idempotent: true });
}

/** The departments with names (department/list), or their IDs when WeCom refuses names (48009). */
export async function visibleDepartments(
	this: ILoadOptionsFunctions,
): Promise<{ departments: DirectoryDepartment[]; idsOnly: boolean }> {
	let list: IDataObject;
	let idsOnly = false;
	try {
		list = await read(this, { method: 'GET', path: '/cgi-bin/department/list' });
	} catch (error) {
		if (weComErrcode(error) !== 48009 || readsWithReader(this)) throw asNodeError(this, error);
		list = await read(this, { method: 'GET', path: '/cgi-bin/department/simplelist' });
		idsOnly = true;
	}
	const rows = ((idsOnly ? list.department_id : list.department) as IDataObject[]) ?? [];
	return {
		departments: rows.map((d) => ({
			id: Number(d.id),
			name: idsOnly ? undefined : String(d.name ?? d.id),
			parentid: Number(d.parentid ?? 0),
		})),
		idsOnly,
	};
}

export async function membersOfDepartment(
	this: ILoadOptionsFunctions,
	departmentId: number,
): Promise<DirectoryMember[]> {
	const list = await read(this, {
		method: 'GET',
		path: '/cgi-bin/user/simplelist',
		qs: { department_id: departmentId },
	});
	return ((list.userlist as IDataObject[]) ?? []).map((m) => ({
		userid: String(m.userid),
		name: String(m.name ?? m.userid),
	}));
}

/** One page of member IDs (user/list_id, the contacts-sync secret only), and the next cursor. */
export async function memberIdPage(
	this: ILoadOptionsFunctions,
	cursor: string,
): Promise<{ members: DirectoryMember[]; next: string }> {
	const page = await read(this, {
		method: 'POST',
		path: '/cgi-bin/user/list_id',
		body: { ...(cursor ? { cursor } : {}), limit: LIST_ID_PAGE },
	});
	// One row per member and department.
	const ids = new Set(((page.dept_user as IDataObject[]) ?? []).map((row) => String(row.userid)));
	const next = String(page.next_cursor ?? '');
	return { members: [...ids].map((userid) => ({ userid })), next: next === cursor ? '' : next };
}

/** A picker entry: "name (ID)", or the ID with why no name shows. */
export function entry(id: string | number, name: string | undefined) {
	return name === undefined
		? { name: `${id} (ID only)`, value: id, description: IDS_ONLY }
		: { name: `${name} (${id})`, value: id };
}

export function matches(filter: string | undefined, ...texts: Array<string | number | undefined>) {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((t) => t !== undefined && String(t).toLowerCase().includes(needle));
}
