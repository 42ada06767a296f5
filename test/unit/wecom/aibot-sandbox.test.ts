import {
	decryptWeCom,
	encryptWeCom,
	parseEncodingAesKey,
	weComSignature,
} from '../../../nodes/shared/crypto/wecom';
import { encryptedReply, streamMessage } from '../../../nodes/WeCom/aibot/reply';
import { startSandbox, type Sandbox } from '../../../sandbox/server.cjs';
import {
	aiBotOf,
	checkStream,
	openPassiveReply,
	SANDBOX_AIBOT,
} from '../../../sandbox/wecom/aibot.cjs';
import {
	aesKeyOf,
	openMessage,
	sealMessage,
	signature,
} from '../../../sandbox/wecom/aibotCrypto.cjs';
import { llmOf, SANDBOX_LLM_KEY } from '../../../sandbox/llm.cjs';
import { AiBotMember } from '../../../sandbox/wecom/aibotSender.cjs';

/**
 * The sandbox's AI-bot side: its own crypto (written apart from the pack's) proven on WeCom's official
 * vector and interoperating with the pack, its strict reading of passive replies, the response_url
 * rules, and the deterministic chat-model stand-in the AI-assistant tests use.
 */

// Official WeCom vector set A (../shared/reference/wecom-api.md §7).
const VECTOR_A_ENCODING = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const ECHO =
	'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';

describe('sandbox AI-bot crypto (independent of the pack)', () => {
	it('opens WeCom’s official vector and computes its signature', () => {
		expect(openMessage(aesKeyOf(VECTOR_A_ENCODING), ECHO)).toEqual({
			message: '1616140317555161061',
			receiveId: 'wx5823bf96d3bd56c7',
		});
		expect(signature('QDG6eK', '1409659589', '263014780', ECHO)).toBe(
			'5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
		);
	});

	it('interoperates with the pack both ways, for the empty receive ID', () => {
		const key = aesKeyOf(SANDBOX_AIBOT.encodingAesKey);
		expect(
			decryptWeCom(
				parseEncodingAesKey(SANDBOX_AIBOT.encodingAesKey),
				sealMessage(key, '{"a":"中文"}', ''),
			),
		).toEqual({
			message: '{"a":"中文"}',
			receiveId: '',
		});
		expect(openMessage(key, encryptWeCom(key, '你好', ''))).toEqual({
			message: '你好',
			receiveId: '',
		});
	});
});

describe('sandbox: reading the bot’s passive replies strictly', () => {
	const key = parseEncodingAesKey(SANDBOX_AIBOT.encodingAesKey);
	const config = { token: SANDBOX_AIBOT.token, key, botId: '' };
	const expectFor = (nonce: string) => ({ ...SANDBOX_AIBOT, nonce });

	it('accepts the pack’s stream reply and an empty acknowledgement', () => {
		const body = encryptedReply(config, streamMessage('s1', '好', false), 'n1');
		expect(openPassiveReply(body, expectFor('n1'))).toEqual({
			plain: { msgtype: 'stream', stream: { id: 's1', finish: false, content: '好' } },
			problems: [],
		});
		expect(openPassiveReply('', expectFor('n1'))).toEqual({ problems: [] });
	});

	it('flags another nonce, a bad signature and a corp receive ID', () => {
		const other = encryptedReply(config, streamMessage('s', 'x', true), 'n2');
		expect(openPassiveReply(other, expectFor('n1')).problems).toContain(
			'nonce must be the callback URL’s nonce',
		);
		const forged = JSON.stringify({ ...JSON.parse(other), msgsignature: '0'.repeat(40) });
		expect(openPassiveReply(forged, expectFor('n2')).problems).toContain(
			'msgsignature does not match',
		);
		const encrypt = encryptWeCom(key, '{}', 'wwcorp');
		const corp = JSON.stringify({
			encrypt,
			msgsignature: weComSignature(SANDBOX_AIBOT.token, '1700000000', 'n3', encrypt),
			timestamp: 1700000000,
			nonce: 'n3',
		});
		expect(openPassiveReply(corp, expectFor('n3')).problems).toEqual([
			'a corp’s own AI bot encrypts for the empty receive ID',
		]);
	});

	it('checks streams against the documented rules', () => {
		expect(checkStream({ finish: false, content: 'x' }, true).problems).toEqual([
			'stream.id is required in the first reply',
		]);
		expect(checkStream({ id: 's', content: 'a'.repeat(20481) }, false).problems).toEqual([
			'stream.content is 20481 bytes, over 20480',
		]);
		expect(
			checkStream(
				{
					id: 's',
					finish: false,
					msg_item: [{ msgtype: 'image', image: { base64: 'AA==', md5: 'x' } }],
				},
				false,
			).problems,
		).toEqual([
			'stream.msg_item is allowed only with finish: true',
			'stream.msg_item image md5 does not match its base64',
		]);
		expect(checkStream({ id: 's', text: 'x' }, false).problems).toEqual([
			'stream.text is not a documented field',
		]);
	});
});

