import type { IDataObject } from 'n8n-workflow';
import { createCipheriv } from 'node:crypto';

import {
	decryptWeCom,
	encryptWeCom,
	parseEncodingAesKey,
	weComSignature,
} from '../../../nodes/shared/crypto/wecom';
import { readAiBotCallback, type AiBotConfig } from '../../../nodes/WeCom/aibot/read';
import { encryptedReply, streamMessage } from '../../../nodes/WeCom/aibot/reply';
import { findStream, replyToStream } from '../../../nodes/WeCom/aibot/streams';
import { WeComAiBotTrigger } from '../../../nodes/WeComAiBotTrigger/WeComAiBotTrigger.node';
import { FIXTURE_SECRETS } from '../../harness/secrets.cjs';
import { webhookHarness, type FakeRequest } from '../../harness/webhook.cjs';

/**
 * The WeCom AI Bot Trigger (docs/reference/wecom-ai-bot.md): the JSON callback read and refused like
 * WeCom's app callbacks, a stream opened at once for each message, refreshes answered from it, the
 * AI Agent's streamed chunks and AI Bot → Reply filling it, retries starting nothing.
 */

const TOKEN = FIXTURE_SECRETS.callbackToken;
const AES = FIXTURE_SECRETS.callbackAesKey;
const key = parseEncodingAesKey(AES);
const BOT = 'aibFixtureBot01';
const credentials = {
	wecomWelinkWeComAiBotApi: { token: TOKEN, encodingAesSecret: AES, botId: BOT },
};
const config: AiBotConfig = { token: TOKEN, key, botId: BOT };
const now = () => Math.floor(Date.now() / 1000);

let serial = 0;
const text = (content: string, extra: IDataObject = {}): IDataObject => ({
	msgid: `msg-${Date.now()}-${++serial}`,
	aibotid: BOT,
	chattype: 'single',
	from: { userid: 'zhangsan' },
	response_url: `https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC${serial}`,
	msgtype: 'text',
	text: { content },
	...extra,
});

function signed(
	message: IDataObject | string,
	options: { timestamp?: number; receiveId?: string; nonce?: string; token?: string } = {},
): FakeRequest {
	const timestamp = String(options.timestamp ?? now());
	const nonce = options.nonce ?? `n${++serial}`;
	const plain = typeof message === 'string' ? message : JSON.stringify(message);
	const encrypt = encryptWeCom(key, plain, options.receiveId ?? '');
	return {
		method: 'POST',
		query: {
			msg_signature: weComSignature(options.token ?? TOKEN, timestamp, nonce, encrypt),
			timestamp,
			nonce,
		},
		rawBody: JSON.stringify({ encrypt }),
	};
}

/** Decrypts the trigger's passive reply, checking its signature and nonce as WeCom would. */
function opened(body: unknown, nonce: string): IDataObject {
	const reply = JSON.parse(String(body)) as IDataObject;
	expect(typeof reply.timestamp).toBe('number');
	expect(reply.nonce).toBe(nonce);
	expect(reply.msgsignature).toBe(
		weComSignature(TOKEN, String(reply.timestamp), nonce, String(reply.encrypt)),
	);
	const { message, receiveId } = decryptWeCom(key, String(reply.encrypt));
	expect(receiveId).toBe('');
	return JSON.parse(message) as IDataObject;
}

const trigger = new WeComAiBotTrigger();
const parameters = (extra: IDataObject = {}): IDataObject => ({
	events: ['message:text', 'message:mixed', 'message:image'],
	replyMode: 'stream',
	thinkingText: '正在思考…',
	fallbackText: '抱歉，暂时无法回答。',
	options: {},
	...extra,
});

