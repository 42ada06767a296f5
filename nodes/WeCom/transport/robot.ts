import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { TokenCache, tokenCacheKey } from '../../shared/tokenCache';
import {
	platformRequest,
	type ApiContext,
	type ApiRequest,
	type Platform,
} from '../../shared/transport';
import { explainWeComError } from './errors';
import { WECOM_DEFAULT_BASE_URL } from './token';

export interface RobotWebhook {
	baseUrl: string;
	key: string;
}

/**
 * The robot credential accepts either the bare key or the whole webhook URL that WeCom shows
 * (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…); a private deployment keeps its host.
 */
export function parseRobotWebhook(credentials: ICredentialDataDecryptedObject): RobotWebhook {
	const raw = String(credentials.webhookSecret ?? '').trim();
	const match =
		/^(https?:\/\/[^?#]+?)(?:\/cgi-bin\/webhook\/[a-z_]+)?\/?\?(?:.*&)?key=([^&#]+)/i.exec(raw);
	if (match) return { baseUrl: match[1].replace(/\/+$/, ''), key: decodeURIComponent(match[2]) };
	return { baseUrl: WECOM_DEFAULT_BASE_URL, key: raw };
}

export const ROBOT_CREDENTIAL = 'wecomWelinkWeComRobotApi';

/** 20 messages per minute per robot, counted even when failing (reference §3.5). */
export const ROBOT_MESSAGES_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

const robot: Platform<IDataObject> = {
	name: 'WeCom group robot',
	credentialType: ROBOT_CREDENTIAL,
	// Robots have no access token; the key travels in the query (the credential's authenticate).
	tokens: new TokenCache(),
	baseUrl: (credentials) => parseRobotWebhook(credentials).baseUrl,
	tokenKey: (credentials) => robotKeyHash(credentials),
	secrets: (credentials) => [parseRobotWebhook(credentials).key],
	usedToken: () => '',
	judge(response, scrub) {
		const errcode = Number(response?.errcode ?? 0);
		if (errcode === 0) return { kind: 'ok' };
		const errmsg = scrub(String(response.errmsg ?? ''));
		const explained = explainWeComError(errcode, errmsg);
		if (errcode === 93000)
			explained.description =
				'The robot key is unknown or the robot was removed from the group: copy its webhook URL again.';
		// 45009 is not retried with the generic short backoff: failed calls count against the
		// robot's minute too. robotSend waits for the minute to pass instead.
		return {
			kind: errcode === -1 ? 'transient' : 'error',
			error: { ...explained, details: { errcode, errmsg } },
		};
	},
};

export function robotKeyHash(credentials: ICredentialDataDecryptedObject) {
	const { baseUrl, key } = parseRobotWebhook(credentials);
	return tokenCacheKey('robot', baseUrl, key);
}

/**
 * Paces sends per robot inside this n8n process: at most 20 in any 60 s, waiting for a free slot
 * instead of failing. Calls for one robot pass one at a time, so the count is exact.
 */
export class RobotPacer {
	private readonly sent = new Map<string, number[]>();

	private readonly queues = new Map<string, Promise<unknown>>();

	constructor(
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	async slot(key: string): Promise<void> {
		const now = this.now;
		const previous = this.queues.get(key) ?? Promise.resolve();
		const mine = previous.then(async () => {
			for (;;) {
				const recent = (this.sent.get(key) ?? []).filter((t) => now() - t < WINDOW_MS);
				this.sent.set(key, recent);
				if (recent.length < ROBOT_MESSAGES_PER_MINUTE) {
					recent.push(now());
					return;
				}
				await this.wait(recent[0] + WINDOW_MS - now() + 50);
			}
		});
		this.queues.set(
			key,
			mine.catch(() => undefined),
		);
		await mine;
	}

	/** Someone else (another workflow, another server) used the minute up: treat it as full from now. */
	markFull(key: string) {
		this.sent.set(
			key,
			Array.from({ length: ROBOT_MESSAGES_PER_MINUTE }, () => this.now()),
		);
	}
}

export const robotPacer = new RobotPacer();

const RATE_LIMIT_RETRIES = 2;

/** POST to the robot (send or upload), paced, waiting out a full minute when WeCom says 45009. */
export async function robotRequest(this: ApiContext, request: ApiRequest): Promise<IDataObject> {
	const credentials = await this.getCredentials(ROBOT_CREDENTIAL);
	const key = robotKeyHash(credentials);
	for (let attempt = 0; ; attempt++) {
		if (request.path.endsWith('/send') || attempt > 0) await robotPacer.slot(key);
		let failure: unknown;
		let response: IDataObject | undefined;
		try {
			response = await platformRequest(this, robot, request);
		} catch (error) {
			failure = error;
		}
		if (!failure) return response as IDataObject;
		const errcode = Number(
			((failure as { context?: IDataObject }).context?.details as IDataObject | undefined)?.errcode,
		);
		if (errcode !== 45009 || attempt >= RATE_LIMIT_RETRIES) throw failure;
		robotPacer.markFull(key);
	}
}
