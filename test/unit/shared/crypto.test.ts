import {
	decryptWeCom,
	encryptWeCom,
	parseEncodingAesKey,
	verifyWeComSignature,
	weComEncryptedReply,
	weComSignature,
} from '../../../nodes/shared/crypto/wecom';
import {
	decryptWeLink,
	encryptWeLink,
	weLinkCallbackKey,
} from '../../../nodes/shared/crypto/welink';
import { CallbackCryptoError } from '../../../nodes/shared/crypto/errors';

// Official WeCom sample vectors (reference §7, vector set A).
const TOKEN = 'QDG6eK';
const VECTOR_A_ENCODING = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORP = 'wx5823bf96d3bd56c7';
const ECHO =
	'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
const ENCRYPT =
	'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const DECRYPTED =
	'<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>';

const rejection = (fn: () => unknown) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(CallbackCryptoError);
		return (error as CallbackCryptoError).reason;
	}
	throw new Error('expected a CallbackCryptoError');
};

describe('WeCom callback crypto (official vectors)', () => {
	const key = parseEncodingAesKey(VECTOR_A_ENCODING);

	it('signs the URL check (A1) and the message (A2)', () => {
		expect(weComSignature(TOKEN, '1409659589', '263014780', ECHO)).toBe(
			'5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
		);
		expect(weComSignature(TOKEN, '1409659813', '1372623149', ENCRYPT)).toBe(
			'477715d11cdb4164915debcba66cb864d751f3e6',
		);
	});

	it('decrypts the echostr (A1)', () => {
		expect(decryptWeCom(key, ECHO)).toEqual({ message: '1616140317555161061', receiveId: CORP });
	});

	it('decrypts the message, whose padding is 30 bytes (A2: 32-byte blocks)', () => {
		expect(decryptWeCom(key, ENCRYPT)).toEqual({ message: DECRYPTED, receiveId: CORP });
	});

	it('round-trips, padding to multiples of 32 bytes', () => {
		const random = Buffer.from('0123456789abcdef');
		for (const message of ['', 'x', '中文消息 ]]> with CDATA end', 'a'.repeat(4000)]) {
			const encrypted = encryptWeCom(key, message, CORP, random);
			expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
			expect(decryptWeCom(key, encrypted)).toEqual({ message, receiveId: CORP });
		}
	});

	it('reproduces the official ciphertext given the same random prefix', () => {
		const random = Buffer.from('c41b64491c2468d0');
		expect(encryptWeCom(key, '1616140317555161061', CORP, random)).toBe(ECHO);
	});

	it('compares signatures in constant time and refuses forged or missing ones', () => {
		expect(() =>
			verifyWeComSignature(
				TOKEN,
				'1409659813',
				'1372623149',
				ENCRYPT,
				'477715D11CDB4164915DEBCBA66CB864D751F3E6',
			),
		).not.toThrow();
		expect(
			rejection(() =>
				verifyWeComSignature(TOKEN, '1409659813', '1372623149', ENCRYPT, '0'.repeat(40)),
			),
		).toBe('bad-signature');
		expect(
			rejection(() => verifyWeComSignature(TOKEN, '1409659813', '1372623149', ENCRYPT, undefined)),
		).toBe('bad-signature');
		expect(
			rejection(() =>
				verifyWeComSignature(
					TOKEN,
					'1409659814',
					'1372623149',
					ENCRYPT,
					'477715d11cdb4164915debcba66cb864d751f3e6',
				),
			),
		).toBe('bad-signature');
	});

	it('refuses hostile ciphertexts as malformed', () => {
		expect(rejection(() => decryptWeCom(key, '@@@'))).toBe('malformed');
		expect(rejection(() => decryptWeCom(key, ''))).toBe('malformed');
		expect(rejection(() => decryptWeCom(key, ENCRYPT.slice(0, 24)))).toBe('malformed'); // not a block multiple
		expect(rejection(() => decryptWeCom(key, Buffer.alloc(32, 7).toString('base64')))).toBe(
			'malformed',
		); // bad padding
		const truncated = Buffer.from(ENCRYPT, 'base64').subarray(0, 64).toString('base64');
		expect(rejection(() => decryptWeCom(key, truncated))).toBe('malformed');
		const otherKey = parseEncodingAesKey('a'.repeat(43));
		expect(rejection(() => decryptWeCom(otherKey, ENCRYPT))).toBe('malformed');
	});

	it('refuses a length prefix pointing past the payload', () => {
		// random(16) + length 0xFFFFFFFF + "x" + corp id, validly padded and encrypted
		const forged = Buffer.concat([
			Buffer.alloc(16),
			Buffer.from([0xff, 0xff, 0xff, 0xff]),
			Buffer.from(`x${CORP}`),
		]);
		const pad = 32 - (forged.length % 32);
		const { createCipheriv } = jest.requireActual('crypto') as typeof import('crypto');
		const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
		cipher.setAutoPadding(false);
		const encrypted = Buffer.concat([
			cipher.update(Buffer.concat([forged, Buffer.alloc(pad, pad)])),
			cipher.final(),
		]);
		expect(rejection(() => decryptWeCom(key, encrypted.toString('base64')))).toBe('malformed');
	});

	it('validates the EncodingAESKey format', () => {
		expect(rejection(() => parseEncodingAesKey('short'))).toBe('bad-key');
		expect(rejection(() => parseEncodingAesKey(`${VECTOR_A_ENCODING.slice(0, 42)}+`))).toBe(
			'bad-key',
		);
		expect(parseEncodingAesKey(VECTOR_A_ENCODING)).toHaveLength(32);
	});

	it('builds a passive reply WeCom can verify and decrypt', () => {
		const xml = weComEncryptedReply(
			key,
			TOKEN,
			CORP,
			'<xml><MsgType><![CDATA[text]]></MsgType></xml>',
			'1700000000',
			'abc',
		);
		const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(xml)?.[1] as string;
		const signature = /<MsgSignature><!\[CDATA\[(.*?)\]\]>/.exec(xml)?.[1];
		expect(signature).toBe(weComSignature(TOKEN, '1700000000', 'abc', encrypted));
		expect(decryptWeCom(key, encrypted).message).toContain('<MsgType>');
		expect(xml).toContain('<TimeStamp>1700000000</TimeStamp>');
	});
});

