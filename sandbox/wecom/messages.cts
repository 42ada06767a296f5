import { createHash, randomBytes } from 'node:crypto';

import { parseMultipart, type Router } from '../http.cjs';
import type { WeComApp } from './apps.cjs';
import { fail, wecomError } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { size, validate, type Schema } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * App messages, media and tags (reference §3, §4.4): message/send with WeCom's recipient rules and
 * duplicate check, recall within 24 h, template-card response codes (single use, 72 h),
 * media/upload|uploadimg|get, user/getuserid.
 */

export interface SentMessage {
	msgid: string;
	msgtype: string;
	payload: Record<string, unknown>;
	/** Members it reached (after expanding departments and tags, minus invalid ones). */
	delivered: string[];
	sentAt: number;
	recalled: boolean;
	responseCode?: string;
	taskId?: string;
	cardUpdates: Array<Record<string, unknown>>;
}

interface MediaItem {
	type: string;
	filename: string;
	contentType: string;
	data: Buffer;
	createdAt: number;
}

export class MessageStore {
	readonly sent: SentMessage[] = [];

	/** Duplicate-check window: request fingerprint → (msgid, expiry). */
	readonly fingerprints = new Map<
		string,
		{ msgid: string; until: number; response: Record<string, unknown> }
	>();

	readonly media = new Map<string, MediaItem>();

	readonly responseCodes = new Map<string, { msgid: string; issuedAt: number; used: boolean }>();

	readonly taskIds = new Set<string>();

	/** Duplicates suppressed by enable_duplicate_check (a retried send lands here, not in `sent`). */
	duplicatesSuppressed = 0;

	tags = new Map<number, { tagname: string; userlist: string[]; partylist: number[] }>([
		[1, { tagname: '管理层', userlist: ['zhangsan', 'sunba'], partylist: [] }],
		[2, { tagname: '销售团队', userlist: [], partylist: [3] }],
	]);
}

const MB = 1024 * 1024;
const MEDIA_LIMITS: Record<string, { max: number; types?: RegExp }> = {
	image: { max: 10 * MB, types: /^image\/(jpe?g|png)$/ },
	voice: { max: 2 * MB, types: /^audio\/amr$/ },
	video: { max: 10 * MB, types: /^video\/mp4$/ },
	file: { max: 20 * MB },
};

const PAYLOADS: Record<string, Schema> = {
	text: { content: { type: 'string', required: true } },
	markdown: { content: { type: 'string', required: true, max: 2048, errcode: 45002 } },
	image: { media_id: { type: 'string', required: true } },
	voice: { media_id: { type: 'string', required: true } },
	file: { media_id: { type: 'string', required: true } },
	video: {
		media_id: { type: 'string', required: true },
		title: { type: 'string', max: 128 },
		description: { type: 'string', max: 512 },
	},
	textcard: {
		title: { type: 'string', required: true, max: 128 },
		description: { type: 'string', required: true, max: 512 },
		url: { type: 'string', required: true, max: 2048 },
		btntxt: { type: 'string', max: 4, unit: 'chars' },
	},
	news: {
		articles: {
			type: 'object[]',
			required: true,
			min: 1,
			max: 8,
			errcode: 45008,
			fields: {
				title: { type: 'string', required: true, max: 128 },
				description: { type: 'string', max: 512 },
				url: { type: 'string', max: 2048 },
				picurl: { type: 'string', max: 2048 },
				appid: { type: 'string' },
				pagepath: { type: 'string', max: 128 },
			},
		},
	},
	mpnews: {
		articles: {
			type: 'object[]',
			required: true,
			max: 8,
			errcode: 45008,
			fields: {
				title: { type: 'string', required: true, max: 128 },
				thumb_media_id: { type: 'string', required: true },
				author: { type: 'string', max: 64 },
				content_source_url: { type: 'string' },
				content: { type: 'string', required: true, max: 666 * 1024 },
				digest: { type: 'string', max: 512 },
			},
		},
	},
	miniprogram_notice: {
		appid: { type: 'string', required: true },
		page: { type: 'string', max: 1024 },
		title: { type: 'string', required: true, min: 4, max: 12, unit: 'chars' },
		description: { type: 'string', min: 4, max: 12, unit: 'chars' },
		emphasis_first_item: { type: 'bool' },
		content_item: {
			type: 'object[]',
			max: 10,
			fields: {
				key: { type: 'string', max: 10, unit: 'chars' },
				value: { type: 'string', max: 30, unit: 'chars' },
			},
		},
	},
	template_card: {
		card_type: {
			type: 'string',
			required: true,
			enum: [
				'text_notice',
				'news_notice',
				'button_interaction',
				'vote_interaction',
				'multiple_interaction',
			],
		},
	},
};

