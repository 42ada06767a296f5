import type { IDataObject } from 'n8n-workflow';

import {
	decryptWeLink,
	encryptWeLink,
	weLinkCallbackKey,
} from '../../../nodes/shared/crypto/welink';
import { readWeLinkCallback } from '../../../nodes/WeLink/callback/read';
import { WeLinkTrigger } from '../../../nodes/WeLinkTrigger/WeLinkTrigger.node';
import {
	checkWeLinkReply,
	openWeLinkCallback,
	sealWeLinkCallback,
	weLinkSenderKey,
} from '../../../sandbox/callbacks.cjs';
import { webhookHarness } from '../../harness/webhook.cjs';
import {
	NEGATIVE,
	REPLY_NODE,
	REPLY_NODE_IV,
	REPLY_PLAINTEXT,
	REPLY_SDK,
	VECTORS,
	VECTOR_KEY_HEX,
	VECTOR_SECRET,
	VECTOR_TIMESTAMP,
	sdkBody,
} from './vectors.cjs';

const key = weLinkCallbackKey(VECTOR_SECRET);
const NOW = Number(VECTOR_TIMESTAMP);
const read = (body: string) =>
	readWeLinkCallback({ rawBody: Buffer.from(body) }, key, {
		toleranceSeconds: 30 * 60,
		nowSeconds: NOW,
	});