describe('reading an AI-bot callback', () => {
	const opts = { toleranceSeconds: 300 };

	it('answers the URL check with the echostr decrypted for the empty receive ID', () => {
		const timestamp = String(now());
		const echostr = encryptWeCom(key, '7788990011', '');
		const outcome = readAiBotCallback(
			{
				method: 'GET',
				query: {
					msg_signature: weComSignature(TOKEN, timestamp, 'n', echostr),
					timestamp,
					nonce: 'n',
					echostr,
				},
			},
			config,
			opts,
		);
		expect(outcome).toEqual({ kind: 'verify', echo: '7788990011' });
	});

	it('decrypts a JSON message', () => {
		const message = text('你好');
		const request = signed(message);
		const outcome = readAiBotCallback(
			{ ...request, query: request.query ?? {}, rawBody: Buffer.from(String(request.rawBody)) },
			config,
			opts,
		);
		expect(outcome).toMatchObject({ kind: 'message', message });
	});

	const attacks: Array<[string, () => FakeRequest, number]> = [
		[
			'a forged signature',
			() => {
				const r = signed(text('x'));
				return { ...r, query: { ...r.query, msg_signature: 'f'.repeat(40) } };
			},
			403,
		],
		['a signature made with another Token', () => signed(text('x'), { token: 'otherToken' }), 403],
		['a stale timestamp', () => signed(text('x'), { timestamp: now() - 3600 }), 403],
		['a timestamp an hour ahead', () => signed(text('x'), { timestamp: now() + 3600 }), 403],
		[
			'a payload encrypted for a corp app (non-empty receive ID)',
			() => signed(text('x'), { receiveId: 'wwcorp' }),
			403,
		],
		['a message for another bot', () => signed(text('x', { aibotid: 'aibOther' })), 403],
		[
			'an XML envelope',
			() => ({ ...signed(text('x')), rawBody: '<xml><Encrypt>x</Encrypt></xml>' }),
			400,
		],
		['JSON without encrypt', () => ({ ...signed(text('x')), rawBody: '{"data":"x"}' }), 400],
		['a decrypted payload that is not JSON', () => signed('<xml>not json</xml>'), 400],
		['a message without msgid', () => signed({ msgtype: 'text', text: { content: 'x' } }), 400],
		['an empty body', () => ({ ...signed(text('x')), rawBody: '' }), 400],
		[
			'a body over 256 KB',
			() => ({ ...signed(text('x')), rawBody: `{"encrypt":"${'A'.repeat(300 * 1024)}"}` }),
			400,
		],
	];

	it.each(attacks)('the trigger refuses %s and starts nothing', async (_c, make, status) => {
		const harness = webhookHarness(trigger, parameters(), credentials);
		const result = await harness.call(make());
		expect(result.status).toBe(status);
		expect(result.workflowData).toBeUndefined();
		expect(String(result.body)).not.toMatch(/encrypt/);
	});
});

