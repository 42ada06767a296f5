import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../../shared/transport';
import { weComApiRequest } from '../../transport';

export interface CorpTag {
	tagId: string;
	tagName: string;
	groupId: string;
	groupName: string;
	order?: number;
	createdAt?: number;
	deleted?: boolean;
}

/**
 * The corp's customer tag library (企业客户标签, externalcontact/get_corp_tag_list) as one row per
 * tag.
 */
export async function corpTags(
	ctx: ApiContext,
	filter: { tagIds?: string[]; groupIds?: string[] } = {},
	itemIndex?: number,
): Promise<CorpTag[]> {
	// Both lists empty = the whole library ("均为空，则返回所有标签"); given groups, WeCom ignores tags.
	const body: IDataObject = filter.groupIds?.length
		? { group_id: filter.groupIds }
		: { tag_id: filter.tagIds ?? [], group_id: [] };
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/externalcontact/get_corp_tag_list',
		body,
		idempotent: true,
		itemIndex,
	});
	const rows: CorpTag[] = [];
	for (const group of (response.tag_group as IDataObject[] | undefined) ?? []) {
		for (const tag of (group.tag as IDataObject[] | undefined) ?? []) {
			rows.push({
				tagId: String(tag.id),
				tagName: String(tag.name ?? ''),
				groupId: String(group.group_id ?? ''),
				groupName: String(group.group_name ?? ''),
				order: tag.order as number | undefined,
				createdAt: tag.create_time as number | undefined,
				deleted: tag.deleted as boolean | undefined,
			});
		}
	}
	return rows;
}
