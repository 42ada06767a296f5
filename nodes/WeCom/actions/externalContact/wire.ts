import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isoFromUnix } from '../../../shared/time';
import { checkText, inputError, splitList } from '../../../shared/validation';
import { OPAQUE_ID } from '../common/ids';

/**
 * Wire format of customer contact (客户联系): the remark and tag bodies WeCom documents, and the
 * one-row-per-relationship shape the node outputs.
 */

/** externalcontact/remark (path/92115): remark and company 20 characters, description 150. */
export const REMARK_LIMITS = { remark: 20, description: 150, remarkCompany: 20 } as const;

export interface RemarkFields {
	remark?: string;
	description?: string;
	remarkCompany?: string;
	remarkMobiles?: unknown;
	clearRemarkMobiles?: boolean;
	remarkPicMediaId?: string;
}

export function remarkBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	userid: string,
	externalUserId: string,
	fields: RemarkFields,
): IDataObject {
	const body: IDataObject = { userid, external_userid: externalUserId };
	const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
	const rules: Array<[keyof typeof REMARK_LIMITS, string, string]> = [
		['remark', 'remark', 'Remark'],
		['description', 'description', 'Description'],
		['remarkCompany', 'remark_company', 'Remark Company'],
	];
	for (const [key, wire, field] of rules) {
		const value = text(fields[key]);
		if (value === '') continue;
		checkText(ctx, itemIndex, value, { field, max: REMARK_LIMITS[key], unit: 'characters' });
		body[wire] = value;
	}
	if (fields.clearRemarkMobiles === true) {
		// WeCom's documented way to clear the remark mobiles: one empty string.
		body.remark_mobiles = [''];
	} else {
		const mobiles = splitList(fields.remarkMobiles);
		const bad = mobiles.find((m) => !/^\+?[0-9][0-9\- ]{2,31}$/.test(m));
		if (bad !== undefined)
			throw inputError(
				ctx,
				itemIndex,
				'Remark Mobiles',
				`"${bad.slice(0, 40)}" is not a phone number`,
				'Give numbers of digits (an optional leading + and dashes), separated by commas.',
			);
		if (mobiles.length) body.remark_mobiles = mobiles;
	}
	const pic = text(fields.remarkPicMediaId).trim();
	if (pic) body.remark_pic_mediaid = pic;
	if (Object.keys(body).length === 2)
		throw inputError(
			ctx,
			itemIndex,
			'Update Fields',
			'is empty',
			'Add at least one of Remark, Description, Remark Company, Remark Mobiles or Remark Picture (WeCom refuses an empty change).',
		);
	return body;
}

/** Corp tag IDs (企业标签 IDs, e.g. from Customer Tag → Get Many), at least one. */
export function readTagIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'Tags',
): string[] {
	const ids = splitList(value);
	if (!ids.length)
		throw inputError(
			ctx,
			itemIndex,
			field,
			'is empty',
			'Pick at least one corp tag, or give tag IDs by expression (Customer Tag → Get Many lists them).',
		);
	const bad = ids.find((id) => !OPAQUE_ID.test(id));
	if (bad !== undefined)
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${bad.slice(0, 60)}" is not a tag ID`,
			'Use tag IDs (e.g. etXXXX), not tag names; Customer Tag → Get Many lists them.',
		);
	return ids;
}

/** 来源定义 (add_way) as WeCom documents the common ones (path/92114). */
const ADD_WAYS: Record<number, string> = {
	0: 'unknown',
	1: 'scanned QR code',
	2: 'searched mobile number',
	3: 'shared business card',
	4: 'group chat',
	5: 'phone contacts',
	6: 'WeChat contact',
	7: 'WeChat friend request',
	8: 'third-party app service',
	9: 'searched email',
	201: 'shared by a colleague',
	202: 'assigned by an admin',
};

export interface TagName {
	name: string;
	group: string;
}

/**
 * One customer relationship (a customer and one member who follows them), flat and ready for a
 * CRM row, with WeCom's own objects kept under `customer` and `follow`.
 */
export function relationshipItem(
	contact: IDataObject,
	follow: IDataObject,
	zone: string,
	tagNames?: Map<string, TagName>,
): IDataObject {
	const tags: IDataObject[] = Array.isArray(follow.tags)
		? (follow.tags as IDataObject[]).map((t) => ({
				id: t.tag_id,
				name: t.tag_name,
				group: t.group_name,
				type: t.type,
			}))
		: ((follow.tag_id as string[] | undefined) ?? []).map((id) => ({
				id,
				...(tagNames?.get(id) ?? {}),
			}));
	const addWay = follow.add_way as number | undefined;
	return {
		externalUserId: contact.external_userid,
		name: contact.name,
		customerType: contact.type === 2 ? 'wecom' : contact.type === 1 ? 'wechat' : contact.type,
		corpName: contact.corp_name,
		corpFullName: contact.corp_full_name,
		position: contact.position,
		gender: contact.gender,
		unionId: contact.unionid,
		memberUserId: follow.userid,
		remark: follow.remark,
		description: follow.description,
		remarkCorpName: follow.remark_corp_name,
		remarkMobiles: follow.remark_mobiles ?? [],
		tags,
		tagIds: tags.map((t) => t.id).filter((id) => id !== undefined),
		addWay,
		addWayName: addWay === undefined ? undefined : (ADD_WAYS[addWay] ?? `other (${addWay})`),
		addedAt: isoFromUnix(follow.createtime, zone),
		state: follow.state,
		operUserId: follow.oper_userid,
		customer: contact,
		follow,
	};
}