describe('WeCom AI Bot Trigger: streams', () => {
	it('opens a stream at once (thinking text), starts one execution, and a retry gets the same stream but starts nothing', async () => {
		const harness = webhookHarness(trigger, parameters(), credentials);
		const message = text('明天几点开会？');
		const first = await harness.call(signed(message, { nonce: 'nonce-1' }));
		expect(first.status).toBe(200);
		const reply = opened(first.body, 'nonce-1');
		expect(reply).toMatchObject({
			msgtype: 'stream',
			stream: { finish: false, content: '正在思考…' },
		});
		const streamId = (reply.stream as IDataObject).id as string;
		expect(streamId).toMatch(/^[0-9a-f]{32}$/);
		expect(first.workflowData?.[0]).toHaveLength(1);
		expect(first.workflowData?.[0][0].json).toMatchObject({
			msgid: message.msgid,
			eventKey: 'message:text',
			userId: 'zhangsan',
			chatType: 'single',
			isGroup: false,
			sessionKey: 'zhangsan',
			text: '明天几点开会？',
			streamId,
			response_url: message.response_url,
		});

		const retry = await harness.call(signed(message, { nonce: 'nonce-2' }));
		expect(retry.status).toBe(200);
		expect(retry.workflowData).toBeUndefined();
		expect(opened(retry.body, 'nonce-2')).toMatchObject({ stream: { id: streamId } });
	});

	it('answers refreshes from the stream: thinking, then the agent’s streamed tokens, then finished when the execution ends', async () => {
		let response: Record<string, unknown> = {};
		const harness = webhookHarness(trigger, parameters(), credentials, {
			onResponse: (res) => (response = res),
		});
		const message = text('写一首诗');
		const first = await harness.call(signed(message));
		const streamId = first.workflowData?.[0][0].json.streamId as string;
		const write = response.write as (chunk: string) => boolean;
		const end = response.end as () => void;
		const refresh = async () =>
			opened(
				(
					await harness.call(
						signed({ ...message, msgtype: 'stream', stream: { id: streamId } }, { nonce: 'r' }),
					)
				).body,
				'r',
			).stream as IDataObject;

		expect(await refresh()).toMatchObject({ content: '正在思考…', finish: false });
		const meta = { nodeId: 'agent', nodeName: 'AI Agent', itemIndex: 0, runIndex: 0 };
		write(`${JSON.stringify({ type: 'begin', metadata: meta })}\n`);
		write(`${JSON.stringify({ type: 'item', content: '床前', metadata: meta })}\n`);
		write(`${JSON.stringify({ type: 'item', content: '明月光', metadata: meta })}\n`);
		expect(await refresh()).toMatchObject({ content: '床前明月光', finish: false });
		write(`${JSON.stringify({ type: 'end', metadata: meta })}\n`);
		end();
		expect(await refresh()).toMatchObject({ content: '床前明月光', finish: true });
		expect(findStream(streamId)?.polls).toBe(3);
	});

	it('AI Bot → Reply replaces the streamed text and finishes; an execution that fails shows the fallback', async () => {
		let response: Record<string, unknown> = {};
		const harness = webhookHarness(trigger, parameters(), credentials, {
			onResponse: (res) => (response = res),
		});
		const refresh = async (streamId: string) =>
			opened(
				(
					await harness.call(
						signed({ ...text(''), msgtype: 'stream', stream: { id: streamId } }, { nonce: 'r' }),
					)
				).body,
				'r',
			).stream as IDataObject;

		const replied = (await harness.call(signed(text('a')))).workflowData?.[0][0].json
			.streamId as string;
		replyToStream(findStream(replied)!, '**答案**', true);
		expect(await refresh(replied)).toMatchObject({ content: '**答案**', finish: true });

		const failed = (await harness.call(signed(text('b')))).workflowData?.[0][0].json
			.streamId as string;
		const write = response.write as (chunk: string) => boolean;
		write(`${JSON.stringify({ type: 'item', content: '半句', metadata: {} })}\n`);
		write(`${JSON.stringify({ type: 'error', content: 'model timeout', metadata: {} })}\n`);
		(response.end as () => void)();
		expect(await refresh(failed)).toMatchObject({ content: '抱歉，暂时无法回答。', finish: true });
	});

	it('ends a stream it does not know (lost after a restart) with the fallback answer', async () => {
		const harness = webhookHarness(trigger, parameters(), credentials);
		const result = await harness.call(
			signed({ ...text(''), msgtype: 'stream', stream: { id: 'unknown-stream' } }, { nonce: 'x' }),
		);
		expect(opened(result.body, 'x')).toEqual(
			streamMessage('unknown-stream', '抱歉，暂时无法回答。', true),
		);
		expect(result.workflowData).toBeUndefined();
	});

	it('group @-mentions carry the chat ID and a per-member session key; mixed messages give text and image URLs', async () => {
		const harness = webhookHarness(trigger, parameters(), credentials);
		const message = text('', {
			chattype: 'group',
			chatid: 'wrGroupChat01',
			msgtype: 'mixed',
			mixed: {
				msg_item: [
					{ msgtype: 'text', text: { content: '@RobotA 看看这张图' } },
					{ msgtype: 'image', image: { url: 'https://img.example/1' } },
				],
			},
		});
		delete message.text;
		const result = await harness.call(signed(message));
		expect(result.workflowData?.[0][0].json).toMatchObject({
			chatId: 'wrGroupChat01',
			isGroup: true,
			sessionKey: 'wrGroupChat01:zhangsan',
			text: '@RobotA 看看这张图',
			imageUrls: ['https://img.example/1'],
		});
	});

	it('downloads and decrypts images into binary fields when asked', async () => {
		const png = Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
			Buffer.alloc(40, 7),
		]);
		// WeCom's encrypted file: AES-256-CBC, IV = first 16 key bytes, PKCS#7 to 32 (reference §3).
		const pad = 32 - (png.length % 32);
		const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
		cipher.setAutoPadding(false);
		const encrypted = Buffer.concat([
			cipher.update(Buffer.concat([png, Buffer.alloc(pad, pad)])),
			cipher.final(),
		]);
		const requested: IDataObject[] = [];
		const harness = webhookHarness(
			trigger,
			parameters({ options: { downloadImages: true } }),
			credentials,
			{
				httpRequest: async (options) => {
					requested.push(options);
					if (String(options.url).endsWith('/broken')) return Buffer.from('not encrypted');
					return encrypted;
				},
			},
		);
		const message = text('', { msgtype: 'image', image: { url: 'https://img.example/a' } });
		const result = await harness.call(signed(message));
		const item = result.workflowData?.[0][0];
		expect(requested.map((r) => r.url)).toEqual(['https://img.example/a']);
		expect(item?.binary?.image0).toMatchObject({ mimeType: 'image/png', fileName: 'image0.png' });
		expect(Buffer.from(String(item?.binary?.image0.data), 'base64')).toEqual(png);

		const broken = await harness.call(
			signed(text('', { msgtype: 'image', image: { url: 'https://img.example/broken' } })),
		);
		expect(broken.workflowData?.[0][0].json.imageErrors).toEqual([
			expect.stringContaining('image 0:'),
		]);
	});
});

