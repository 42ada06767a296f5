import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { CallbackCryptoError } from '../../shared/crypto/errors';
import { decryptWeLink } from '../../shared/crypto/welink';

/**
 * Reads one WeLink callback request (reference §6.2). Pure — no n8n context — so every refusal
 * path is unit-tested. The body is `{"encrypt": …}` (AES-128-GCM keyed from the app secret); there
 * is no signature header, so the GCM tag is the proof of origin and the `timestamp` inside the
 * encrypted payload the proof of freshness. Order of checks: size, JSON envelope, decryption
 * (tag), inner JSON, required fields, timestamp window.
 */

/** Largest request body accepted (WeLink events are ids only: a few hundred bytes to a few KB). */
export const MAX_CALLBACK_BODY = 256 * 1024;

/** The replay window the WeLink docs recommend: 30 minutes either side of now. */
export const DEFAULT_TOLERANCE_SECONDS = 30 * 60;

export interface WeLinkCallbackRequest {
	rawBody?: Buffer;
}

export type WeLinkCallbackOutcome =
	| { kind: 'test'; timestamp: string }
	| {
			kind: 'event';
			event: IDataObject;
			eventType: string;
			/** The request's timestamp exactly as sent: echoed in the success reply. */
			timestamp: string;
			/** The same timestamp in Unix seconds. */
			seconds: number;
	  }
	| { kind: 'reject'; status: number; reason: string };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Unix seconds per the reference (a string such as "1562752619"; a number is accepted too). A
 * 13-digit value is read as milliseconds so a platform change of unit would not look like a replay.
 */
function timestampSeconds(value: unknown): number | undefined {
	const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || !/^\d{9,13}$/.test(text)) return undefined;
	return text.length === 13 ? Math.floor(Number(text) / 1000) : Number(text);
}

export function readWeLinkCallback(
	request: WeLinkCallbackRequest,
	key: Buffer,
	options: { toleranceSeconds: number; nowSeconds?: number },
): WeLinkCallbackOutcome {
	const body = request.rawBody ?? Buffer.alloc(0);
	if (body.length === 0) return { kind: 'reject', status: 400, reason: 'empty body' };
	if (body.length > MAX_CALLBACK_BODY)
		return { kind: 'reject', status: 413, reason: `body over ${MAX_CALLBACK_BODY} bytes` };
	let envelope: unknown;
	try {
		envelope = JSON.parse(body.toString('utf8'));
	} catch {
		return { kind: 'reject', status: 400, reason: 'body is not JSON' };
	}
	if (!isObject(envelope) || typeof envelope.encrypt !== 'string' || !envelope.encrypt)
		return { kind: 'reject', status: 400, reason: 'body has no "encrypt" string' };
	let plaintext: string;
	try {
		plaintext = decryptWeLink(key, envelope.encrypt);
	} catch (error) {
		if (error instanceof CallbackCryptoError)
			return { kind: 'reject', status: error.httpStatus, reason: error.message };
		return { kind: 'reject', status: 400, reason: 'undecryptable "encrypt"' };
	}
	let event: unknown;
	try {
		event = JSON.parse(plaintext);
	} catch {
		return { kind: 'reject', status: 400, reason: 'decrypted payload is not JSON' };
	}
	if (!isObject(event))
		return { kind: 'reject', status: 400, reason: 'decrypted payload is not a JSON object' };
	const eventType = typeof event.eventType === 'string' ? event.eventType.trim() : '';
	if (!eventType) return { kind: 'reject', status: 400, reason: 'eventType missing' };
	const seconds = timestampSeconds(event.timestamp);
	if (seconds === undefined)
		return { kind: 'reject', status: 400, reason: 'timestamp missing or not Unix seconds' };
	const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
	if (options.toleranceSeconds > 0 && Math.abs(now - seconds) > options.toleranceSeconds) {
		return {
			kind: 'reject',
			status: 403,
			reason: `timestamp ${seconds < now ? 'too old' : 'in the future'} (outside the accepted window)`,
		};
	}
	const timestamp = String(event.timestamp);
	if (eventType === 'test') return { kind: 'test', timestamp };
	return { kind: 'event', event, eventType, timestamp, seconds };
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value))
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
			.join(',')}}`;
	return JSON.stringify(value) ?? 'null';
}

/**
 * The identity of a delivery, to drop WeLink's retries and replays of it. WeLink documents no event
 * ID and no retry policy (reference §6.2, UNCONFIRMED): a retry is recognised by identical decrypted
 * content, its timestamp included, whatever IV it was re-encrypted with.
 */
export function dedupKey(event: IDataObject): string {
	return `welink:${createHash('sha256').update(canonical(event)).digest('hex')}`;
}
