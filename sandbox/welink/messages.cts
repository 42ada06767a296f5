import { randomBytes, randomUUID } from 'node:crypto';

import type { Router } from '../http.cjs';
import { welinkRoute } from './routes.cjs';
import {
	MESSAGE_CODES,
	bilingualParts,
	size,
	validate,
	type WeLinkField,
	type WeLinkSchema,
} from './schema.cjs';
import { welinkFail, type WeLinkWorld } from './world.cjs';

/**
 * Messages: plain card (start-141), app card (start-142), image (start-143), news (start-144) and
 * the legacy public-account text (PY/JAR MessagesV3SendRequest); status update (start-145) and recall
 * (start-146) by itemId. Every send is recorded with whom it reached, so tests can assert on what
 * users would see. UNCONFIRMED (stricter than the pages, README Known limits): statusColor only with
 * a messageStatus, btnType required with buttons, v3/send's msgOwner ≤ 18 bytes (the cards' limit),
 * and no itemId for app cards and v3/send, whose pages show no answer.
 */

export type WeLinkMessageKind = 'card/common' | 'card/wecode' | 'image' | 'news' | 'v3/send';

export interface SentWeLinkMessage {
	itemId: string;
	kind: WeLinkMessageKind;
	body: Record<string, unknown>;
	msgRange: string;
	/** Users the message reached. */
	deliveredTo: string[];
	failedUserId: string[];
	publicAccID?: string;
	messageStatus?: string;
	statusColor?: string;
	/** Status updates in order: users whose copy changed, and the new status. */
	updates: Array<{ users: string[]; messageStatus: string; statusColor?: string }>;
	recalled: boolean;
	sentAt: number;
}

export interface PublicAccount {
	name: string;
	/** Users who do not follow the account (everyone else does). */
	nonFollowers: Set<string>;
}

export class WeLinkMessageStore {
	readonly messages: SentWeLinkMessage[] = [];

	readonly byItemId = new Map<string, SentWeLinkMessage>();

	readonly publicAccounts = new Map<string, PublicAccount>([
		['pubOA001', { name: 'OA 通知', nonFollowers: new Set() }],
	]);

	/** Roles (role ID → WeLink user IDs), for msgRange "2". */
	readonly roles = new Map<string, string[]>([
		['role_hr', ['zhangsan@d9d92e24e5']],
		['role_finance', ['lisi@d9d92e24e5', 'wangwu@d9d92e24e5']],
	]);

	/** Addresses of images uploaded to this WeLink (start-143/144: only those may be sent). */
	readonly images = new Set<string>();

	sentTo(userId: string) {
		return this.messages.filter((m) => m.deliveredTo.includes(userId));
	}

	/**
	 * Stands in for uploading an image to WeLink (no open API does it; see README): the address is
	 * shaped like the docs' example, on the host the sandbox is reached at.
	 */
	uploadImage(origin: string) {
		const url = `${origin.replace(/\/+$/, '')}/tinyimage/v2/images/${randomBytes(10).toString('hex')}_298x206.png`;
		this.images.add(url);
		return url;
	}
}

const TEXT = (max: number, required = true): WeLinkField => ({
	type: 'string',
	required,
	max,
	unit: 'bytes',
	bilingual: true,
});

// start-141–144: msgRange "0"/"1"/"2", ≤ 1000 users (51018), ≤ 100 departments or roles.
const RECIPIENTS: WeLinkSchema = {
	publicAccID: { type: 'string' },
	msgRange: { type: 'string', enum: ['0', '1', '2'] },
	toUserList: { type: 'string[]', max: 1000, maxCode: '51018' },
	departmentList: { type: 'string[]', max: 100 },
	roleList: { type: 'string[]', max: 100 },
	receiveDeviceType: { type: 'string', enum: ['0', '1', '2'] },
};

// start-141/142: statusColor 1/2/3, isForceTips an Integer 0/1.
const CARD_EXTRAS: WeLinkSchema = {
	messageStatus: { type: 'string' },
	statusColor: { type: 'string', enum: ['1', '2', '3'] },
	isForceTips: { type: 'int', enum: [0, 1] },
};

// start-141: msgOwner ≤ 18 bytes, msgTitle ≤ 128, msgContent ≤ 512 bytes, urlType "html" only.
const PLAIN_CARD: WeLinkSchema = {
	...RECIPIENTS,
	...CARD_EXTRAS,
	msgOwner: { type: 'string', required: true, max: 18, unit: 'bytes' },
	msgTitle: TEXT(128),
	msgContent: TEXT(512),
	urlType: { type: 'string', enum: ['html'] },
	urlPath: { type: 'string' },
	desktopUrlPath: { type: 'string' },
};