describe('sandbox routes: response_url and the chat-model stand-in', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());

	const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
		const response = await fetch(`${sandbox.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		return { status: response.status, text: await response.text() };
	};

	it('a response_url works once, for an hour, for markdown of at most 20,480 bytes', async () => {
		const member = new AiBotMember(sandbox.state, sandbox.url, {
			url: 'http://127.0.0.1:9/unused',
			...SANDBOX_AIBOT,
		});
		const payload = member.messagePayload({ userid: 'zhangsan', text: '你好' }, 'msg-1');
		const path = String(payload.response_url).slice(sandbox.url.length);
		const markdown = (content: string) => ({ msgtype: 'markdown', markdown: { content } });
		expect(JSON.parse((await post(path, markdown('a'.repeat(20481)))).text)).toMatchObject({
			errcode: 40058,
		});
		expect(JSON.parse((await post(path, markdown('答案'))).text)).toEqual({
			errcode: 0,
			errmsg: 'ok',
		});
		expect(JSON.parse((await post(path, markdown('again'))).text)).toMatchObject({
			errcode: 40014,
		});
		expect(aiBotOf(sandbox.state).repliesTo('msg-1')).toHaveLength(1);

		const later = member.messagePayload({ userid: 'lisi', text: '?', chattype: 'group' }, 'msg-2');
		const laterPath = String(later.response_url).slice(sandbox.url.length);
		expect(
			JSON.parse((await post(laterPath, { msgtype: 'template_card', template_card: {} })).text),
		).toMatchObject({
			errcode: 40058,
		});
		sandbox.state.clockOffsetMs += 3601_000;
		expect(JSON.parse((await post(laterPath, markdown('late'))).text)).toMatchObject({
			errmsg: 'response_code expired',
		});
	});

	it('the stand-in answers deterministically, plain and streamed, after the delay it is given', async () => {
		llmOf(sandbox.state).delayMs = 300;
		const auth = { authorization: `Bearer ${SANDBOX_LLM_KEY}` };
		const messages = [
			{ role: 'system', content: '你是助手' },
			{ role: 'user', content: '第一问' },
			{ role: 'assistant', content: '答' },
			{ role: 'user', content: [{ type: 'text', text: '第二问' }] },
		];
		const started = Date.now();
		const plain = JSON.parse(
			(await post('/openai/v1/chat/completions', { model: 'm', messages }, auth)).text,
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(plain.choices[0].message.content).toBe(
			'**沙箱模型**：收到「第二问」。这是我们的第 2 轮对话。',
		);
		const streamed = await post(
			'/openai/v1/chat/completions',
			{ model: 'm', messages, stream: true },
			auth,
		);
		const text = streamed.text
			.split('\n\n')
			.filter((line) => line.startsWith('data: {'))
			.map((line) => JSON.parse(line.slice(6)).choices[0]?.delta?.content ?? '')
			.join('');
		expect(text).toBe(plain.choices[0].message.content);
		expect(streamed.text.trim().endsWith('data: [DONE]')).toBe(true);
		expect((await post('/openai/v1/chat/completions', { messages }, {})).status).toBe(401);
	});
});
