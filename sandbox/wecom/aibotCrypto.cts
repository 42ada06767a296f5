import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * WeCom's callback crypto as the AI-bot side of the sandbox uses it, written from the published
 * facts (docs/reference/wecom-ai-bot.md §2) and deliberately NOT taken from the pack, so a mistake in
 * the pack's crypto cannot hide behind the same mistake here. Checked against WeCom's official test
 * vector in test/unit/sandbox/aibot.test.ts.
 */

// AESKey = Base64_Decode(EncodingAESKey + "="), 32 bytes [90968].
export function aesKeyOf(encodingAesKey: string): Buffer {
	if (encodingAesKey.length !== 43) throw new Error('EncodingAESKey must have 43 characters');
	const key = Buffer.from(`${encodingAesKey}=`, 'base64');
	if (key.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
	return key;
}

// PKCS#7 with a block of 32 bytes, so 1–32 bytes of padding [90968], [JsonCrypt PKCS7Encoder].
const PAD_BLOCK = 32;

function pad(data: Buffer): Buffer {
	const count = PAD_BLOCK - (data.length % PAD_BLOCK);
	return Buffer.concat([data, Buffer.alloc(count, count)]);
}

function unpad(data: Buffer): Buffer {
	const count = data.at(-1) ?? 0;
	if (count < 1 || count > PAD_BLOCK) throw new Error(`bad padding byte ${count}`);
	for (let i = data.length - count; i < data.length; i++)
		if (data[i] !== count) throw new Error('inconsistent padding');
	return data.subarray(0, data.length - count);
}

// AES-256-CBC, IV = the first 16 bytes of the key [90968].
function aes(mode: 'encrypt' | 'decrypt', key: Buffer, data: Buffer): Buffer {
	const iv = key.subarray(0, 16);
	const cipher =
		mode === 'encrypt'
			? createCipheriv('aes-256-cbc', key, iv)
			: createDecipheriv('aes-256-cbc', key, iv);
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(data), cipher.final()]);
}

// Plaintext = 16 random bytes ‖ message length (4 bytes, network order) ‖ message ‖ receiveId [90968].
export function sealMessage(key: Buffer, message: string, receiveId: string): string {
	const body = Buffer.from(message, 'utf8');
	const length = Buffer.from([
		(body.length >>> 24) & 0xff,
		(body.length >>> 16) & 0xff,
		(body.length >>> 8) & 0xff,
		body.length & 0xff,
	]);
	const plain = Buffer.concat([randomBytes(16), length, body, Buffer.from(receiveId, 'utf8')]);
	return aes('encrypt', key, pad(plain)).toString('base64');
}

export function openMessage(key: Buffer, sealed: string): { message: string; receiveId: string } {
	const raw = Buffer.from(sealed, 'base64');
	if (raw.toString('base64') !== sealed) throw new Error('ciphertext is not canonical base64');
	if (raw.length === 0 || raw.length % 16) throw new Error('ciphertext is not whole AES blocks');
	const plain = unpad(aes('decrypt', key, raw));
	const length = plain.readUInt32BE(16);
	if (20 + length > plain.length) throw new Error('message length runs past the plaintext');
	return {
		message: plain.subarray(20, 20 + length).toString('utf8'),
		receiveId: plain.subarray(20 + length).toString('utf8'),
	};
}

// msg_signature = sha1 of token, timestamp, nonce and ciphertext, sorted and concatenated [101033].
export function signature(token: string, timestamp: string, nonce: string, sealed: string) {
	return createHash('sha1').update([token, timestamp, nonce, sealed].sort().join('')).digest('hex');
}

// Files (images) an AI bot receives are AES-encrypted with the same key, no prefix [101039 demo].
export function sealFile(key: Buffer, data: Buffer): Buffer {
	return aes('encrypt', key, pad(data));
}