// start-142: urlPath required, contentList key ≤ 128 / value ≤ 256 bytes, 2 or 3 buttons by layout.
const APP_CARD: WeLinkSchema = {
	...RECIPIENTS,
	...CARD_EXTRAS,
	msgTitle: TEXT(128),
	urlType: { type: 'string', enum: ['html'] },
	urlPath: { type: 'string', required: true },
	contentList: {
		type: 'object[]',
		required: true,
		min: 1,
		fields: { key: TEXT(128), value: TEXT(256) },
	},
	btnType: { type: 'string', enum: ['horizontal', 'vertical'] },
	btnList: {
		type: 'object[]',
		fields: {
			btnTitle: { type: 'string', required: true, bilingual: true },
			btnUrl: { type: 'string', required: true },
			urlType: { type: 'string', enum: ['html'] },
		},
	},
};

// start-143: imageUrl required, jumpUrl optional.
const IMAGE: WeLinkSchema = {
	...RECIPIENTS,
	imageUrl: { type: 'string', required: true },
	jumpUrl: { type: 'string' },
};

// start-144: 1–5 articles; title required ≤ 18 bytes, description ≤ 140 bytes, newsUrl and imageUrl
// required, urlType "html" only. Bilingual text is documented for cards only, so it is not read here.
const NEWS: WeLinkSchema = {
	...RECIPIENTS,
	news: {
		type: 'object[]',
		required: true,
		min: 1,
		max: 5,
		fields: {
			title: { type: 'string', required: true, max: 18, unit: 'bytes' },
			description: { type: 'string', max: 140, unit: 'bytes' },
			newsUrl: { type: 'string', required: true },
			urlType: { type: 'string', enum: ['html'] },
			imageUrl: { type: 'string', required: true },
		},
	},
};

/** start-143/144: "图片地址,需要先将图片上传至WeLink,将返回的地址作为该字段入参". */
function checkUploaded(world: WeLinkWorld, field: string, url: unknown) {
	if (!world.messages.images.has(String(url)))
		welinkFail('51062', `${field} is not the address of an image uploaded to WeLink`);
}

// PY MessagesV3SendRequest: msgRange 0 only, ≤ 1000 users, required fields; JAR: integers for
// msgDisplayMode and isForceTips.
const PUBLIC_TEXT: WeLinkSchema = {
	publicAccID: { type: 'string' },
	msgRange: { type: 'string', required: true, enum: ['0'] },
	toUserList: { type: 'string[]', required: true, max: 1000, maxCode: '51018' },
	msgTitle: TEXT(128),
	msgContent: TEXT(512),
	urlType: { type: 'string', required: true, enum: ['html'] },
	urlPath: { type: 'string', required: true },
	msgOwner: { type: 'string', required: true, max: 18, unit: 'bytes' },
	createTime: { type: 'string' },
	msgDisplayMode: { type: 'int', enum: [0, 1] },
	desktopUrlPath: { type: 'string' },
	isForceTips: { type: 'int', enum: [0, 1] },
};

// start-145: toUserList ≤ 1000, itemId, messageStatus required; statusColor 0/1/2 on this page.
const UPDATE: WeLinkSchema = {
	toUserList: { type: 'string[]', required: true, max: 1000, maxCode: '51018' },
	itemId: { type: 'string', required: true },
	messageStatus: { type: 'string', required: true },
	statusColor: { type: 'string', enum: ['0', '1', '2'] },
	publicAccID: { type: 'string' },
};

/** messageStatus: {"CN": 2–5 characters, "EN": 2–10 characters} (reference §3.2). */
function checkStatus(value: unknown) {
	if (value === undefined) return;
	const parts = bilingualParts(String(value));
	const cn = parts?.CN;
	const en = parts?.EN;
	if (
		typeof cn !== 'string' ||
		typeof en !== 'string' ||
		size(cn, 'chars') < 2 ||
		size(cn, 'chars') > 5 ||
		size(en, 'chars') < 2 ||
		size(en, 'chars') > 10
	)
		welinkFail('51104', 'messageStatus must be {"CN": 2-5 chars, "EN": 2-10 chars}');
}

function descendants(world: WeLinkWorld, deptCode: string): string[] {
	const out = [deptCode];
	for (const d of world.departments.values())
		if (d.parentCode === deptCode) out.push(...descendants(world, d.deptCode));
	return out;
}

