import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import nock from 'nock';

import { splitText } from '../../../nodes/WeCom/actions/message/split';
import { findStream, openStream, visibleContent } from '../../../nodes/WeCom/aibot/streams';
import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { utf8Bytes } from '../../../nodes/shared/validation';
import { runNode, runWorkflow } from '../../harness/run.cjs';

/**
 * The pieces an AI assistant in WeCom is built from: AI Bot → Reply (into the stream, else once
 * through response_url), long answers split for app messages, and the "thinking…" notice that only
 * a slow answer sends.
 */

const BASE = 'https://wecom.test';
const credentials = {
	wecomWelinkWeComApi: {
		corpId: 'ww-unit',
		secret: 'dummy-secret',
		agentId: '1000002',
		baseUrl: BASE,
		accessToken: 'TOKEN',
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
};
const RESPONSE_URL = 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC-unit';

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const reply = (parameters: IDataObject, continueOnFail = false) =>
	runNode(
		{
			type: 'weCom',
			parameters: { resource: 'aiBot', operation: 'reply', finish: true, ...parameters },
			continueOnFail,
		},
		{ items: [{}] },
	);

describe('AI Bot → Reply', () => {
	it('answers into the open stream: the member sees it replace the thinking text, and no HTTP call is made', async () => {
		const { stream } = openStream('unit-stream-1', { thinking: '思考中', fallback: '抱歉' });
		const run = await reply({ streamId: stream.id, responseUrl: RESPONSE_URL, content: '**42**' });
		expect(run.output('Node')).toEqual([
			{ streamId: 'unit-stream-1', finish: true, delivered: true, via: 'stream' },
		]);
		expect(visibleContent(stream)).toBe('**42**');
		expect(stream.finished).toBe(true);
		// A stream gets one final answer: a second Reply is reported, not shown.
		const again = await reply({ streamId: stream.id, content: 'again' });
		expect(again.output('Node')[0]).toMatchObject({ delivered: false });
		expect(visibleContent(stream)).toBe('**42**');
	});

	it('a progress note (Final Answer off) keeps the stream open', async () => {
		openStream('unit-stream-2', { thinking: '', fallback: '' });
		await reply({ streamId: 'unit-stream-2', content: '正在查询…', finish: false });
		expect(findStream('unit-stream-2')).toMatchObject({ replied: '正在查询…', finished: false });
	});

	it('without the stream in this process, answers once through response_url as markdown', async () => {
		let body: IDataObject | undefined;
		const scope = nock('https://qyapi.weixin.qq.com')
			.post('/cgi-bin/aibot/response', (b) => ((body = b), true))
			.query({ response_code: 'RC-unit' })
			.reply(200, { errcode: 0, errmsg: 'ok' });
		const run = await reply({ streamId: 'not-here', responseUrl: RESPONSE_URL, content: '答案' });
		expect(scope.isDone()).toBe(true);
		expect(body).toEqual({ msgtype: 'markdown', markdown: { content: '答案' } });
		expect(run.output('Node')[0]).toMatchObject({ delivered: true, via: 'responseUrl' });
	});

	it('explains a used or expired response_url without showing its code', async () => {
		nock('https://qyapi.weixin.qq.com')
			.post('/cgi-bin/aibot/response')
			.query(true)
			.reply(200, { errcode: 40014, errmsg: 'invalid response_code RC-unit' });
		const run = await reply({ responseUrl: RESPONSE_URL, content: '答案' }, true);
		const out = run.output('Node')[0];
		expect(out).toMatchObject({ errcode: 40014 });
		expect(JSON.stringify(out)).not.toContain('RC-unit');
	});

	it.each([
		['no stream and no URL', { content: 'x' }, 'Stream ID: and Response URL are both empty'],
		['a blank answer', { streamId: 's', content: '  ' }, 'Answer: is required'],
		[
			'an answer over 20,480 bytes',
			{ streamId: 's', content: '字'.repeat(6827) },
			'Answer: is 20481 bytes, over the limit of 20480',
		],
		[
			'a URL that is not a response_url',
			{ responseUrl: 'https://evil.example/collect', content: 'x' },
			'Response URL: is not the response_url of a WeCom AI-bot message',
		],
	])('refuses %s before any call', async (_case, parameters, message) => {
		const run = await reply(parameters, true);
		expect(String(run.output('Node')[0].error)).toContain(message);
	});

	it('without stream or response_url in reach, a final answer is an error that says why', async () => {
		const run = await reply({ streamId: 'gone', content: 'x' }, true);
		expect(run.output('Node')[0].error).toBe(
			'WeCom AI bot: the answer stream is not open in this n8n process',
		);
	});
});

describe('splitting long answers for app messages', () => {
	const paragraph = (n: number) => `第${n}段：${'这是一个很长的回答。'.repeat(20)}`;

	it('breaks between paragraphs, keeps every part within 2,048 bytes and loses no text', () => {
		const text = Array.from({ length: 8 }, (_, n) => paragraph(n)).join('\n\n');
		const parts = splitText(text, 2048);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(utf8Bytes(part)).toBeLessThanOrEqual(2048);
		expect(parts.join('\n\n')).toBe(text);
		expect(parts.every((p) => p.startsWith('第'))).toBe(true);
	});

	it('closes and reopens a code block cut in two', () => {
		const code = Array.from({ length: 200 }, (_, n) => `console.log(${n});`).join('\n');
		const parts = splitText(`示例：\n\`\`\`js\n${code}\n\`\`\`\n完`, 2048);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect((part.match(/```/g) ?? []).length % 2).toBe(0);
			expect(utf8Bytes(part)).toBeLessThanOrEqual(2048);
		}
	});

	it('cuts a text without breaks at the byte limit, never inside a character', () => {
		const parts = splitText('字'.repeat(2000), 2048);
		expect(parts.map((p) => p.length)).toEqual([680, 680, 640]);
	});

	it('Message → Send with Split Long Text sends the parts in order, one message each', async () => {
		const bodies: IDataObject[] = [];
		nock(BASE)
			.post('/cgi-bin/message/send', (b) => (bodies.push(b), true))
			.query({ access_token: 'TOKEN' })
			.times(3)
			.reply(200, () => ({ errcode: 0, msgid: `m${bodies.length}` }));
		const content = Array.from({ length: 8 }, (_, n) => paragraph(n)).join('\n\n');
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'message',
					operation: 'send',
					recipients: { members: 'zhangsan' },
					messageType: 'markdown',
					content,
					options: { splitLongText: true },
				},
			},
			{ credentials, items: [{}] },
		);
		const sent = bodies.map((b) => (b.markdown as IDataObject).content as string);
		expect(sent).toEqual(splitText(content, 2048));
		expect(run.output('Node')[0]).toMatchObject({ msgIds: ['m1', 'm2', 'm3'], parts: 3, calls: 3 });
	});

	it('without the option a long text is refused before any call; a runaway text is refused with it', async () => {
		const params = {
			resource: 'message',
			operation: 'send',
			recipients: { members: 'zhangsan' },
			messageType: 'text',
		};
		const off = await runNode(
			{ type: 'weCom', parameters: { ...params, content: 'a'.repeat(3000) }, continueOnFail: true },
			{ credentials, items: [{}] },
		);
		expect(off.output('Node')[0].error).toContain('Content: is 3000 bytes');
		const runaway = await runNode(
			{
				type: 'weCom',
				parameters: { ...params, content: 'a '.repeat(12_000), options: { splitLongText: true } },
				continueOnFail: true,
			},
			{ credentials, items: [{}] },
		);
		expect(runaway.output('Node')[0].error).toContain('would be 12 messages; at most 10');
	});
});

describe('Message → Send Notice If Slow', () => {
	const notice = {
		id: 'notice',
		name: 'Notice',
		type: 'CUSTOM.weCom',
		typeVersion: 1,
		position: [200, 0] as [number, number],
		parameters: {
			resource: 'message',
			operation: 'sendNoticeIfSlow',
			noticeMember: '={{ $json.fromUser }}',
			noticeText: '正在思考…',
			noticeAfterSeconds: 1,
		},
	};
	const answer = {
		id: 'answer',
		name: 'Answer',
		type: 'CUSTOM.weCom',
		typeVersion: 1,
		position: [400, 0] as [number, number],
		parameters: {
			resource: 'message',
			operation: 'send',
			recipients: { members: '={{ $json.fromUser }}' },
			messageType: 'text',
			content: '答案',
		},
	};
	const input = {
		id: 'input',
		name: 'Input',
		type: 'harness.input',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const sends = () => {
		const bodies: IDataObject[] = [];
		nock(BASE)
			.post('/cgi-bin/message/send', (b) => (bodies.push(b), true))
			.query(true)
			.times(2)
			.reply(200, () => ({ errcode: 0, msgid: `m${bodies.length}` }));
		return bodies;
	};

	it('a slow answer: the notice reaches the member after the delay; the node passes its input on at once', async () => {
		const bodies = sends();
		const run = await runWorkflow(
			{
				nodes: [input, notice],
				connections: { Input: { main: [[{ node: 'Notice', type: 'main', index: 0 }]] } },
			},
			{ credentials, items: [{ fromUser: 'zhangsan', Content: '问题' }] },
		);
		expect(run.output('Notice')).toEqual([
			{
				fromUser: 'zhangsan',
				Content: '问题',
				thinkingNotice: { member: 'zhangsan', afterSeconds: 1 },
			},
		]);
		expect(bodies).toHaveLength(0);
		await sleep(1600);
		expect(bodies).toEqual([
			{ msgtype: 'text', agentid: 1000002, text: { content: '正在思考…' }, touser: 'zhangsan' },
		]);
	});

	it('a fast answer cancels the notice: the member gets the answer only', async () => {
		const bodies = sends();
		await runWorkflow(
			{
				nodes: [input, notice, answer],
				connections: {
					Input: { main: [[{ node: 'Notice', type: 'main', index: 0 }]] },
					Notice: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
				},
			},
			{ credentials, items: [{ fromUser: 'zhangsan' }] },
		);
		await sleep(1600);
		expect(bodies.map((b) => (b.text as IDataObject).content)).toEqual(['答案']);
	});
});
