import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { properNounAction } from '../../../shared/subtitles';
import { weComApiRequest } from '../../transport';
import { RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Get Many IDs',
	value: 'getAllIds',
	action: properNounAction('Get many member IDs'),
	description: 'Every member ID with departments (user/list_id; contacts-sync secret)',
};

export const description: INodeProperties[] = returnAllFields(RESOURCE, ['getAllIds']);

const PAGE_SIZE = 10_000;

export function prepare(this: IExecuteFunctions, i: number) {
	return { limit: readLimit(this, i) };
}

/**
 * Every member ID of the corp with their departments (user/list_id, contacts-sync secret only; the
 * call that still works where user/list is restricted). WeCom returns one row per member and
 * department; they are merged into one item per member.
 */
export async function execute(this: IExecuteFunctions, input: { limit?: number }, i: number) {
	const members = new Map<string, number[]>();
	const cursors = new Set<string>();
	let cursor = '';
	do {
		const response = await weComApiRequest.call(this, {
			method: 'POST',
			path: '/cgi-bin/user/list_id',
			body: { ...(cursor ? { cursor } : {}), limit: PAGE_SIZE },
			idempotent: true,
			itemIndex: i,
		});
		for (const row of (response.dept_user as IDataObject[]) ?? []) {
			const list = members.get(String(row.userid)) ?? [];
			if (row.department !== undefined) list.push(Number(row.department));
			members.set(String(row.userid), list);
		}
		cursor = String(response.next_cursor ?? '');
		if (cursors.has(cursor)) break;
		cursors.add(cursor);
		// The member at the limit may have more rows on the next page: stop only past it.
	} while (cursor && (input.limit === undefined || members.size <= input.limit));
	const out = [...members].map(([userid, department]) => ({ userid, department }));
	return input.limit === undefined ? out : out.slice(0, input.limit);
}
