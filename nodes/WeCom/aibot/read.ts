import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { CallbackCryptoError } from '../../shared/crypto/errors';
import { openWeComCallback, parseEncodingAesKey } from '../../shared/crypto/wecom';
import { MAX_AIBOT_BODY } from './limits';

/**
 * Reads one WeCom AI-bot callback request (docs/reference/wecom-ai-bot.md §1–2): the URL check (GET)
 * or a JSON message or event (POST). Pure — no n8n context — so every refusal is unit-tested. Order
 * of checks: body, signature over the ciphertext (constant time), timestamp window, decryption,
 * receive ID (always "" for a corp's own bot), JSON, bot ID.
 */

export interface AiBotConfig {
	token: string;
	key: Buffer;
	/** Only callbacks of this bot are accepted when set. */
	botId: string;
}

/** A corp's own AI bot encrypts with an empty receive ID [101033]. */
export const AIBOT_RECEIVE_ID = '';

export function aiBotConfig(credentials: ICredentialDataDecryptedObject): AiBotConfig {
	const token = String(credentials.token ?? '');
	if (!/^[A-Za-z0-9]{1,32}$/.test(token)) {
		throw new CallbackCryptoError(
			'bad-key',
			'Token must be 1 to 32 letters and digits (as set in the bot’s API mode)',
		);
	}
	return {
		token,
		key: parseEncodingAesKey(String(credentials.encodingAesSecret ?? '')),
		botId: String(credentials.botId ?? '').trim(),
	};
}

export interface AiBotRequest {
	method: string;
	query: Record<string, unknown>;
	rawBody?: Buffer;
}

export type AiBotOutcome =
	| { kind: 'verify'; echo: string }
	| { kind: 'message'; message: IDataObject; timestamp: string; nonce: string }
	| { kind: 'reject'; status: number; reason: string };

const text = (value: unknown) =>
	typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';

function envelopeCiphertext(body: Buffer): string | undefined {
	let envelope: unknown;
	try {
		envelope = JSON.parse(body.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!envelope || typeof envelope !== 'object' || Array.isArray(envelope)) return undefined;
	const encrypt = (envelope as IDataObject).encrypt;
	return typeof encrypt === 'string' && encrypt ? encrypt : undefined;
}

export function readAiBotCallback(
	request: AiBotRequest,
	config: AiBotConfig,
	options: { toleranceSeconds: number; nowSeconds?: number },
): AiBotOutcome {
	const signature = text(request.query.msg_signature);
	const timestamp = text(request.query.timestamp);
	const nonce = text(request.query.nonce);
	try {
		let encrypted: string | undefined;
		if (request.method === 'GET') {
			encrypted = text(request.query.echostr) || undefined;
			if (!encrypted) return { kind: 'reject', status: 400, reason: 'echostr missing' };
		} else {
			const body = request.rawBody ?? Buffer.alloc(0);
			if (body.length === 0 || body.length > MAX_AIBOT_BODY)
				return { kind: 'reject', status: 400, reason: 'body missing or too large' };
			encrypted = envelopeCiphertext(body);
			if (!encrypted)
				return { kind: 'reject', status: 400, reason: 'body is not {"encrypt": …} JSON' };
		}
		const message = openWeComCallback(
			{ ...config, receiveId: AIBOT_RECEIVE_ID },
			{ encrypted, signature, timestamp, nonce },
			options,
		);
		if (request.method === 'GET') return { kind: 'verify', echo: message };
		let parsed: unknown;
		try {
			parsed = JSON.parse(message);
		} catch {
			return { kind: 'reject', status: 400, reason: 'decrypted message is not JSON' };
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			return { kind: 'reject', status: 400, reason: 'decrypted message is not a JSON object' };
		const payload = parsed as IDataObject;
		// A refresh only needs its stream ID; messages and events are told apart by msgid [100719].
		if (
			typeof payload.msgtype !== 'string' ||
			(payload.msgtype !== 'stream' && typeof payload.msgid !== 'string')
		)
			return { kind: 'reject', status: 400, reason: 'message without msgtype or msgid' };
		if (config.botId && payload.aibotid !== config.botId)
			return { kind: 'reject', status: 403, reason: 'message is for another bot' };
		return { kind: 'message', message: payload, timestamp, nonce };
	} catch (error) {
		if (error instanceof CallbackCryptoError)
			return { kind: 'reject', status: error.httpStatus, reason: error.message };
		return { kind: 'reject', status: 400, reason: 'malformed request' };
	}
}
