import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/batching';
import type { TargetOrg } from '../../../shared/orgSync/model';
import type { ApiRequest } from '../../../shared/transport';
import { weComApiRequest, weComReaderRequest } from '../../transport';
import { explainRefusal, type Credential } from './refusals';
import {
	attributeShown,
	idOnlyMember,
	rootOf,
	toTargetDepartments,
	toTargetMember,
	type WeComDepartmentRow,
} from './target';

/**
 * How Contacts Sync and Export read WeCom. Since 2022 the contacts-sync secret may, from an IP added
 * after 2022-08-15, only list IDs (department/simplelist, user/list_id) and write; names and fields
 * come from a self-built app whose visible range covers the synced departments (reference §4.0).
 */

/** user/list costs one call per department; four at a time stays well under WeCom's limits. */
const READ_CONCURRENCY = 4;
/** user/list_id pages: 1–10,000 rows (path/96067). */
const LIST_ID_PAGE = 10_000;

export type ReadWith = 'readerApp' | 'credential';

function reads(ctx: IExecuteFunctions, who: Credential) {
	const send = who === 'main' ? weComApiRequest : weComReaderRequest;
	return async (call: string, request: Omit<ApiRequest, 'idempotent'>) =>
		await explainRefusal(
			ctx,
			call,
			who,
			async () => await send.call(ctx, { ...request, idempotent: true }),
		);
}

function unique(members: Iterable<IDataObject>) {
	const byId = new Map<string, IDataObject>();
	for (const member of members) {
		const id = String(member.userid);
		if (!byId.has(id)) byId.set(id, member);
	}
	return byId;
}

export interface Directory {
	departments: WeComDepartmentRow[];
	rootId: number;
	members: Map<string, IDataObject>;
}

/** Everything one credential may read: department/list, then user/list per department. */
export async function readDirectory(ctx: IExecuteFunctions, who: Credential): Promise<Directory> {
	const get = reads(ctx, who);
	const list = await get('department/list', { method: 'GET', path: '/cgi-bin/department/list' });
	const departments = (list.department as WeComDepartmentRow[] | undefined) ?? [];
	const pages = await mapWithConcurrency(departments, READ_CONCURRENCY, async (d) => {
		const page = await get('user/list', {
			method: 'GET',
			path: '/cgi-bin/user/list',
			qs: { department_id: d.id },
		});
		return (page.userlist as IDataObject[] | undefined) ?? [];
	});
	return { departments, rootId: rootOf(departments), members: unique(pages.flat()) };
}

/** The target org from what one credential reads (a legacy tenant's contacts-sync secret). */
export function directoryOrg(directory: Directory, employeeNoAttribute: string): TargetOrg {
	const raw = [...directory.members.values()];
	const shown = attributeShown(raw, employeeNoAttribute);
	return {
		rootId: String(directory.rootId),
		departments: toTargetDepartments(directory.departments, directory.rootId),
		members: raw.map((m) => toTargetMember(m, employeeNoAttribute, shown)),
	};
}

/** All rows of user/list_id, merged per member: userid → department IDs. */
async function memberIds(ctx: IExecuteFunctions) {
	const get = reads(ctx, 'main');
	const members = new Map<string, number[]>();
	const seen = new Set<string>();
	let cursor = '';
	do {
		const page = await get('user/list_id', {
			method: 'POST',
			path: '/cgi-bin/user/list_id',
			body: { ...(cursor ? { cursor } : {}), limit: LIST_ID_PAGE },
		});
		for (const row of (page.dept_user as IDataObject[] | undefined) ?? []) {
			const id = String(row.userid);
			const list = members.get(id) ?? [];
			if (row.department !== undefined) list.push(Number(row.department));
			members.set(id, list);
		}
		cursor = String(page.next_cursor ?? '');
		// A cursor seen before would loop forever.
		if (seen.has(cursor)) break;
		seen.add(cursor);
	} while (cursor);
	return members;
}

/**
 * The read that works on every tenant: the contacts-sync secret lists every department and member
 * ID, and the reader app gives the names and fields of what is under the top department — one
 * department/list and one user/list per department that has members.
 */
export async function readWithReaderApp(
	ctx: IExecuteFunctions,
	topDepartmentId: string | undefined,
	employeeNoAttribute: string,
): Promise<{ org: TargetOrg; members: Map<string, IDataObject> }> {
	const main = reads(ctx, 'main');
	const reader = reads(ctx, 'reader');
	const listed = await main('department/simplelist', {
		method: 'GET',
		path: '/cgi-bin/department/simplelist',
	});
	const rows = (listed.department_id as WeComDepartmentRow[] | undefined) ?? [];
	const rootId = rootOf(rows);
	const top = Number(topDepartmentId || rootId);
	const children = new Map<number, number[]>();
	for (const d of rows) {
		if (d.id === rootId || d.id === d.parentid) continue;
		const list = children.get(d.parentid) ?? [];
		list.push(d.id);
		children.set(d.parentid, list);
	}
	const area: number[] = [];
	if (rows.some((d) => d.id === top))
		for (const queue = [top]; queue.length; ) {
			const id = queue.pop() as number;
			area.push(id);
			queue.push(...(children.get(id) ?? []));
		}

	const names = new Map<number, string>();
	if (area.length) {
		const visible = await reader('department/list', {
			method: 'GET',
			path: '/cgi-bin/department/list',
			qs: { id: top },
		});
		for (const d of (visible.department as WeComDepartmentRow[] | undefined) ?? [])
			names.set(Number(d.id), String(d.name ?? ''));
		const unseen = area.filter((id) => !names.has(id));
		if (unseen.length)
			throw new NodeOperationError(
				ctx.getNode(),
				`The app of the WeCom Contacts Reader credential cannot see ${unseen.length} of the ${area.length} departments under department ${top} (IDs ${unseen.slice(0, 10).join(', ')}${unseen.length > 10 ? ', …' : ''})`,
				{
					description:
						'Contacts Sync must know the name of every department it manages. Add them, or a department above them, to the app’s visible range: 应用管理 → your app → 可见范围.',
				},
			);
	}

	const ids = await memberIds(ctx);
	const inArea = new Set(area);
	const occupied = new Set<number>();
	for (const departments of ids.values())
		for (const d of departments) if (inArea.has(d)) occupied.add(d);
	const pages = await mapWithConcurrency(
		area.filter((d) => occupied.has(d)),
		READ_CONCURRENCY,
		async (d) => {
			const page = await reader('user/list', {
				method: 'GET',
				path: '/cgi-bin/user/list',
				qs: { department_id: d },
			});
			return (page.userlist as IDataObject[] | undefined) ?? [];
		},
	);
	const details = unique(pages.flat());
	const shown = attributeShown([...details.values()], employeeNoAttribute);
	const departments = rows.map((d) => ({ ...d, name: names.get(d.id) }));
	return {
		org: {
			rootId: String(rootId),
			departments: toTargetDepartments(departments, rootId),
			members: [...ids].map(([userid, of]) => {
				const member = details.get(userid);
				// user/list_id is the whole truth about departments, visible or not.
				return member
					? toTargetMember({ ...member, department: of }, employeeNoAttribute, shown)
					: idOnlyMember(userid, of);
			}),
		},
		members: details,
	};
}