describe('WeLink callback crypto against the vectors made by Huawei’s SDK', () => {
	it('derives the key the SDK derived (SHA1PRNG seeded with the secret = SHA1(SHA1(secret))[0:16])', () => {
		expect(key.toString('hex')).toBe(VECTOR_KEY_HEX);
	});

	it('checks the vector data itself: plaintexts of 45, 221 and 2202 UTF-8 bytes', () => {
		expect(VECTORS.map((v) => Buffer.byteLength(v.plaintext, 'utf8'))).toEqual([45, 221, 2202]);
	});

	it.each(VECTORS.flatMap((v) => [[`${v.name} (SDK-made)`, v.sdk, v.plaintext] as const]))(
		'decrypts %s to the exact plaintext',
		(_name, transmitted, plaintext) => {
			expect(decryptWeLink(key, transmitted)).toBe(plaintext);
		},
	);

	it.each(VECTORS.map((v) => [v.name, v] as const))(
		'%s: encrypts with the vector IV to the string the SDK decrypted, and decrypts it back',
		(_name, vector) => {
			expect(encryptWeLink(key, vector.plaintext, Buffer.from(vector.iv, 'hex'))).toBe(vector.node);
			expect(decryptWeLink(key, vector.node)).toBe(vector.plaintext);
		},
	);

	it('reads the exact HTTP bodies: A1 is the URL check, A2 and A3 events with their fields', () => {
		const [a1, a2, a3] = VECTORS;
		expect(read(sdkBody(a1.sdk))).toEqual({ kind: 'test', timestamp: VECTOR_TIMESTAMP });
		for (const vector of [a2, a3]) {
			const outcome = read(sdkBody(vector.sdk));
			expect(outcome).toMatchObject({
				kind: 'event',
				event: JSON.parse(vector.plaintext) as IDataObject,
				timestamp: VECTOR_TIMESTAMP,
				seconds: NOW,
			});
		}
	});

	it('opens the SDK’s success reply, also as Gson writes it (= escaped as \\u003d)', () => {
		expect(decryptWeLink(key, REPLY_SDK)).toBe(REPLY_PLAINTEXT);
		const gson = `{"encrypt":"${REPLY_SDK.replace(/=/g, '\\u003d')}"}`;
		expect(decryptWeLink(key, (JSON.parse(gson) as { encrypt: string }).encrypt)).toBe(
			REPLY_PLAINTEXT,
		);
		expect(encryptWeLink(key, REPLY_PLAINTEXT, Buffer.from(REPLY_NODE_IV, 'hex'))).toBe(REPLY_NODE);
	});

	it.each(NEGATIVE)('refuses %s as the SDK does', (_name, transmitted, why) => {
		expect(read(sdkBody(transmitted))).toMatchObject({
			kind: 'reject',
			status: why === 'tag' ? 403 : 400,
		});
	});

	it('refuses the SDK string under another secret (secret + "x"): tag mismatch, 403', () => {
		const outcome = readWeLinkCallback(
			{ rawBody: Buffer.from(sdkBody(VECTORS[0].sdk)) },
			weLinkCallbackKey(`${VECTOR_SECRET}x`),
			{ toleranceSeconds: 30 * 60, nowSeconds: NOW },
		);
		expect(outcome).toMatchObject({ kind: 'reject', status: 403 });
	});

	it('decodes base64 as strictly as the SDK: missing trailing padding is taken, newlines and the URL-safe alphabet are not', () => {
		const a1 = VECTORS[0].sdk;
		expect(a1.endsWith('==')).toBe(true);
		expect(decryptWeLink(key, a1.slice(0, -2))).toBe(VECTORS[0].plaintext);
		const withNewline = `${a1.slice(0, 60)}\n${a1.slice(60)}`;
		expect(read(JSON.stringify({ encrypt: withNewline }))).toMatchObject({ status: 400 });
		const urlSafe = a1.replace(/\+/g, '-').replace(/\//g, '_');
		expect(urlSafe).not.toBe(a1);
		expect(read(JSON.stringify({ encrypt: urlSafe }))).toMatchObject({ status: 400 });
	});
});

describe('the sandbox’s own WeLink sender (written from the scheme, not from the pack) against the vectors', () => {
	it('derives the same key, seals with the vector IVs to the strings the SDK decrypted, and opens the SDK’s reply', () => {
		expect(weLinkSenderKey(VECTOR_SECRET).toString('hex')).toBe(VECTOR_KEY_HEX);
		for (const vector of VECTORS) {
			expect(
				sealWeLinkCallback(VECTOR_SECRET, vector.plaintext, Buffer.from(vector.iv, 'hex')),
			).toBe(vector.node);
			expect(openWeLinkCallback(VECTOR_SECRET, vector.sdk)).toBe(vector.plaintext);
		}
		expect(openWeLinkCallback(VECTOR_SECRET, REPLY_SDK)).toBe(REPLY_PLAINTEXT);
	});

	it('accepts the SDK’s reply as WeLink would, and refuses replies WeLink refuses', () => {
		const at = (body: string, now = NOW, status = 200) =>
			checkWeLinkReply(VECTOR_SECRET, status, body, now);
		expect(at(JSON.stringify({ encrypt: REPLY_SDK }))).toEqual({
			reply: { msg: 'success', timestamp: VECTOR_TIMESTAMP },
		});
		expect(at(JSON.stringify({ encrypt: REPLY_SDK }), NOW + 1801).problem).toBe(
			'timestamp is more than 30 minutes off',
		);
		expect(at(JSON.stringify({ encrypt: REPLY_SDK, extra: 1 })).problem).toBe(
			'the body is not {"encrypt": …} alone',
		);
		expect(at(REPLY_PLAINTEXT).problem).toBe('the body is not {"encrypt": …} alone');
		expect(at(JSON.stringify({ encrypt: REPLY_SDK }), NOW, 202).problem).toBe('HTTP 202');
		const unsigned = sealWeLinkCallback(VECTOR_SECRET, '{"msg":"ok","timestamp":"1718000000"}');
		expect(at(JSON.stringify({ encrypt: unsigned })).problem).toBe('msg is not "success"');
		const numeric = sealWeLinkCallback(VECTOR_SECRET, '{"msg":"success","timestamp":1718000000}');
		expect(at(JSON.stringify({ encrypt: numeric })).problem).toBe(
			'timestamp is not decimal seconds as a string',
		);
	});
});

describe('WeLink Trigger on the SDK-made requests', () => {
	// The vectors are from 2024: the timestamp window is switched off to read them today.
	const trigger = () =>
		webhookHarness(
			new WeLinkTrigger(),
			{ events: ['*'], options: { toleranceSeconds: 0 } },
			{ wecomWelinkWeLinkApi: { clientId: 'vector-app', clientSecret: VECTOR_SECRET } },
		);
	const post = (body: string) => ({
		method: 'POST' as const,
		rawBody: body,
		headers: { 'content-type': 'application/json' },
	});

	it('answers every vector with the documented reply, starts A2 and A3, and takes a re-encrypted copy as a retry', async () => {
		const harness = trigger();
		const replies: Array<Record<string, unknown> | undefined> = [];
		const items: IDataObject[] = [];
		for (const vector of VECTORS) {
			for (const transmitted of [vector.sdk, vector.node]) {
				const result = await harness.call(post(sdkBody(transmitted)));
				const checked = checkWeLinkReply(
					VECTOR_SECRET,
					result.status ?? 0,
					String(result.body),
					NOW,
				);
				expect(checked.problem).toBeUndefined();
				expect(result.contentType).toBe('application/json');
				replies.push(checked.reply);
				for (const item of result.workflowData?.[0] ?? []) items.push(item.json);
			}
		}
		expect(replies).toEqual(Array(6).fill({ msg: 'success', timestamp: VECTOR_TIMESTAMP }));
		expect(items).toEqual(
			VECTORS.slice(1).map((v) => ({
				...(JSON.parse(v.plaintext) as IDataObject),
				createdAt: expect.stringMatching(/^2024-06-10T/),
			})),
		);
	});

	it('refuses the SDK’s negative cases without starting anything', async () => {
		const harness = trigger();
		for (const [, transmitted, why] of NEGATIVE) {
			const result = await harness.call(post(sdkBody(transmitted)));
			expect([result.status, result.workflowData]).toEqual([why === 'tag' ? 403 : 400, undefined]);
		}
	});
});
