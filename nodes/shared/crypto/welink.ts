import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';

import { CallbackCryptoError, strictBase64 } from './errors';

/**
 * WeLink callback crypto (reference §6.2): AES-128-GCM, 16-byte IV, 16-byte tag, no AAD;
 * key = first 16 bytes of SHA1(SHA1(app secret)); wire format = base64(IV) (24 chars) ‖ base64(ciphertext ‖ tag).
 * The GCM tag authenticates the body, so a forged request fails decryption.
 */

export function weLinkCallbackKey(secret: string): Buffer {
	if (!secret) throw new CallbackCryptoError('bad-key', 'the WeLink client secret is empty');
	const once = createHash('sha1').update(secret, 'utf8').digest();
	return createHash('sha1').update(once).digest().subarray(0, 16);
}

export function encryptWeLink(
	key: Buffer,
	plaintext: string,
	iv: Buffer = randomBytes(16),
): string {
	const cipher = createCipheriv('aes-128-gcm', key, iv);
	const body = Buffer.concat([
		cipher.update(plaintext, 'utf8'),
		cipher.final(),
		cipher.getAuthTag(),
	]);
	return iv.toString('base64') + body.toString('base64');
}

export function decryptWeLink(key: Buffer, encrypted: string): string {
	if (typeof encrypted !== 'string' || encrypted.length <= 24) {
		throw new CallbackCryptoError('malformed', 'encrypt is missing or too short');
	}
	const iv = strictBase64(encrypted.slice(0, 24), 'IV');
	// Huawei's SDK decodes strictly (no newlines, no URL-safe alphabet) but takes missing trailing
	// padding (reference vectors), and so does the trigger.
	const rest = encrypted.slice(24);
	const body = strictBase64(
		rest.length % 4 ? rest.padEnd(rest.length + 4 - (rest.length % 4), '=') : rest,
		'ciphertext',
	);
	if (iv.length !== 16 || body.length < 16)
		throw new CallbackCryptoError('malformed', 'IV or tag has the wrong length');
	const decipher = createDecipheriv('aes-128-gcm', key, iv);
	decipher.setAuthTag(body.subarray(body.length - 16));
	let plaintext: string | undefined;
	try {
		plaintext = Buffer.concat([
			decipher.update(body.subarray(0, body.length - 16)),
			decipher.final(),
		]).toString('utf8');
	} catch {
		// GCM authentication failed: reported below as a forged request.
	}
	if (plaintext === undefined) {
		throw new CallbackCryptoError(
			'bad-signature',
			'authentication tag does not match (forged body or wrong secret)',
		);
	}
	return plaintext;
}

/**
 * The answer WeLink requires to every callback, the URL check included (reference §6.2):
 * `{"encrypt": E}` where E encrypts `{"msg":"success","timestamp":"<seconds>"}`. WeLink refuses a
 * reply whose timestamp is more than 30 minutes off, so the request's own timestamp is echoed.
 */
export function weLinkCallbackReply(key: Buffer, timestamp: string): string {
	return JSON.stringify({
		encrypt: encryptWeLink(key, JSON.stringify({ msg: 'success', timestamp })),
	});
}