describe('WeCom AI Bot Trigger: other replies', () => {
	it('Response URL mode: an empty acknowledgement and an item without a stream', async () => {
		const harness = webhookHarness(trigger, parameters({ replyMode: 'responseUrl' }), credentials);
		const result = await harness.call(signed(text('hi')));
		expect(result).toMatchObject({ status: 200, body: '' });
		expect(result.workflowData?.[0][0].json.streamId).toBeUndefined();
	});

	it('welcomes a member opening the chat, starting nothing unless chosen', async () => {
		const enter = {
			msgid: `enter-${++serial}`,
			create_time: now(),
			aibotid: BOT,
			from: { corpid: 'wpcorp', userid: 'lisi' },
			msgtype: 'event',
			event: { eventtype: 'enter_chat' },
		};
		const welcomeOnly = webhookHarness(
			trigger,
			parameters({ options: { welcomeText: '你好，我是助手' } }),
			credentials,
		);
		const result = await welcomeOnly.call(signed(enter, { nonce: 'w' }));
		expect(opened(result.body, 'w')).toEqual({
			msgtype: 'text',
			text: { content: '你好，我是助手' },
		});
		expect(result.workflowData).toBeUndefined();

		const chosen = webhookHarness(
			trigger,
			parameters({ events: ['event:enter_chat'] }),
			credentials,
		);
		const started = await chosen.call(signed({ ...enter, msgid: `enter-${++serial}` }));
		expect(started.body).toBe('');
		expect(started.workflowData?.[0][0].json).toMatchObject({ eventKey: 'event:enter_chat' });
	});

	it('acknowledges messages outside the filter without a stream or an execution', async () => {
		const harness = webhookHarness(trigger, parameters({ events: ['message:text'] }), credentials);
		const result = await harness.call(
			signed(text('', { msgtype: 'voice', voice: { content: '语音转文字' } })),
		);
		expect(result).toMatchObject({ status: 200, body: '' });
		expect(result.workflowData).toBeUndefined();
	});

	it('builds replies WeCom can verify: number timestamp, the callback nonce, empty receive ID', () => {
		const body = encryptedReply(
			config,
			{ msgtype: 'stream', stream: { id: 's', finish: true, content: '好' } },
			'nonceX',
			1700000000,
		);
		const reply = JSON.parse(body) as IDataObject;
		expect(reply).toMatchObject({ timestamp: 1700000000, nonce: 'nonceX' });
		expect(opened(body, 'nonceX')).toEqual({
			msgtype: 'stream',
			stream: { id: 's', finish: true, content: '好' },
		});
	});
});
