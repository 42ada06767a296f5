import type { Router } from '../http.cjs';
import { INVALID_JSON } from '../http.cjs';
import { fail, WeComFault, wecomError, wecomOk } from './errors.cjs';
import type { WeComWorld } from './world.cjs';

/** 20 messages per minute per robot, counted even when failing (reference §3.5). */
export const ROBOT_PER_MINUTE = 20;

/**
 * Group robot webhook. The key is checked first (93000 for an unknown key), then the
 * per-minute limit, then the message; the message types are handled by robot message validation.
 */
export function registerRobotRoutes(
	router: Router,
	world: WeComWorld,
	validateMessage: (
		message: Record<string, unknown>,
		robotMedia: Set<string>,
	) => void = defaultValidate,
) {
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
			validateMessage(message, new Set(robot.media.keys()));
			robot.messages.push(message);
			return wecomOk();
		} catch (error) {
			if (error instanceof WeComFault) return wecomError(req, error.errcode, error.message);
			throw error;
		}
	});
}

function defaultValidate(message: Record<string, unknown>) {
	if (typeof message.msgtype !== 'string') fail(40008, 'invalid message type');
}
