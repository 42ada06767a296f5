import { createHash, randomBytes } from 'node:crypto';

import { INVALID_JSON, type Router } from '../http.cjs';
import type { SandboxState } from '../server.cjs';
import { aesKeyOf, openMessage, sealFile, signature } from './aibotCrypto.cjs';

/**
 * WeCom's AI bot (智能机器人) as the sandbox plays it (docs/reference/wecom-ai-bot.md): the bot's API
 * settings, the response_url endpoint (one use, one hour), encrypted image downloads, and the strict
 * check of every passive reply the bot under test sends back. The member's side — sending messages,
 * retrying, polling streams — is in aibotSender.cts.
 */

/** What the sandbox's AI-bot API settings page would show. */
export const SANDBOX_AIBOT = {
	token: 'sandboxAiBotToken2026',
	encodingAesKey: 'SandboxAiBotEncodingAesKey0123456789abcdefg',
	botId: 'aibSandboxBot0001',
} as const;

export const RESPONSE_URL_PATH = '/cgi-bin/aibot/response';
const MEDIA_PATH = '/__sandbox/aibot/media/';

// Each response_url can be used once, for 1 hour [101138].
const RESPONSE_URL_LIFETIME_MS = 3600_000;
// markdown.content and stream.content: at most 20,480 bytes of UTF-8 [101031], [101138].
const CONTENT_MAX_BYTES = 20480;
// feedback.id: at most 256 bytes [101031].
const FEEDBACK_ID_MAX_BYTES = 256;
// stream.msg_item: at most 10 images, only with finish: true, ≤ 10 MB, JPG or PNG [101031].
const STREAM_IMAGES_MAX = 10;
const STREAM_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export interface ActiveReply {
	msgid: string;
	userid: string;
	body: Record<string, unknown>;
	at: number;
}

interface ResponseCode {
	msgid: string;
	userid: string;
	chattype: string;
	issuedAt: number;
	used: boolean;
}

export class AiBotWorld {
	readonly responseCodes = new Map<string, ResponseCode>();

	readonly activeReplies: ActiveReply[] = [];

	readonly media = new Map<string, Buffer>();

	/** Messages each member has in progress (WeCom allows three at a time [100719]). */
	readonly inProgress = new Map<string, number>();

	constructor(readonly now: () => number) {}

	issueResponseCode(msgid: string, userid: string, chattype: string) {
		const code = randomBytes(12).toString('hex');
		this.responseCodes.set(code, { msgid, userid, chattype, issuedAt: this.now(), used: false });
		return code;
	}

	/** Stores an image a member sends; WeCom serves it encrypted at a URL [101039 demo]. */
	addImage(data: Buffer) {
		const id = createHash('md5').update(data).update(randomBytes(4)).digest('hex');
		this.media.set(id, data);
		return `${MEDIA_PATH}${id}`;
	}

	repliesTo(msgid: string) {
		return this.activeReplies.filter((r) => r.msgid === msgid);
	}
}

const byWorld = new WeakMap<object, AiBotWorld>();

