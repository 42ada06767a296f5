import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { CallbackCryptoError } from '../../shared/crypto/errors';
import { weLinkCallbackKey, weLinkCallbackReply } from '../../shared/crypto/welink';
import { seenBefore } from '../../shared/callbackDedup';
import { isoFromUnix } from '../../shared/time';
import { WELINK_CREDENTIAL } from '../transport';
import { weLinkAppConfig } from '../transport/token';
import { DEFAULT_TOLERANCE_SECONDS, dedupKey, readWeLinkCallback } from './read';

/** A delivery is remembered at least this long, and until its timestamp leaves the window. */
const DEDUP_MIN_MS = 30 * 60_000;
/** The event with WeLink's own field names, plus `createdAt` (ISO, workflow timezone). */
export function eventItem(event: IDataObject, seconds: number, zone: string): IDataObject {
	return { ...event, createdAt: isoFromUnix(seconds, zone) };
}

export interface HandledWeLinkCallback {
	/** Set for a new, accepted event; undefined when nothing should run. */
	item?: IDataObject;
}

/**
 * Answers WeLink at once (the `test` URL check, refusals, the encrypted success reply) and tells the
 * trigger whether to start an execution. The workflow runs after the answer. Nothing secret is
 * written to the answer or the logs.
 */
export async function handleWeLinkCallback(
	ctx: IWebhookFunctions,
	options: { accept: (eventType: string) => boolean },
): Promise<HandledWeLinkCallback> {
	const req = ctx.getRequestObject();
	const res = ctx.getResponseObject();
	const settings = ctx.getNodeParameter('options', {}) as IDataObject;
	const configured = Number(settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
	const tolerance = Number.isFinite(configured) ? configured : DEFAULT_TOLERANCE_SECONDS;
	let key: Buffer;
	try {
		// UNCONFIRMED (reference §6.2, §9): the ISV docs say WeLink encrypts with the app secret; for
		// internal apps a separate console key is possible. The pack keys callbacks from the Client Secret.
		key = weLinkCallbackKey(
			weLinkAppConfig(await ctx.getCredentials(WELINK_CREDENTIAL)).clientSecret,
		);
	} catch (error) {
		const reason =
			error instanceof CallbackCryptoError ? error.message : 'the credential could not be read';
		ctx.logger.error(`WeLink callback credential is unusable: ${reason}`);
		res.status(500).type('text/plain').send('callback credential misconfigured');
		return {};
	}
	const outcome = readWeLinkCallback({ rawBody: (req as { rawBody?: Buffer }).rawBody }, key, {
		toleranceSeconds: tolerance,
	});
	if (outcome.kind === 'reject') {
		ctx.logger.warn(`WeLink callback refused (${outcome.status}): ${outcome.reason}`);
		const text =
			outcome.status === 403 ? 'forbidden' : outcome.status === 413 ? 'too large' : 'bad request';
		res.status(outcome.status).type('text/plain').send(text);
		return {};
	}
	res.status(200).type('application/json').send(weLinkCallbackReply(key, outcome.timestamp));
	if (outcome.kind === 'test') {
		ctx.logger.info('WeLink callback URL check (test event) answered');
		return {};
	}
	const nowMs = Date.now();
	const forgetAt = Math.max(
		nowMs + DEDUP_MIN_MS,
		tolerance > 0 ? (outcome.seconds + tolerance) * 1000 + 60_000 : 0,
	);
	const duplicate = seenBefore(ctx, dedupKey(outcome.event), forgetAt);
	if (duplicate || !options.accept(outcome.eventType)) return {};
	return { item: eventItem(outcome.event, outcome.seconds, ctx.getTimezone()) };
}
