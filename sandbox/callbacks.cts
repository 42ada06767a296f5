import { randomBytes } from 'node:crypto';

import { decryptWeLink, encryptWeLink, weLinkCallbackKey } from '../nodes/shared/crypto/welink';
import { encryptWeCom, parseEncodingAesKey, weComSignature } from '../nodes/shared/crypto/wecom';

/**
 * Sends callbacks the way WeCom and WeLink do, to a URL under test (a trigger's webhook), and
 * can spoil one aspect of them on purpose to test how forged or broken calls are refused.
 */

export type XmlValue = string | number | XmlObject | XmlValue[];
export interface XmlObject {
	[key: string]: XmlValue;
}

/** Builds WeCom-style XML: text in CDATA, numbers bare, nested objects, arrays as repeated elements. */
export function toXml(value: XmlObject, root = 'xml'): string {
	const render = (name: string, v: XmlValue): string => {
		if (Array.isArray(v)) return v.map((item) => render(name, item)).join('');
		if (typeof v === 'number') return `<${name}>${v}</${name}>`;
		if (typeof v === 'string')
			return `<${name}><![CDATA[${v.split(']]>').join(']]]]><![CDATA[>')}]]></${name}>`;
		return `<${name}>${Object.entries(v)
			.map(([k, inner]) => render(k, inner))
			.join('')}</${name}>`;
	};
	return render(root, value);
}

export interface WeComCallbackTarget {
	url: string;
	token: string;
	encodingAesKey: string;
	receiveId: string;
}

export type WeComTamper =
	| 'signature' // flip a character of msg_signature
	| 'no-signature' // omit msg_signature
	| 'receive-id' // encrypt for another corp
	| 'ciphertext' // corrupt the Encrypt value after signing it
	| 'not-base64'; // send junk as Encrypt (signed, so only decryption fails)

export interface SentCallback {
	status: number;
	body: string;
	headers: Record<string, string>;
	latencyMs: number;
}

async function send(url: string, init: RequestInit): Promise<SentCallback> {
	const started = performance.now();
	const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
	const body = await response.text();
	return {
		status: response.status,
		body,
		headers: Object.fromEntries(response.headers.entries()),
		latencyMs: performance.now() - started,
	};
}

function nowSeconds() {
	return String(Math.floor(Date.now() / 1000));
}

/** POST an event or message (inner XML given as an object or as raw XML text). */
export async function sendWeComCallback(
	target: WeComCallbackTarget,
	message: XmlObject | string,
	options: { timestamp?: string; nonce?: string; tamper?: WeComTamper; agentId?: string } = {},
): Promise<SentCallback> {
	const key = parseEncodingAesKey(target.encodingAesKey);
	const inner = typeof message === 'string' ? message : toXml(message);
	const receiveId = options.tamper === 'receive-id' ? 'wwsomeoneelse00000' : target.receiveId;
	let encrypted =
		options.tamper === 'not-base64' ? '@@not*base64@@' : encryptWeCom(key, inner, receiveId);
	const timestamp = options.timestamp ?? nowSeconds();
	const nonce = options.nonce ?? randomBytes(6).toString('hex');
	let signature = weComSignature(target.token, timestamp, nonce, encrypted);
	if (options.tamper === 'signature')
		signature = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
	if (options.tamper === 'ciphertext') encrypted = `A${encrypted.slice(1)}`;
	const envelope = toXml({
		ToUserName: target.receiveId,
		Encrypt: encrypted,
		AgentID: options.agentId ?? '1000002',
	});
	const query = new URLSearchParams({ timestamp, nonce });
	if (options.tamper !== 'no-signature') query.set('msg_signature', signature);
	return await send(`${target.url}?${query.toString()}`, {
		method: 'POST',
		headers: { 'content-type': 'text/xml' },
		body: envelope,
	});
}

/** The GET check WeCom makes when the callback URL is saved: the answer must be the plain echostr. */
export async function verifyWeComUrl(
	target: WeComCallbackTarget,
	plainEcho = String(Math.floor(Math.random() * 1e18)),
	options: { timestamp?: string; nonce?: string; tamper?: WeComTamper } = {},
) {
	const key = parseEncodingAesKey(target.encodingAesKey);
	const echostr = encryptWeCom(
		key,
		plainEcho,
		options.tamper === 'receive-id' ? 'wwsomeoneelse00000' : target.receiveId,
	);
	const timestamp = options.timestamp ?? nowSeconds();
	const nonce = options.nonce ?? randomBytes(6).toString('hex');
	let signature = weComSignature(target.token, timestamp, nonce, echostr);
	if (options.tamper === 'signature')
		signature = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
	const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce, echostr });
	const result = await send(`${target.url}?${query.toString()}`, { method: 'GET' });
	return { ...result, expected: plainEcho, ok: result.status === 200 && result.body === plainEcho };
}

export type WeLinkTamper =
	| 'tag' // corrupt the GCM tag
	| 'not-json' // a body that is not JSON
	| 'wrong-secret' // encrypt with another app's secret
	| 'stale' // payload timestamp one hour old
	| 'future' // payload timestamp one hour ahead
	| 'no-timestamp' // payload without a timestamp
	| 'no-encrypt' // a JSON body without "encrypt"
	| 'oversize'; // a valid envelope padded past 256 KB

/**
 * POST {"encrypt": …}; checks that the reply is the encrypted success message WeLink expects.
 * `rawBody` sends those exact bytes instead (e.g. an earlier call's `sentBody`, to replay it).
 */
export async function sendWeLinkCallback(
	target: { url: string; clientSecret: string },
	event: Record<string, unknown>,
	options: { tamper?: WeLinkTamper; rawBody?: string } = {},
) {
	const key = weLinkCallbackKey(
		options.tamper === 'wrong-secret' ? `${target.clientSecret}x` : target.clientSecret,
	);
	const shift = options.tamper === 'stale' ? -3600 : options.tamper === 'future' ? 3600 : 0;
	const payload: Record<string, unknown> = { timestamp: nowSeconds(), ...event };
	if (shift) payload.timestamp = String(Number(payload.timestamp) + shift);
	if (options.tamper === 'no-timestamp') delete payload.timestamp;
	let encrypted = encryptWeLink(key, JSON.stringify(payload));
	if (options.tamper === 'tag')
		encrypted = encrypted.slice(0, -4) + (encrypted.endsWith('AAAA') ? 'BBBB' : 'AAAA');
	let body = options.tamper === 'not-json' ? 'encrypt=' : JSON.stringify({ encrypt: encrypted });
	if (options.tamper === 'no-encrypt') body = JSON.stringify({ data: encrypted });
	if (options.tamper === 'oversize')
		body = JSON.stringify({ encrypt: encrypted, padding: 'x'.repeat(300 * 1024) });
	if (options.rawBody !== undefined) body = options.rawBody;
	const result = await send(target.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
	});
	let reply: Record<string, unknown> | undefined;
	try {
		const parsed = JSON.parse(result.body) as { encrypt?: string };
		if (parsed.encrypt)
			reply = JSON.parse(decryptWeLink(weLinkCallbackKey(target.clientSecret), parsed.encrypt));
	} catch {
		reply = undefined;
	}
	return {
		...result,
		reply,
		ok: result.status === 200 && reply?.msg === 'success',
		sentBody: body,
		payload,
	};
}