describe('WeLink callback crypto', () => {
	const key = weLinkCallbackKey('welink-secret');

	it('derives the key as the first 16 bytes of SHA1(SHA1(secret))', () => {
		// Computed independently: python3 -c "import hashlib; print(hashlib.sha1(hashlib.sha1(b'welink-secret').digest()).hexdigest()[:32])"
		expect(key.toString('hex')).toBe('d842bc9d229464cb1b0932fbe7262340');
	});

	it('round-trips with a 24-character base64 IV prefix', () => {
		const iv = Buffer.alloc(16, 1);
		const encrypted = encryptWeLink(key, '{"eventType":"test","timestamp":"1562752619"}', iv);
		expect(encrypted.slice(0, 24)).toBe(iv.toString('base64'));
		expect(decryptWeLink(key, encrypted)).toBe('{"eventType":"test","timestamp":"1562752619"}');
	});

	it('refuses a forged tag, another secret, and junk', () => {
		const encrypted = encryptWeLink(key, '{"eventType":"test"}');
		const flipped =
			encrypted.slice(0, -6) + (encrypted.slice(-6, -5) === 'A' ? 'B' : 'A') + encrypted.slice(-5);
		expect(rejection(() => decryptWeLink(key, flipped))).toBe('bad-signature');
		expect(rejection(() => decryptWeLink(weLinkCallbackKey('other'), encrypted))).toBe(
			'bad-signature',
		);
		expect(rejection(() => decryptWeLink(key, 'short'))).toBe('malformed');
		expect(rejection(() => decryptWeLink(key, `${'A'.repeat(24)}!!!`))).toBe('malformed');
	});
});