const SEND: Schema = {
	touser: { type: 'string' },
	toparty: { type: 'string' },
	totag: { type: 'string' },
	msgtype: { type: 'string', required: true, enum: Object.keys(PAYLOADS) },
	agentid: { type: 'int', required: true },
	safe: { type: 'int', enum: [0, 1, 2] },
	enable_id_trans: { type: 'int', enum: [0, 1] },
	enable_duplicate_check: { type: 'int', enum: [0, 1] },
	duplicate_check_interval: { type: 'int', min: 1, max: 14400 },
	...Object.fromEntries(Object.keys(PAYLOADS).map((t) => [t, { type: 'object' as const }])),
};

/** Structural rules of template cards that WeCom rejects (lengths are only recommendations). */
export function checkCard(card: Record<string, unknown>, store: MessageStore | undefined) {
	const type = String(card.card_type);
	if (type.endsWith('_notice') && !card.card_action) fail(40058, 'card_action is required');
	const interactive = !type.endsWith('_notice');
	if ((interactive || card.action_menu) && !card.task_id) fail(40058, 'task_id is required');
	if (card.task_id !== undefined && !/^[0-9a-zA-Z_\-@]{1,128}$/.test(String(card.task_id)))
		fail(40058, 'invalid task_id');
	if (store && card.task_id !== undefined) {
		if (store.taskIds.has(String(card.task_id))) fail(40058, 'task_id already exists');
		store.taskIds.add(String(card.task_id));
	}
	const max = (key: string, n: number) => {
		const list = card[key];
		if (list !== undefined && (!Array.isArray(list) || list.length > n))
			fail(40058, `${key} has more than ${n} items`);
	};
	max('horizontal_content_list', 6);
	max('jump_list', 3);
	max('vertical_content_list', 4);
	max('button_list', 6);
	if (type === 'button_interaction' && !Array.isArray(card.button_list))
		fail(40058, 'button_list is required');
	if (type === 'vote_interaction' && !card.checkbox) fail(40058, 'checkbox is required');
	if (type === 'multiple_interaction' && !Array.isArray(card.select_list))
		fail(40058, 'select_list is required');
}

function ids(value: unknown) {
	return typeof value === 'string' && value !== '' ? value.split('|') : [];
}