function deliver(world: WeLinkWorld, kind: WeLinkMessageKind, body: Record<string, unknown>) {
	const range = String(body.msgRange ?? '0');
	let targets: string[] = [];
	const failed: string[] = [];
	if (range === '0') {
		const list = (body.toUserList as string[] | undefined) ?? [];
		if (!list.length) welinkFail('51021', 'toUserList is required when msgRange is 0');
		for (const id of list) (world.users.has(id) ? targets : failed).push(id);
	} else if (range === '1') {
		const list = (body.departmentList as string[] | undefined) ?? [];
		if (!list.length) welinkFail('51056', 'departmentList is empty');
		const codes = new Set<string>();
		for (const code of list) {
			if (!world.departments.has(code)) welinkFail('51062', `department ${code} not found`);
			for (const c of descendants(world, code)) codes.add(c);
		}
		targets = [...world.users.values()]
			.filter((u) => u.deptCodes.some((c) => codes.has(c)))
			.map((u) => u.userId);
	} else {
		const list = (body.roleList as string[] | undefined) ?? [];
		if (!list.length) welinkFail('51095', 'roleList is empty');
		const users = new Set<string>();
		for (const role of list) {
			const members = world.messages.roles.get(role);
			if (!members) welinkFail('51062', `role ${role} not found`);
			for (const u of members) users.add(u);
		}
		targets = [...users];
	}
	const account = body.publicAccID === undefined ? undefined : String(body.publicAccID);
	if (account !== undefined) {
		const pub = world.messages.publicAccounts.get(account);
		if (!pub) welinkFail('51112', 'public account not found');
		const followers = targets.filter((u) => !pub.nonFollowers.has(u));
		const notFollowing = targets.filter((u) => pub.nonFollowers.has(u));
		if (notFollowing.length && !followers.length)
			welinkFail('51019', '不能给非粉丝用户推送消息', {
				failedUserId: [...failed, ...notFollowing],
			});
		failed.push(...notFollowing);
		targets = followers;
	}
	const message: SentWeLinkMessage = {
		itemId: randomUUID(),
		kind,
		body,
		msgRange: range,
		deliveredTo: targets,
		failedUserId: failed,
		publicAccID: account,
		messageStatus: body.messageStatus as string | undefined,
		statusColor: body.statusColor as string | undefined,
		updates: [],
		recalled: false,
		sentAt: world.now(),
	};
	world.messages.messages.push(message);
	world.messages.byItemId.set(message.itemId, message);
	const failures = failed.length ? { failedUserId: failed } : {};
	// itemId: start-141 (plain card), -143 (image), -144 (news); none where no page shows an answer
	// (the SDKs' response classes have failedUserId only).
	return kind === 'card/wecode' || kind === 'v3/send'
		? failures
		: { itemId: message.itemId, ...failures };
}

export function registerWeLinkMessageRoutes(router: Router, world: WeLinkWorld) {
	const send = (
		path: string,
		kind: WeLinkMessageKind,
		schema: WeLinkSchema,
		extra?: (b: Record<string, unknown>) => void,
	) =>
		welinkRoute(router, world, 'POST', path, 'message', ({ body }) => {
			validate(body, schema, MESSAGE_CODES);
			checkStatus(body.messageStatus);
			if (body.statusColor !== undefined && body.messageStatus === undefined)
				welinkFail('51062', 'statusColor needs messageStatus');
			extra?.(body);
			return deliver(world, kind, body);
		});

	send('/messages/v2/card/common', 'card/common', PLAIN_CARD);
	send('/messages/v1/card/wecode', 'card/wecode', APP_CARD, (body) => {
		const buttons = (body.btnList as unknown[] | undefined) ?? [];
		const type = String(body.btnType ?? 'horizontal');
		if (buttons.length && body.btnType === undefined)
			welinkFail('51062', 'btnType is required with btnList');
		if (buttons.length > (type === 'vertical' ? 3 : 2))
			welinkFail('51062', `at most ${type === 'vertical' ? 3 : 2} buttons for btnType ${type}`);
	});
	send('/messages/v1/image', 'image', IMAGE, (body) =>
		checkUploaded(world, 'imageUrl', body.imageUrl),
	);
	send('/messages/v1/news', 'news', NEWS, (body) =>
		(body.news as Array<Record<string, unknown>>).forEach((article, n) =>
			checkUploaded(world, `news[${n}].imageUrl`, article.imageUrl),
		),
	);
	send('/messages/v3/send', 'v3/send', PUBLIC_TEXT);

	welinkRoute(router, world, 'POST', '/messages/v1/update', 'message', ({ body }) => {
		validate(body, UPDATE, MESSAGE_CODES);
		checkStatus(body.messageStatus);
		const message = world.messages.byItemId.get(String(body.itemId));
		// A message sent through a public account is only found with its publicAccID (reference §3.6).
		if (!message || message.recalled || message.publicAccID !== body.publicAccID)
			welinkFail('51033', 'no matching message');
		if (message.kind !== 'card/common' && message.kind !== 'card/wecode')
			welinkFail('51107', 'this message has no status');
		const users = body.toUserList as string[];
		const updated = users.filter((u) => message.deliveredTo.includes(u));
		const failedUserId = users.filter((u) => !message.deliveredTo.includes(u));
		message.messageStatus = String(body.messageStatus);
		if (body.statusColor !== undefined) message.statusColor = String(body.statusColor);
		message.updates.push({
			users: updated,
			messageStatus: String(body.messageStatus),
			statusColor: body.statusColor as string | undefined,
		});
		return { failedUserId };
	});

	welinkRoute(router, world, 'POST', '/messages/v1/recall', 'message', ({ body }) => {
		validate(body, { itemId: { type: 'string', required: true } }, MESSAGE_CODES);
		const message = world.messages.byItemId.get(String(body.itemId));
		if (!message || message.recalled || message.kind === 'v3/send')
			welinkFail('51111', 'message not found');
		message.recalled = true;
		return {};
	});
}
