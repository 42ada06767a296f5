import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

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

/**
 * WeLink's callback scheme, written here from the facts the reference vector file states (made with
 * Huawei's own SDK), not taken from the pack, so that the trigger is checked against a second
 * implementation: key = the first 16 bytes of SHA1(SHA1(UTF-8 secret)); transmitted string =
 * base64(16-byte IV) (24 characters) followed by base64(AES-128-GCM ciphertext ‖ 16-byte tag), no
 * additional data; the body is {"encrypt": …}; nothing else is signed.
 */
export function weLinkSenderKey(secret: string): Buffer {
	const inner = createHash('sha1').update(Buffer.from(secret, 'utf8')).digest();
	return createHash('sha1').update(inner).digest().subarray(0, 16);
}

export function sealWeLinkCallback(secret: string, plaintext: string, iv = randomBytes(16)) {
	const cipher = createCipheriv('aes-128-gcm', weLinkSenderKey(secret), iv);
	const sealed = Buffer.concat([cipher.update(Buffer.from(plaintext, 'utf8')), cipher.final()]);
	return `${iv.toString('base64')}${Buffer.concat([sealed, cipher.getAuthTag()]).toString('base64')}`;
}

export function openWeLinkCallback(secret: string, transmitted: string): string {
	const iv = Buffer.from(transmitted.slice(0, 24), 'base64');
	const sealed = Buffer.from(transmitted.slice(24), 'base64');
	const decipher = createDecipheriv('aes-128-gcm', weLinkSenderKey(secret), iv);
	decipher.setAuthTag(sealed.subarray(sealed.length - 16));
	return Buffer.concat([
		decipher.update(sealed.subarray(0, sealed.length - 16)),
		decipher.final(),
	]).toString('utf8');
}

/** WeLink refuses a reply whose timestamp is more than 30 minutes off its clock (reference vectors). */
const REPLY_WINDOW_SECONDS = 30 * 60;

/**
 * The reply WeLink accepts (reference vectors, "Expected reply shape"): HTTP 200, a JSON body holding
 * exactly one field, `encrypt`, which opens with the same key to {"msg":"success","timestamp":"<decimal
 * seconds>"} within 30 minutes of now. Returns the opened reply, or why it is not acceptable.
 */
export function checkWeLinkReply(
	secret: string,
	status: number,
	body: string,
	nowSeconds = Math.floor(Date.now() / 1000),
): { reply?: Record<string, unknown>; problem?: string } {
	if (status !== 200) return { problem: `HTTP ${status}` };
	let envelope: unknown;
	try {
		envelope = JSON.parse(body);
	} catch {
		return { problem: 'the body is not JSON' };
	}
	const keys = envelope && typeof envelope === 'object' ? Object.keys(envelope) : [];
	const encrypted = (envelope as { encrypt?: unknown } | null)?.encrypt;
	if (keys.length !== 1 || typeof encrypted !== 'string')
		return { problem: 'the body is not {"encrypt": …} alone' };
	let reply: Record<string, unknown>;
	try {
		reply = JSON.parse(openWeLinkCallback(secret, encrypted)) as Record<string, unknown>;
	} catch {
		return { problem: 'encrypt does not open with the app secret' };
	}
	const timestamp = reply.timestamp;
	if (reply.msg !== 'success') return { reply, problem: 'msg is not "success"' };
	if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp))
		return { reply, problem: 'timestamp is not decimal seconds as a string' };
	if (Math.abs(nowSeconds - Number(timestamp)) > REPLY_WINDOW_SECONDS)
		return { reply, problem: 'timestamp is more than 30 minutes off' };
	return { reply };
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

export interface WeLinkSendOptions {
	tamper?: WeLinkTamper;
	/** Send exactly these bytes (e.g. an earlier call's `sentBody`, to replay it). */
	rawBody?: string;
	/** Send this transmitted string (e.g. one the SDK made) instead of sealing `event`. */
	encrypted?: string;
	/** A fixed IV (hex) instead of a random one. */
	iv?: string;
	/** The clock the reply's timestamp is checked against (Unix seconds); default now. */
	nowSeconds?: number;
}

/**
 * POSTs {"encrypt": …} as WeLink's SDK writes it (a space after the colon) and checks that the answer
 * is the encrypted success reply WeLink expects (`ok`, or `problem` saying why not).
 */
export async function sendWeLinkCallback(
	target: { url: string; clientSecret: string },
	event: Record<string, unknown>,
	options: WeLinkSendOptions = {},
) {
	const secret =
		options.tamper === 'wrong-secret' ? `${target.clientSecret}x` : target.clientSecret;
	const shift = options.tamper === 'stale' ? -3600 : options.tamper === 'future' ? 3600 : 0;
	const payload: Record<string, unknown> = { timestamp: nowSeconds(), ...event };
	if (shift) payload.timestamp = String(Number(payload.timestamp) + shift);
	if (options.tamper === 'no-timestamp') delete payload.timestamp;
	let encrypted =
		options.encrypted ??
		sealWeLinkCallback(
			secret,
			JSON.stringify(payload),
			options.iv ? Buffer.from(options.iv, 'hex') : undefined,
		);
	if (options.tamper === 'tag')
		encrypted = encrypted.slice(0, -4) + (encrypted.endsWith('AAAA') ? 'BBBB' : 'AAAA');
	let body = options.tamper === 'not-json' ? 'encrypt=' : `{"encrypt": "${encrypted}"}`;
	if (options.tamper === 'no-encrypt') body = JSON.stringify({ data: encrypted });
	if (options.tamper === 'oversize')
		body = JSON.stringify({ encrypt: encrypted, padding: 'x'.repeat(300 * 1024) });
	if (options.rawBody !== undefined) body = options.rawBody;
	const result = await send(target.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
	});
	const { reply, problem } = checkWeLinkReply(
		target.clientSecret,
		result.status,
		result.body,
		options.nowSeconds,
	);
	return { ...result, reply, problem, ok: problem === undefined, sentBody: body, payload };
}