export function registerMessageRoutes(router: Router, world: WeComWorld) {
	const store = () => world.messages;

	wecomRoute(router, world, 'POST', '/cgi-bin/message/send', {}, ({ body, app }) => {
		validate(body, SEND);
		const msgtype = String(body.msgtype);
		const payload = body[msgtype] as Record<string, unknown> | undefined;
		if (!payload) fail(40063, `${msgtype} is required`);
		validate(
			payload,
			msgtype === 'template_card'
				? {
						...PAYLOADS.template_card,
						...Object.fromEntries(Object.keys(payload).map((k) => [k, { type: 'any' as const }])),
						card_type: PAYLOADS.template_card.card_type,
					}
				: PAYLOADS[msgtype],
			`${msgtype}.`,
		);
		if (app.agentId !== body.agentid) fail(40056, 'invalid agentid');
		if (body.safe === 2 && msgtype !== 'mpnews') fail(40058, 'safe=2 is only for mpnews');
		if (msgtype === 'text' && size(String(payload.content)) === 0) fail(44004, 'empty content');
		for (const key of ['media_id', 'thumb_media_id']) {
			const id = (payload[key] ??
				(payload.articles as Array<Record<string, unknown>> | undefined)?.[0]?.[key]) as
				| string
				| undefined;
			if (id && !store().media.has(id)) fail(40007, 'invalid media_id');
		}
		const touser = ids(body.touser);
		const toparty = ids(body.toparty);
		const totag = ids(body.totag);
		if (!touser.length && !toparty.length && !totag.length)
			fail(40063, 'touser, toparty and totag are all empty');
		if (touser.length > 1000) fail(40032, 'invalid userid list length (max 1000)');
		if (toparty.length > 100) fail(82002, 'too many parties (max 100)');
		if (totag.length > 100) fail(82003, 'too many tags (max 100)');

		const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
		const now = world.now();
		// path/90236: identical request JSON within duplicate_check_interval is delivered once.
		// UNCONFIRMED what the repeat is answered with; the first send's answer is given back.
		if (body.enable_duplicate_check === 1) {
			const previous = store().fingerprints.get(fingerprint);
			if (previous && previous.until > now) {
				store().duplicatesSuppressed++;
				return previous.response;
			}
		}
		if (msgtype === 'template_card') checkCard(payload, store());

		const result = resolve(world, app, touser, toparty, totag);
		if (!result.delivered.length) fail(81013, 'user & party & tag all invalid');
		const msgid = randomBytes(24).toString('base64url');
		const response: Record<string, unknown> = {
			invaliduser: result.invalidUsers.join('|'),
			invalidparty: result.invalidParties.join('|'),
			invalidtag: result.invalidTags.join('|'),
			unlicenseduser: '',
			msgid,
		};
		const sent: SentMessage = {
			msgid,
			msgtype,
			payload,
			delivered: result.delivered,
			sentAt: now,
			recalled: false,
			cardUpdates: [],
		};
		if (msgtype === 'template_card') {
			sent.responseCode = randomBytes(16).toString('base64url');
			sent.taskId = payload.task_id as string | undefined;
			store().responseCodes.set(sent.responseCode, { msgid, issuedAt: now, used: false });
			response.response_code = sent.responseCode;
		}
		store().sent.push(sent);
		if (body.enable_duplicate_check === 1) {
			store().fingerprints.set(fingerprint, {
				msgid,
				until: now + Number(body.duplicate_check_interval ?? 1800) * 1000,
				response,
			});
		}
		return response;
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/message/recall', {}, ({ body }) => {
		validate(body, { msgid: { type: 'string', required: true } });
		const sent = store().sent.find((m) => m.msgid === body.msgid);
		if (!sent) fail(40058, 'invalid msgid');
		// WeCom documents the 24-hour rule but no errcode for it; the sandbox answers 40058.
		if (world.now() - sent.sentAt > 24 * 3600_000)
			fail(40058, 'message can only be recalled within 24 hours');
		sent.recalled = true;
		return {};
	});

	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/message/update_template_card',
		{},
		({ body, app }) => {
			validate(body, {
				userids: { type: 'string[]', max: 1000 },
				partyids: { type: 'int[]', max: 100 },
				tagids: { type: 'int[]', max: 100 },
				atall: { type: 'int', enum: [0, 1] },
				agentid: { type: 'int', required: true },
				response_code: { type: 'string', required: true },
				enable_id_trans: { type: 'int', enum: [0, 1] },
				button: { type: 'object', fields: { replace_name: { type: 'string', required: true } } },
				template_card: { type: 'object' },
			});
			if (app.agentId !== body.agentid) fail(40056, 'invalid agentid');
			if (!body.button === !body.template_card)
				fail(40058, 'exactly one of button and template_card is required');
			const code = store().responseCodes.get(String(body.response_code));
			if (!code || code.used || world.now() - code.issuedAt > 72 * 3600_000)
				fail(40058, 'invalid response_code');
			const sent = store().sent.find((m) => m.msgid === code.msgid) as SentMessage;
			if (
				body.button &&
				String(sent.payload.card_type).endsWith('_notice') &&
				!sent.payload.action_menu
			) {
				fail(40058, 'this card has no buttons to update');
			}
			if (body.template_card) checkCard(body.template_card as Record<string, unknown>, undefined);
			code.used = true;
			sent.cardUpdates.push({ ...body });
			return { invaliduser: [] };
		},
	);

	// path/96267: the app must be able to see the member. UNCONFIRMED whether 通讯录同步 on an IP added after
	// 2022-08-15 may call it: the sandbox refuses it with the other detail reads (48009).
	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/user/getuserid',
		{ detailRead: true },
		({ body, app }) => {
			validate(body, { mobile: { type: 'string', required: true, min: 5, max: 32 } });
			const normalize = (m: string) => m.replace(/[\s-]/g, '').replace(/^\+86/, '');
			const member = [...world.contacts.members.values()].find(
				(m) => m.mobile && normalize(m.mobile) === normalize(String(body.mobile)),
			);
			if (!member || !world.canSee(app, member)) fail(46004, 'user no exist');
			return { userid: member.userid };
		},
	);

	wecomRoute(router, world, 'GET', '/cgi-bin/tag/list', {}, () => ({
		taglist: [...store().tags.entries()].map(([tagid, t]) => ({ tagid, tagname: t.tagname })),
	}));

	router.on('POST', '/cgi-bin/media/upload', async (req) => {
		try {
			world.tokens.check(req);
			const type = req.query.type;
			const limit = MEDIA_LIMITS[type ?? ''];
			if (!limit) fail(40005, 'invalid media type');
			const part = parseMultipart(req)?.find((p) => p.name === 'media');
			if (!part || !part.filename) fail(41006, 'media file missing');
			if (part.data.length <= 5 || part.data.length > limit.max) fail(40006, 'invalid file size');
			if (limit.types && !limit.types.test(String(part.contentType)))
				fail(40004, 'invalid media type');
			const mediaId = `3${randomBytes(20).toString('base64url')}`;
			store().media.set(mediaId, {
				type: String(type),
				filename: part.filename,
				contentType: String(part.contentType),
				data: part.data,
				createdAt: world.now(),
			});
			return {
				body: {
					errcode: 0,
					errmsg: 'ok',
					type,
					media_id: mediaId,
					created_at: String(Math.floor(world.now() / 1000)),
				},
			};
		} catch (error) {
			if (error instanceof Error && 'errcode' in error)
				return wecomError(req, (error as { errcode: number }).errcode, error.message);
			throw error;
		}
	});

	router.on('POST', '/cgi-bin/media/uploadimg', async (req) => {
		try {
			world.tokens.check(req);
			const part = parseMultipart(req)?.find((p) => p.name === 'media');
			if (!part) fail(41006, 'media file missing');
			if (part.data.length <= 5 || part.data.length > 2 * MB) fail(40006, 'invalid file size');
			if (!/^image\/(jpe?g|png)$/.test(String(part.contentType))) fail(40004, 'invalid media type');
			return {
				body: {
					errcode: 0,
					errmsg: 'ok',
					url: `https://wework.qpic.cn/wwpic/${randomBytes(8).toString('hex')}/0`,
				},
			};
		} catch (error) {
			if (error instanceof Error && 'errcode' in error)
				return wecomError(req, (error as { errcode: number }).errcode, error.message);
			throw error;
		}
	});

	router.on('GET', '/cgi-bin/media/get', (req) => {
		try {
			world.tokens.check(req);
			const item = store().media.get(req.query.media_id ?? '');
			if (!item || world.now() - item.createdAt > 3 * 86400_000) fail(40007, 'invalid media_id');
			return {
				headers: {
					'content-type': item.contentType,
					'content-disposition': `attachment; filename="${encodeURIComponent(item.filename)}"`,
				},
				body: item.data,
			};
		} catch (error) {
			if (error instanceof Error && 'errcode' in error)
				return wecomError(req, (error as { errcode: number }).errcode, error.message);
			throw error;
		}
	});
}