export function aiBotOf(state: SandboxState): AiBotWorld {
	let world = byWorld.get(state.wecom);
	if (!world) byWorld.set(state.wecom, (world = new AiBotWorld(state.now)));
	return world;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Problems of a markdown / stream content: type, UTF-8 size. */
function contentProblems(field: string, value: unknown): string[] {
	if (value === undefined) return [];
	if (typeof value !== 'string') return [`${field} must be a string`];
	if (bytes(value) > CONTENT_MAX_BYTES) return [`${field} is ${bytes(value)} bytes, over 20480`];
	return [];
}

function feedbackProblems(owner: string, feedback: unknown): string[] {
	if (feedback === undefined) return [];
	const id = (feedback as { id?: unknown } | null)?.id;
	if (typeof id !== 'string' || bytes(id) > FEEDBACK_ID_MAX_BYTES)
		return [`${owner}.feedback.id must be a string of at most 256 bytes`];
	return [];
}

export interface CheckedStream {
	id?: string;
	finish: boolean;
	content?: string;
	images: number;
}

/** Checks a stream object of a passive reply against [101031]. */
export function checkStream(
	stream: unknown,
	first: boolean,
): { stream?: CheckedStream; problems: string[] } {
	if (!stream || typeof stream !== 'object') return { problems: ['stream must be an object'] };
	const s = stream as Record<string, unknown>;
	const problems: string[] = [];
	const known = ['id', 'finish', 'content', 'msg_item', 'feedback'];
	for (const field of Object.keys(s))
		if (!known.includes(field)) problems.push(`stream.${field} is not a documented field`);
	// stream.id: required in the first reply [101031].
	if (first && (typeof s.id !== 'string' || !s.id))
		problems.push('stream.id is required in the first reply');
	if (s.id !== undefined && typeof s.id !== 'string') problems.push('stream.id must be a string');
	if (s.finish !== undefined && typeof s.finish !== 'boolean')
		problems.push('stream.finish must be a boolean');
	problems.push(...contentProblems('stream.content', s.content));
	problems.push(...feedbackProblems('stream', s.feedback));
	const items = s.msg_item;
	let images = 0;
	if (items !== undefined) {
		if (!Array.isArray(items)) problems.push('stream.msg_item must be an array');
		else {
			if (s.finish !== true) problems.push('stream.msg_item is allowed only with finish: true');
			if (items.length > STREAM_IMAGES_MAX)
				problems.push('stream.msg_item holds more than 10 images');
			for (const item of items as Array<Record<string, unknown>>) {
				const image = item?.image as { base64?: unknown; md5?: unknown } | undefined;
				if (
					item?.msgtype !== 'image' ||
					typeof image?.base64 !== 'string' ||
					typeof image.md5 !== 'string'
				) {
					problems.push('stream.msg_item entries must be {msgtype: image, image: {base64, md5}}');
					continue;
				}
				const data = Buffer.from(image.base64, 'base64');
				if (createHash('md5').update(data).digest('hex') !== image.md5.toLowerCase())
					problems.push('stream.msg_item image md5 does not match its base64');
				if (data.length > STREAM_IMAGE_MAX_BYTES) problems.push('stream.msg_item image over 10 MB');
				images++;
			}
		}
	}
	return {
		stream: {
			id: typeof s.id === 'string' ? s.id : undefined,
			finish: s.finish === true,
			content: typeof s.content === 'string' ? s.content : undefined,
			images,
		},
		problems,
	};
}

export interface PassiveReply {
	/** The decrypted reply, undefined for an empty acknowledgement. */
	plain?: Record<string, unknown>;
	problems: string[];
}

/**
 * Opens a passive reply as WeCom would [101033]: an empty body is an acknowledgement; otherwise JSON
 * {encrypt, msgsignature, timestamp (seconds), nonce (the callback's)}, signed with the Token, and
 * encrypted for the empty receive ID.
 */
export function openPassiveReply(
	body: string,
	expect: { token: string; encodingAesKey: string; nonce: string },
): PassiveReply {
	if (body === '') return { problems: [] };
	let envelope: Record<string, unknown>;
	try {
		envelope = JSON.parse(body) as Record<string, unknown>;
	} catch {
		return { problems: ['the reply is neither empty nor JSON'] };
	}
	const problems: string[] = [];
	const { encrypt, msgsignature, nonce } = envelope;
	// The doc writes timestamp as a number, the official library as a string of digits [JsonCrypt].
	const timestamp =
		typeof envelope.timestamp === 'number' ? String(envelope.timestamp) : envelope.timestamp;
	if (typeof encrypt !== 'string') problems.push('encrypt missing');
	if (typeof timestamp !== 'string' || !/^\d{10}$/.test(timestamp))
		problems.push('timestamp must be Unix seconds');
	if (nonce !== expect.nonce) problems.push('nonce must be the callback URL’s nonce');
	if (typeof encrypt !== 'string' || typeof timestamp !== 'string') return { problems };
	if (msgsignature !== signature(expect.token, timestamp, String(nonce), encrypt))
		problems.push('msgsignature does not match');
	try {
		const opened = openMessage(aesKeyOf(expect.encodingAesKey), encrypt);
		if (opened.receiveId !== '')
			problems.push('a corp’s own AI bot encrypts for the empty receive ID');
		return { plain: JSON.parse(opened.message) as Record<string, unknown>, problems };
	} catch (error) {
		return { problems: [...problems, `cannot decrypt the reply: ${(error as Error).message}`] };
	}
}

export function registerAiBotRoutes(router: Router, state: SandboxState) {
	// Active reply through response_url [101138].
	router.on('POST', RESPONSE_URL_PATH, (req) => {
		const world = aiBotOf(state);
		const code = world.responseCodes.get(req.query.response_code ?? '');
		// UNCONFIRMED: the errcodes of a bad response_url are not documented; 40014 (invalid credential).
		if (!code) return { body: { errcode: 40014, errmsg: 'invalid response_code' } };
		if (code.used) return { body: { errcode: 40014, errmsg: 'response_code already used' } };
		if (state.now() - code.issuedAt > RESPONSE_URL_LIFETIME_MS)
			return { body: { errcode: 40014, errmsg: 'response_code expired' } };
		const body =
			req.json === INVALID_JSON ? undefined : (req.json as Record<string, unknown> | undefined);
		if (!body || typeof body !== 'object')
			return { body: { errcode: 40016, errmsg: 'request body is not JSON' } };
		const problems: string[] = [];
		if (body.msgtype === 'markdown') {
			const markdown = body.markdown as Record<string, unknown> | undefined;
			if (typeof markdown?.content !== 'string' || !markdown.content)
				problems.push('markdown.content is required');
			problems.push(...contentProblems('markdown.content', markdown?.content));
			problems.push(...feedbackProblems('markdown', markdown?.feedback));
		} else if (body.msgtype === 'template_card') {
			// template_card only answers single chats [101138].
			if (code.chattype !== 'single')
				problems.push('template_card is allowed in single chats only');
		} else problems.push(`msgtype ${String(body.msgtype)} is not markdown or template_card`);
		// UNCONFIRMED errcode for a refused active reply; 40058 (invalid parameter) as elsewhere.
		if (problems.length) return { body: { errcode: 40058, errmsg: problems.join('; ') } };
		code.used = true;
		world.activeReplies.push({ msgid: code.msgid, userid: code.userid, body, at: state.now() });
		return { body: { errcode: 0, errmsg: 'ok' } };
	});

	// Images sent by members, served encrypted with the bot's key [101039 demo].
	router.onPrefix('GET', MEDIA_PATH, (req) => {
		const data = aiBotOf(state).media.get(req.path.slice(MEDIA_PATH.length));
		if (!data) return { status: 404, body: 'no such media' };
		return {
			headers: { 'content-type': 'application/octet-stream' },
			body: sealFile(aesKeyOf(SANDBOX_AIBOT.encodingAesKey), data),
		};
	});
}
