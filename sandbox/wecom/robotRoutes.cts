import { createHash, randomBytes } from 'node:crypto';

import type { Router } from '../http.cjs';
import { INVALID_JSON, parseMultipart } from '../http.cjs';
import { fail, WeComFault, wecomError, wecomOk } from './errors.cjs';
import { checkCard } from './messages.cjs';
import { validate, type Schema } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/** 20 messages per minute per robot, counted even when failing (reference §3.5). */
export const ROBOT_PER_MINUTE = 20;

const MB = 1024 * 1024;

const ROBOT_PAYLOADS: Record<string, Schema> = {
	text: {
		content: { type: 'string', required: true, max: 2048 },
		mentioned_list: { type: 'string[]' },
		mentioned_mobile_list: { type: 'string[]' },
	},
	markdown: { content: { type: 'string', required: true, max: 4096 } },
	markdown_v2: { content: { type: 'string', required: true, max: 4096 } },
	image: { base64: { type: 'string', required: true }, md5: { type: 'string', required: true } },
	news: {
		articles: {
			type: 'object[]',
			required: true,
			min: 1,
			max: 8,
			fields: {
				title: { type: 'string', required: true, max: 128 },
				description: { type: 'string', max: 512 },
				url: { type: 'string', required: true },
				picurl: { type: 'string' },
			},
		},
	},
	file: { media_id: { type: 'string', required: true } },
	voice: { media_id: { type: 'string', required: true } },
	template_card: {
		card_type: { type: 'string', required: true, enum: ['text_notice', 'news_notice'] },
	},
};

function validateRobotMessage(
	message: Record<string, unknown>,
	media: Map<string, { type: string }>,
) {
	const msgtype = message.msgtype;
	if (typeof msgtype !== 'string' || !ROBOT_PAYLOADS[msgtype]) fail(40008, 'invalid message type');
	validate(message, {
		msgtype: { type: 'string', required: true },
		[msgtype]: { type: 'object', required: true },
	});
	const payload = message[msgtype] as Record<string, unknown>;
	if (msgtype === 'template_card') {
		checkCard(payload, undefined);
		return;
	}
	validate(payload, ROBOT_PAYLOADS[msgtype], `${msgtype}.`);
	if (msgtype === 'image') {
		const bytes = Buffer.from(String(payload.base64), 'base64');
		if (bytes.length > 2 * MB) fail(40009, 'image size exceeds 2MB');
		if (createHash('md5').update(bytes).digest('hex') !== payload.md5)
			fail(40058, 'image md5 does not match');
	}
	if (msgtype === 'file' || msgtype === 'voice') {
		const item = media.get(String(payload.media_id));
		if (!item || item.type !== msgtype) fail(40007, 'invalid media_id');
	}
}

/**
 * Group robot webhook (send, upload_media). The key is checked first (93000 for an unknown key),
 * then the per-minute limit (which counts failed calls too), then the message.
 */
export function registerRobotRoutes(router: Router, world: WeComWorld) {
	router.on('POST', '/cgi-bin/webhook/send', (req) => {
		try {
			const robot = world.robots.get(req.query.key ?? '');
			if (!robot) fail(93000, 'invalid webhook url');
			const now = world.now();
			robot.sentAt = robot.sentAt.filter((t) => now - t < 60_000);
			robot.sentAt.push(now);
			if (robot.sentAt.length > ROBOT_PER_MINUTE) fail(45009, 'api freq out of limit');
			if (req.json === INVALID_JSON) fail(40035, 'invalid json');
			const message = (req.json ?? {}) as Record<string, unknown>;
			validateRobotMessage(message, robot.media);
			robot.messages.push(message);
			return wecomOk();
		} catch (error) {
			if (error instanceof WeComFault) return wecomError(req, error.errcode, error.message);
			throw error;
		}
	});

	router.on('POST', '/cgi-bin/webhook/upload_media', (req) => {
		try {
			const robot = world.robots.get(req.query.key ?? '');
			if (!robot) fail(93000, 'invalid webhook url');
			const type = req.query.type;
			if (type !== 'file' && type !== 'voice') fail(40005, 'invalid media type');
			const part = parseMultipart(req)?.find((p) => p.name === 'media');
			if (!part) fail(41006, 'media file missing');
			const max = type === 'file' ? 20 * MB : 2 * MB;
			if (part.data.length <= 5 || part.data.length > max) fail(40006, 'invalid file size');
			if (type === 'voice' && !/amr/.test(String(part.contentType)))
				fail(40004, 'voice must be AMR');
			const mediaId = `robot${randomBytes(16).toString('base64url')}`;
			robot.media.set(mediaId, { type, filename: part.filename, size: part.data.length });
			return wecomOk({
				type,
				media_id: mediaId,
				created_at: String(Math.floor(world.now() / 1000)),
			});
		} catch (error) {
			if (error instanceof WeComFault) return wecomError(req, error.errcode, error.message);
			throw error;
		}
	});
}