/** Expands recipients like WeCom: unknown or invisible ones are listed as invalid, not fatal. */
function resolve(
	world: WeComWorld,
	app: WeComApp,
	touser: string[],
	toparty: string[],
	totag: string[],
) {
	const delivered = new Set<string>();
	const invalidUsers: string[] = [];
	const invalidParties: string[] = [];
	const invalidTags: string[] = [];
	const addDepartment = (id: number) => {
		for (const d of world.contacts.subtree(id))
			for (const m of world.contacts.membersOf(d.id)) delivered.add(m.userid);
	};
	if (touser[0] === '@all') {
		for (const m of world.contacts.members.values())
			if (world.canSee(app, m)) delivered.add(m.userid);
	} else {
		for (const id of touser) {
			const member = world.contacts.members.get(id);
			if (member && world.canSee(app, member)) delivered.add(id);
			else invalidUsers.push(id.toLowerCase());
		}
		for (const id of toparty) {
			const n = Number(id);
			if (world.contacts.departments.has(n) && world.canSeeDepartment(app, n)) addDepartment(n);
			else invalidParties.push(id);
		}
		for (const id of totag) {
			const tag = world.messages.tags.get(Number(id));
			if (!tag) {
				invalidTags.push(id);
				continue;
			}
			tag.userlist.forEach((u) => delivered.add(u));
			tag.partylist.forEach(addDepartment);
		}
	}
	return { delivered: [...delivered], invalidUsers, invalidParties, invalidTags };
}
