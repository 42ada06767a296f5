import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'crypto';
import nock from 'nock';

import { RobotPacer, robotPacer } from '../../../nodes/WeCom/transport/robot';
import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';

const ROBOT = 'https://robot.test';
const KEY = 'dummy-robot-key-0001';
const robotCredentials = {
	wecomWelinkWeComRobotApi: { webhookSecret: `${ROBOT}/cgi-bin/webhook/send?key=${KEY}` },
};
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
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100, 7)]);
const binary = (data: Buffer, mimeType: string, fileName: string) => ({
	json: {},
	binary: {
		data: {
			data: data.toString('base64'),
			mimeType,
			fileName,
			fileExtension: fileName.split('.').pop(),
		},
	},
});
const robot = (parameters: Record<string, unknown>) => ({
	type: 'weCom',
	parameters: { resource: 'groupRobot', operation: 'send', ...parameters },
});

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('Group Robot: Send', () => {
	function sendEndpoint(times = 1) {
		const bodies: IDataObject[] = [];
		nock(ROBOT)
			.post('/cgi-bin/webhook/send', (body) => {
				bodies.push(body);
				return true;
			})
			.query({ key: KEY })
			.times(times)
			.reply(200, { errcode: 0, errmsg: 'ok' });
		return bodies;
	}

	it('sends text with mentions, markdown, markdown v2, news and a template card, key in the query', async () => {
		const bodies = sendEndpoint(5);
		const cases: Array<Record<string, unknown>> = [
			{
				robotMessageType: 'text',
				content: '服务器告警',
				mentionedList: 'zhangsan, @all',
				mentionedMobileList: '13800000001',
			},
			{ robotMessageType: 'markdown', content: '## 日报\n> <font color="warning">3</font> 异常' },
			{ robotMessageType: 'markdown_v2', content: '| a | b |\n|---|---|\n| 1 | 2 |' },
			{
				robotMessageType: 'news',
				robotArticles: {
					article: [{ title: '发布', url: 'https://x.cn/r', picurl: 'https://x.cn/p.png' }],
				},
			},
			{
				robotMessageType: 'template_card',
				cardType: 'text_notice',
				cardMainTitle: '日报',
				cardAction: { action: { type: 1, url: 'https://x.cn' } },
			},
		];
		for (const parameters of cases)
			expect(
				(await runNode(robot(parameters), { credentials: robotCredentials })).error,
			).toBeUndefined();
		expect(bodies).toEqual([
			{
				msgtype: 'text',
				text: {
					content: '服务器告警',
					mentioned_list: ['zhangsan', '@all'],
					mentioned_mobile_list: ['13800000001'],
				},
			},
			{
				msgtype: 'markdown',
				markdown: { content: '## 日报\n> <font color="warning">3</font> 异常' },
			},
			{ msgtype: 'markdown_v2', markdown_v2: { content: '| a | b |\n|---|---|\n| 1 | 2 |' } },
			{
				msgtype: 'news',
				news: {
					articles: [{ title: '发布', url: 'https://x.cn/r', picurl: 'https://x.cn/p.png' }],
				},
			},
			{
				msgtype: 'template_card',
				template_card: {
					card_type: 'text_notice',
					main_title: { title: '日报' },
					card_action: { type: 1, url: 'https://x.cn' },
				},
			},
		]);
	});

	it('sends an image inline as base64 with its MD5', async () => {
		const bodies = sendEndpoint();
		await runNode(robot({ robotMessageType: 'image', binaryPropertyName: 'data' }), {
			credentials: robotCredentials,
			items: [binary(PNG, 'image/png', 'a.png')],
		});
		expect(bodies[0]).toEqual({
			msgtype: 'image',
			image: { base64: PNG.toString('base64'), md5: createHash('md5').update(PNG).digest('hex') },
		});
	});

	it('uploads a file through the robot’s own upload, then sends its media ID', async () => {
		nock(ROBOT)
			.post('/cgi-bin/webhook/upload_media')
			.query({ key: KEY, type: 'file' })
			.reply(200, { errcode: 0, type: 'file', media_id: 'RM1' });
		const bodies = sendEndpoint();
		const run = await runNode(robot({ robotMessageType: 'file', binaryPropertyName: 'data' }), {
			credentials: robotCredentials,
			items: [binary(Buffer.alloc(50, 1), 'application/pdf', 'report.pdf')],
		});
		expect(bodies[0]).toEqual({ msgtype: 'file', file: { media_id: 'RM1' } });
		expect(run.output('Node')[0]).toEqual({ sent: true, messageType: 'file', mediaId: 'RM1' });
	});

	it.each([
		[
			{ robotMessageType: 'markdown', content: '中'.repeat(1366) },
			'Content: is 4098 bytes, over the limit of 4096 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			{ robotMessageType: 'text', content: 'x', mentionedMobileList: 'call-me' },
			'Mention Mobiles: "call-me" is not a mobile number (手机号: 5–32 digits, optionally with + and -) [item 0]',
		],
		[
			{ robotMessageType: 'news', robotArticles: { article: [{ title: 't' }] } },
			'Article 1 URL: is required [item 0]',
		],
		[
			{
				robotMessageType: 'template_card',
				cardType: 'text_notice',
				cardInputMode: 'json',
				cardJson: '{"card_type":"button_interaction"}',
			},
			'Card Type: "button_interaction" is not a card type group robots can send [item 0]',
		],
	])('%j → %s', async (parameters, message) => {
		expect(
			(await runNode(robot(parameters), { credentials: robotCredentials })).error?.message,
		).toBe(message);
	});

	it('refuses an image over 2 MB before sending', async () => {
		const big = binary(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png', 'big.png');
		const run = await runNode(robot({ robotMessageType: 'image', binaryPropertyName: 'data' }), {
			credentials: robotCredentials,
			items: [big],
		});
		expect(run.error?.message).toBe(
			'Input Binary Field: "big.png" is 2.0 MB, over the JPG or PNG image limit of 2 MB [item 0]',
		);
	});

	it('explains an unknown robot key', async () => {
		nock(ROBOT)
			.post('/cgi-bin/webhook/send')
			.query(true)
			.reply(200, { errcode: 93000, errmsg: 'invalid webhook url' });
		const run = await runNode(robot({ robotMessageType: 'text', content: 'x' }), {
			credentials: robotCredentials,
		});
		expect(run.error?.message).toBe('WeCom: invalid webhook url (93000)');
		expect(run.error?.description).toContain('copy its webhook URL again');
		expect(JSON.stringify(run.run.data)).not.toContain(KEY);
	});
});

describe('Robot pacing (20 per minute per robot)', () => {
	it('lets 20 messages through at once and makes the 21st wait for the minute to pass', async () => {
		let clock = 0;
		const waits: number[] = [];
		const pacer = new RobotPacer(
			() => clock,
			async (ms) => {
				waits.push(ms);
				clock += ms;
			},
		);
		const started: number[] = [];
		for (let n = 0; n < 25; n++) {
			await pacer.slot('robot-a');
			started.push(clock);
		}
		expect(started.slice(0, 20).every((t) => t === 0)).toBe(true);
		expect(started.slice(20).every((t) => t === 60_050)).toBe(true);
		expect(waits).toEqual([60_050]);
		// Concurrent callers are served one at a time, so the count stays exact.
		await Promise.all(Array.from({ length: 21 }, async () => await pacer.slot('robot-c')));
		expect(waits).toEqual([60_050, 60_050]);
		await pacer.slot('robot-b');
		expect(waits).toEqual([60_050, 60_050]);
	});

	it('treats the minute as used up after a 45009 and waits a full minute', async () => {
		let clock = 1_000;
		const waits: number[] = [];
		const pacer = new RobotPacer(
			() => clock,
			async (ms) => {
				waits.push(ms);
				clock += ms;
			},
		);
		pacer.markFull('r');
		await pacer.slot('r');
		expect(waits).toEqual([60_050]);
	});

	it('keeps the process-wide pacer per robot key', () => {
		expect(robotPacer).toBeInstanceOf(RobotPacer);
	});
});

describe('Media', () => {
	it('uploads temporary media and a permanent image, and downloads media as binary', async () => {
		nock(BASE)
			.post('/cgi-bin/media/upload')
			.query({ access_token: 'TOKEN', type: 'file' })
			.reply(200, { errcode: 0, type: 'file', media_id: 'MF1', created_at: '1700000000' })
			.post('/cgi-bin/media/uploadimg')
			.query({ access_token: 'TOKEN' })
			.reply(200, { errcode: 0, url: 'https://wework.qpic.cn/x/0' })
			.get('/cgi-bin/media/get')
			.query({ access_token: 'TOKEN', media_id: 'MF1' })
			.reply(200, Buffer.from('%PDF-1.4 hello'), {
				'content-type': 'application/pdf',
				'content-disposition': 'attachment; filename="report.pdf"',
			});
		const file = binary(Buffer.from('%PDF-1.4 hello'), 'application/pdf', 'report.pdf');
		const up = await runNode(
			{ type: 'weCom', parameters: { resource: 'media', operation: 'upload', mediaType: 'file' } },
			{ credentials, items: [file] },
		);
		expect(up.output('Node')[0]).toMatchObject({
			mediaId: 'MF1',
			fileName: 'report.pdf',
			validForDays: 3,
		});
		const img = await runNode(
			{ type: 'weCom', parameters: { resource: 'media', operation: 'uploadImage' } },
			{ credentials, items: [binary(PNG, 'image/png', 'a.png')] },
		);
		expect(img.output('Node')[0]).toEqual({ url: 'https://wework.qpic.cn/x/0', fileName: 'a.png' });
		const down = await runNode(
			{ type: 'weCom', parameters: { resource: 'media', operation: 'download', mediaId: 'MF1' } },
			{ credentials },
		);
		const [item] = down.items('Node');
		expect(item.json).toMatchObject({
			mediaId: 'MF1',
			fileName: 'report.pdf',
			mimeType: 'application/pdf',
			bytes: 14,
		});
		expect(Buffer.from(item.binary?.data.data as string, 'base64').toString()).toBe(
			'%PDF-1.4 hello',
		);
	});

	it('explains an expired media ID on download', async () => {
		nock(BASE)
			.get('/cgi-bin/media/get')
			.query(true)
			.reply(
				200,
				{ errcode: 40007, errmsg: 'invalid media_id' },
				{ 'content-type': 'application/json' },
			);
		const run = await runNode(
			{ type: 'weCom', parameters: { resource: 'media', operation: 'download', mediaId: 'OLD' } },
			{ credentials },
		);
		expect(run.error?.message).toBe('WeCom: invalid media_id (40007)');
		expect(run.error?.description).toContain('expire after 3 days');
	});
});
