import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'crypto';

import { CallbackCryptoError, strictBase64 } from './errors';

/**
 * WeCom callback crypto (加解密方案, reference §6.4): AES-256-CBC with IV = first 16 key bytes,
 * PKCS#7 padding to a multiple of 32 bytes, plaintext = random(16) ‖ len(4, big-endian) ‖ msg ‖ receiveId,
 * signature = sha1 of the sorted [token, timestamp, nonce, ciphertext] joined.
 * Written here because community nodes may not ship dependencies (@wecom/crypto would be one).
 */

const BLOCK = 32;

/** Largest decrypted message accepted (WeCom events are a few KB; this bounds hostile input). */
export const MAX_CALLBACK_MESSAGE_BYTES = 1024 * 1024;

export function parseEncodingAesKey(encodingAesKey: string): Buffer {
	if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) {
		throw new CallbackCryptoError(
			'bad-key',
			'EncodingAESKey must be exactly 43 letters and digits (copy it from the app’s 接收消息 settings)',
		);
	}
	const key = Buffer.from(`${encodingAesKey}=`, 'base64');
	if (key.length !== 32)
		throw new CallbackCryptoError('bad-key', 'EncodingAESKey does not decode to 32 bytes');
	return key;
}

export function weComSignature(token: string, timestamp: string, nonce: string, encrypted: string) {
	return createHash('sha1')
		.update([token, timestamp, nonce, encrypted].sort().join(''))
		.digest('hex');
}

/** Constant-time comparison of the expected and received signatures (hex, case-insensitive). */
export function verifyWeComSignature(
	token: string,
	timestamp: string,
	nonce: string,
	encrypted: string,
	received: string | undefined,
) {
	const expected = Buffer.from(weComSignature(token, timestamp, nonce, encrypted));
	const given = Buffer.from(String(received ?? '').toLowerCase());
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		throw new CallbackCryptoError('bad-signature', 'msg_signature does not match');
	}
}

export function encryptWeCom(
	key: Buffer,
	message: string,
	receiveId: string,
	random: Buffer = randomBytes(16),
): string {
	const msg = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(msg.length, 0);
	const plain = Buffer.concat([random, length, msg, Buffer.from(receiveId, 'utf8')]);
	const pad = BLOCK - (plain.length % BLOCK);
	const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export function decryptWeCom(
	key: Buffer,
	encrypted: string,
): { message: string; receiveId: string } {
	const data = strictBase64(encrypted, 'Encrypt');
	if (data.length === 0 || data.length % 16 !== 0) {
		throw new CallbackCryptoError(
			'malformed',
			'ciphertext length is not a multiple of the AES block',
		);
	}
	if (data.length > MAX_CALLBACK_MESSAGE_BYTES + 64) {
		throw new CallbackCryptoError('malformed', 'ciphertext is too large');
	}
	const content = decryptBlocks(key, data);
	if (content.length < 20)
		throw new CallbackCryptoError('malformed', 'decrypted payload is too short');
	const length = content.readUInt32BE(16);
	if (length > content.length - 20 || length > MAX_CALLBACK_MESSAGE_BYTES) {
		throw new CallbackCryptoError('malformed', 'message length prefix is out of range');
	}
	return {
		message: content.subarray(20, 20 + length).toString('utf8'),
		receiveId: content.subarray(20 + length).toString('utf8'),
	};
}

/**
 * The checks every WeCom callback passes, in this order: signature over the ciphertext (constant time),
 * timestamp window (0 = no window), decryption, receive ID. Returns the decrypted message.
 */
export function openWeComCallback(
	config: { token: string; key: Buffer; receiveId: string },
	signed: { encrypted: string; signature: string; timestamp: string; nonce: string },
	window: { toleranceSeconds: number; nowSeconds?: number },
): string {
	verifyWeComSignature(
		config.token,
		signed.timestamp,
		signed.nonce,
		signed.encrypted,
		signed.signature,
	);
	const now = window.nowSeconds ?? Math.floor(Date.now() / 1000);
	if (
		!/^\d{1,12}$/.test(signed.timestamp) ||
		(window.toleranceSeconds > 0 &&
			Math.abs(now - Number(signed.timestamp)) > window.toleranceSeconds)
	)
		throw new CallbackCryptoError('stale', 'timestamp outside the accepted window');
	const { message, receiveId } = decryptWeCom(config.key, signed.encrypted);
	if (receiveId !== config.receiveId)
		throw new CallbackCryptoError('wrong-receiver', 'payload is for another receive ID');
	return message;
}

/** Passive encrypted reply (the body of the 200 answer to a callback). */
export function weComEncryptedReply(
	key: Buffer,
	token: string,
	receiveId: string,
	reply: string,
	timestamp: string,
	nonce: string,
) {
	const encrypted = encryptWeCom(key, reply, receiveId);
	const signature = weComSignature(token, timestamp, nonce, encrypted);
	return (
		`<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt>` +
		`<MsgSignature><![CDATA[${signature}]]></MsgSignature>` +
		`<TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[${nonce}]]></Nonce></xml>`
	);
}

/** AES-256-CBC with IV = first 16 key bytes, then the PKCS#7 padding (up to 32) checked and removed. */
function decryptBlocks(key: Buffer, data: Buffer): Buffer {
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const plain = Buffer.concat([decipher.update(data), decipher.final()]);
	const pad = plain[plain.length - 1];
	if (pad < 1 || pad > BLOCK || pad > plain.length || plain.subarray(-pad).some((b) => b !== pad))
		throw new CallbackCryptoError('malformed', 'invalid padding (wrong EncodingAESKey?)');
	return plain.subarray(0, plain.length - pad);
}

/**
 * Files an AI bot receives (image URLs) are served encrypted the same way, without the random and
 * length prefix (docs/reference/wecom-ai-bot.md §3).
 */
export function decryptWeComMedia(key: Buffer, data: Buffer): Buffer {
	if (data.length === 0 || data.length % 16 !== 0) {
		throw new CallbackCryptoError('malformed', 'encrypted file length is not a multiple of 16');
	}
	return decryptBlocks(key, data);
}
