import type { IDataObject, INodeType } from 'n8n-workflow';

import {
	encryptWeCom,
	parseEncodingAesKey,
	weComSignature,
} from '../../../nodes/shared/crypto/wecom';
import { MAX_CALLBACK_BODY } from '../../../nodes/WeCom/callback/read';
import { WeComExternalContactTrigger } from '../../../nodes/WeComExternalContactTrigger/WeComExternalContactTrigger.node';
import { WeComTrigger } from '../../../nodes/WeComTrigger/WeComTrigger.node';
import { FIXTURE_SECRETS } from '../../harness/secrets.cjs';
import { webhookHarness, type FakeRequest } from '../../harness/webhook.cjs';

/**
 * Callback attack matrix for both WeCom triggers: every hostile request is answered 4xx and starts
 * no execution; a duplicate starts none either. The webhook harness also scans every answer, item
 * and log line for the callback Token and EncodingAESKey (harness/secrets.cts).
 */

const CORP = 'wwfixturecorp0001';
const TOKEN = FIXTURE_SECRETS.callbackToken;
const AES = FIXTURE_SECRETS.callbackAesKey;
const key = parseEncodingAesKey(AES);
const credentials = {
	wecomWelinkWeComCallbackApi: { token: TOKEN, encodingAesSecret: AES, receiveId: CORP },
};
const now = () => Math.floor(Date.now() / 1000);

let serial = 0;
/** A unique inner message per call (the triggers remember what they saw, process-wide). */
const inner = {
	app: () =>
		`<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>${now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>${Date.now()}${++serial}</MsgId><AgentID>1000002</AgentID></xml>`,
	external: () =>
		`<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>${now() + ++serial}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmEXT${serial}]]></ExternalUserID></xml>`,
};

function signed(
	message: string,
	options: { timestamp?: number; receiveId?: string; nonce?: string } = {},
): FakeRequest {
	const timestamp = String(options.timestamp ?? now());
	const nonce = options.nonce ?? `n${++serial}`;
	const encrypted = encryptWeCom(key, message, options.receiveId ?? CORP);
	return {
		method: 'POST',
		query: { msg_signature: weComSignature(TOKEN, timestamp, nonce, encrypted), timestamp, nonce },
		rawBody: `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`,
	};
}

const triggers: Array<[string, INodeType, IDataObject, () => string]> = [
	['WeCom Trigger', new WeComTrigger(), { events: ['*'] }, inner.app],
	[
		'WeCom External Contact Trigger',
		new WeComExternalContactTrigger(),
		{ events: ['external:add_external_contact'], includeDetails: false, sendWelcome: false },
		inner.external,
	],
];

const attacks: Array<[string, (message: string) => FakeRequest, number]> = [
	[
		'a forged signature',
		(m) => {
			const r = signed(m);
			return { ...r, query: { ...r.query, msg_signature: 'f'.repeat(40) } };
		},
		403,
	],
	[
		'no signature',
		(m) => {
			const r = signed(m);
			const query = { ...r.query };
			delete query.msg_signature;
			return { ...r, query };
		},
		403,
	],
	['a signature made with another Token', (m) => signWith('otherToken', m), 403],
	['a stale timestamp (an hour old)', (m) => signed(m, { timestamp: now() - 3600 }), 403],
	['a timestamp an hour ahead', (m) => signed(m, { timestamp: now() + 3600 }), 403],
	[
		'a payload encrypted for another corp (receive ID)',
		(m) => signed(m, { receiveId: 'wwother' }),
		403,
	],
	['an envelope that is not XML', (m) => ({ ...signed(m), rawBody: 'not <xml' }), 400],
	['JSON instead of XML', (m) => ({ ...signed(m), rawBody: '{"Encrypt":"x"}' }), 400],
	[
		'XML without Encrypt',
		(m) => ({ ...signed(m), rawBody: '<xml><ToUserName>x</ToUserName></xml>' }),
		400,
	],
	['a decrypted payload that is not XML', () => signed('definitely not xml'), 400],
	['an empty body', (m) => ({ ...signed(m), rawBody: '' }), 400],
	[
		'an oversize body',
		(m) => ({ ...signed(m), rawBody: Buffer.alloc(MAX_CALLBACK_BODY + 1, 0x3c) }),
		400,
	],
	[
		'a signed body padded past the size limit',
		(m) => {
			const r = signed(m);
			return { ...r, rawBody: `${String(r.rawBody)}${' '.repeat(MAX_CALLBACK_BODY)}` };
		},
		400,
	],
];

function signWith(token: string, message: string): FakeRequest {
	const timestamp = String(now());
	const encrypted = encryptWeCom(key, message, CORP);
	return {
		method: 'POST',
		query: {
			msg_signature: weComSignature(token, timestamp, 'n', encrypted),
			timestamp,
			nonce: 'n',
		},
		rawBody: `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
	};
}

describe.each(triggers)('%s: callback attacks', (_name, node, parameters, message) => {
	it.each(attacks)('refuses %s and starts nothing', async (_attack, make, status) => {
		const harness = webhookHarness(node, parameters, credentials);
		const result = await harness.call(make(message()));
		expect(result.status).toBe(status);
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData).toBeUndefined();
		expect(String(result.body ?? '')).not.toMatch(/Encrypt|<xml/);
	});

	it('accepts the genuine request (control case): one execution', async () => {
		const harness = webhookHarness(node, parameters, credentials);
		const result = await harness.call(signed(message()));
		expect(result.status).toBe(200);
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	it('a replayed request (same signature, nonce and body) within the window: acked, no second execution', async () => {
		const harness = webhookHarness(node, parameters, credentials);
		const request = signed(message());
		const first = await harness.call(request);
		const replay = await harness.call(request);
		expect(first.workflowData?.[0]).toHaveLength(1);
		expect(replay.status).toBe(200);
		expect(replay.workflowData).toBeUndefined();
	});

	it('WeCom’s retries of one event (new nonce and timestamp each time) start one execution', async () => {
		const harness = webhookHarness(node, parameters, credentials);
		const event = message();
		const results = [];
		for (let i = 0; i < 3; i++) results.push(await harness.call(signed(event)));
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(results.filter((r) => r.workflowData).length).toBe(1);
	});
});
