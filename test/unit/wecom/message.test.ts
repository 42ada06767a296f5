import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';

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
const PNG = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	Buffer.alloc(64, 1),
]);

const send = (parameters: Record<string, unknown>, continueOnFail = false) => ({
	type: 'weCom',
	parameters: {
		resource: 'message',
		operation: 'send',
		recipients: { members: 'zhangsan' },
		...parameters,
	},
	continueOnFail,
});

/** Captures the bodies of message/send calls, answering with a msgid per call. */
function sendEndpoint(
	times = 1,
	reply: (body: IDataObject, n: number) => IDataObject = (_b, n) => ({
		errcode: 0,
		msgid: `m${n}`,
	}),
) {
	const bodies: IDataObject[] = [];
	nock(BASE)
		.post('/cgi-bin/message/send', (body) => {
			bodies.push(body);
			return true;
		})
		.query({ access_token: 'TOKEN' })
		.times(times)
		.reply(200, () => reply(bodies[bodies.length - 1], bodies.length));
	return bodies;
}

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('Message: Send, by type (exact JSON)', () => {
	it('text: recipients joined with |, agentid from the credential, duplicate check on by default', async () => {
		const bodies = sendEndpoint();
		const run = await runNode(
			send({
				messageType: 'text',
				content: '你好 <a href="https://x.cn">详情</a>',
				recipients: { members: 'zhangsan, lisi', departments: [2, 3], tags: '1' },
				options: { safe: 1, enableIdTrans: true },
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(bodies).toEqual([
			{
				msgtype: 'text',
				agentid: 1000002,
				text: { content: '你好 <a href="https://x.cn">详情</a>' },
				touser: 'zhangsan|lisi',
				toparty: '2|3',
				totag: '1',
				safe: 1,
				enable_id_trans: 1,
				enable_duplicate_check: 1,
				duplicate_check_interval: 1800,
			},
		]);
		expect(run.output('Node')[0]).toMatchObject({
			msgId: 'm1',
			msgIds: ['m1'],
			calls: 1,
			recipients: { members: 2, departments: 2, tags: 1 },
		});
	});

	it('to everyone, with the duplicate check off', async () => {
		const bodies = sendEndpoint();
		await runNode(
			send({
				toAll: true,
				messageType: 'markdown',
				content: '**周报**',
				options: { duplicateCheck: false },
			}),
			{ credentials },
		);
		expect(bodies).toEqual([
			{ msgtype: 'markdown', agentid: 1000002, markdown: { content: '**周报**' }, touser: '@all' },
		]);
	});

	it('image from a binary field: uploads it (multipart, field "media") and sends the media ID', async () => {
		let upload = '';
		nock(BASE)
			.post('/cgi-bin/media/upload', (body) => {
				upload = Buffer.from(
					String(body),
					/^[0-9a-f]+$/.test(String(body)) ? 'hex' : 'latin1',
				).toString('latin1');
				return true;
			})
			.query({ access_token: 'TOKEN', type: 'image' })
			.reply(200, { errcode: 0, type: 'image', media_id: 'MEDIA1', created_at: '1700000000' });
		const bodies = sendEndpoint();
		const run = await runNode(
			send({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }),
			{
				credentials,
				items: [
					{
						json: {},
						binary: {
							data: {
								data: PNG.toString('base64'),
								mimeType: 'image/png',
								fileName: 'chart.png',
								fileExtension: 'png',
							},
						},
					},
				],
			},
		);
		expect(run.error).toBeUndefined();
		expect(upload).toMatch(
			/Content-Disposition: form-data; name="media"; filename="chart.png"; filelength=72/,
		);
		expect(upload).toContain('Content-Type: image/png');
		expect(bodies[0]).toMatchObject({ msgtype: 'image', image: { media_id: 'MEDIA1' } });
		expect(run.output('Node')[0].mediaId).toBe('MEDIA1');
	});

	it('video, file, text card, news, MPNews and mini program notice', async () => {
		const bodies = sendEndpoint(6);
		const cases: Array<Record<string, unknown>> = [
			{
				messageType: 'video',
				mediaSource: 'mediaId',
				mediaId: 'V1',
				videoTitle: '培训',
				videoDescription: '第一课',
			},
			{ messageType: 'file', mediaSource: 'mediaId', mediaId: 'F1' },
			{
				messageType: 'textcard',
				cardTitle: '领奖通知',
				cardDescription: '<div class="gray">2026年11月</div>',
				cardUrl: 'https://example.com/a',
				cardButtonText: '更多',
			},
			{
				messageType: 'news',
				articles: {
					article: [
						{
							title: '中秋节礼品',
							description: '今年',
							url: 'https://example.com/n',
							picurl: 'https://example.com/p.png',
						},
					],
				},
			},
			{
				messageType: 'mpnews',
				mpArticles: {
					article: [
						{ title: 'T', thumb_media_id: 'TH1', content: '<p>hi</p>', author: 'HR', digest: 'd' },
					],
				},
			},
			{
				messageType: 'miniprogram_notice',
				miniAppId: 'wx123',
				miniTitle: '会议室预订成功',
				miniOptions: {
					page: 'pages/index',
					description: '4月27日 16:16',
					emphasis_first_item: true,
				},
				miniItems: { item: [{ key: '会议室', value: '402' }] },
			},
		];
		for (const parameters of cases)
			expect((await runNode(send(parameters), { credentials })).error).toBeUndefined();
		expect(bodies.map((b) => ({ [String(b.msgtype)]: b[String(b.msgtype)] }))).toEqual([
			{ video: { media_id: 'V1', title: '培训', description: '第一课' } },
			{ file: { media_id: 'F1' } },
			{
				textcard: {
					title: '领奖通知',
					description: '<div class="gray">2026年11月</div>',
					url: 'https://example.com/a',
					btntxt: '更多',
				},
			},
			{
				news: {
					articles: [
						{
							title: '中秋节礼品',
							description: '今年',
							url: 'https://example.com/n',
							picurl: 'https://example.com/p.png',
						},
					],
				},
			},
			{
				mpnews: {
					articles: [
						{ title: 'T', thumb_media_id: 'TH1', content: '<p>hi</p>', author: 'HR', digest: 'd' },
					],
				},
			},
			{
				miniprogram_notice: {
					appid: 'wx123',
					title: '会议室预订成功',
					page: 'pages/index',
					description: '4月27日 16:16',
					emphasis_first_item: true,
					content_item: [{ key: '会议室', value: '402' }],
				},
			},
		]);
	});

	it('template cards: a text notice and a button card from fields, a vote card from JSON', async () => {
		const bodies = sendEndpoint(3, (_b, n) => ({
			errcode: 0,
			msgid: `m${n}`,
			response_code: `rc${n}`,
		}));
		const notice = await runNode(
			send({
				messageType: 'template_card',
				cardType: 'text_notice',
				cardMainTitle: '审批提醒',
				cardMainDescription: '你有一条待审批',
				cardAction: { action: { type: 1, url: 'https://oa.example.com/p/1' } },
				cardFields: {
					sourceDesc: 'OA',
					emphasisTitle: '3',
					emphasisDesc: '待办',
					subTitleText: '请尽快处理',
				},
				cardRows: {
					row: [
						{ keyname: '申请人', value: '张三', userid: 'zhangsan' },
						{ keyname: '单号', value: 'SP-1', url: 'https://oa/1' },
					],
				},
				cardJumps: { jump: [{ title: '查看', url: 'https://oa/1' }] },
			}),
			{ credentials },
		);
		expect(notice.output('Node')[0]).toMatchObject({ responseCode: 'rc1', responseCodes: ['rc1'] });
		await runNode(
			send({
				messageType: 'template_card',
				cardType: 'button_interaction',
				cardMainTitle: '请假审批',
				cardTaskId: 'leave-42',
				cardButtons: {
					button: [
						{ text: '驳回', key: 'reject', style: 2 },
						{ text: '同意', key: 'approve', style: 1 },
					],
				},
			}),
			{ credentials },
		);
		await runNode(
			send({
				messageType: 'template_card',
				cardInputMode: 'json',
				cardJson: JSON.stringify({
					card_type: 'vote_interaction',
					main_title: { title: '团建地点' },
					task_id: 'vote-1',
					checkbox: {
						question_key: 'q1',
						mode: 0,
						option_list: [
							{ id: 'a', text: '海边' },
							{ id: 'b', text: '山里' },
						],
					},
					submit_button: { text: '提交', key: 'submit' },
				}),
			}),
			{ credentials },
		);
		expect(bodies.map((b) => b.template_card)).toEqual([
			{
				card_type: 'text_notice',
				source: { desc: 'OA' },
				main_title: { title: '审批提醒', desc: '你有一条待审批' },
				sub_title_text: '请尽快处理',
				emphasis_content: { title: '3', desc: '待办' },
				horizontal_content_list: [
					{ keyname: '申请人', value: '张三', userid: 'zhangsan', type: 3 },
					{ keyname: '单号', value: 'SP-1', url: 'https://oa/1', type: 1 },
				],
				jump_list: [{ type: 1, title: '查看', url: 'https://oa/1' }],
				card_action: { type: 1, url: 'https://oa.example.com/p/1' },
			},
			{
				card_type: 'button_interaction',
				main_title: { title: '请假审批' },
				task_id: 'leave-42',
				button_list: [
					{ text: '驳回', style: 2, key: 'reject' },
					{ text: '同意', style: 1, key: 'approve' },
				],
			},
			expect.objectContaining({ card_type: 'vote_interaction', task_id: 'vote-1' }),
		]);
	});
});

describe('Message: Send to many recipients', () => {
	it('splits 2,500 members into 3 calls of 1,000/1,000/500 and merges the results into one item', async () => {
		const members = Array.from({ length: 2500 }, (_, i) => `u${i}`);
		const bodies = sendEndpoint(3, (_body, n) => ({
			errcode: 0,
			msgid: `m${n}`,
			invaliduser: n === 2 ? 'u1000|u1001' : '',
			unlicenseduser: n === 3 ? 'u2499' : '',
		}));
		const run = await runNode(
			send({
				recipients: { members, departments: Array.from({ length: 150 }, (_, i) => i + 2) },
				messageType: 'text',
				content: 'hi',
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(bodies.map((b) => String(b.touser).split('|').length)).toEqual([1000, 1000, 500]);
		expect(bodies.map((b) => (b.toparty ? String(b.toparty).split('|').length : 0))).toEqual([
			100, 50, 0,
		]);
		expect(run.output('Node')).toEqual([
			expect.objectContaining({
				msgIds: ['m1', 'm2', 'm3'],
				calls: 3,
				invalidUsers: ['u1000', 'u1001'],
				unlicensedUsers: ['u2499'],
			}),
		]);
	});

	it('lists the members of a call whose recipients were all invalid (81013) and keeps the rest', async () => {
		const members = Array.from({ length: 1500 }, (_, i) => `u${i}`);
		sendEndpoint(2, (_body, n) =>
			n === 2
				? { errcode: 81013, errmsg: 'user & party & tag all invalid' }
				: { errcode: 0, msgid: 'm1' },
		);
		const run = await runNode(
			send({ recipients: { members }, messageType: 'text', content: 'hi' }),
			{ credentials },
		);
		expect(run.output('Node')[0]).toMatchObject({ msgIds: ['m1'], calls: 2 });
		expect((run.output('Node')[0].invalidUsers as string[]).length).toBe(500);
	});

	it('fails with WeCom’s reason when no recipient at all is valid', async () => {
		sendEndpoint(1, () => ({ errcode: 81013, errmsg: 'user & party & tag all invalid' }));
		const run = await runNode(send({ messageType: 'text', content: 'hi' }), { credentials });
		expect(run.error?.message).toBe('WeCom: user & party & tag all invalid (81013)');
		expect(run.error?.description).toMatch(
			/^WeCom's error list gives 81013 as: no valid recipient \(all members, departments and tags invalid or outside the app’s visible range\)\. Check the IDs/,
		);
	});

	it('marks an identical send inside the duplicate-check window as suppressed, not after it, not with the check off', async () => {
		// WeCom answers a held-back repeat as sent (here with the first send's msgid, as the sandbox does).
		sendEndpoint(5, (body) => ({ errcode: 0, msgid: `id-${(body.text as IDataObject).content}` }));
		const staticData: IDataObject = {};
		const texts = (...list: string[]) => list.map((text) => ({ text }));
		const run = async (items: IDataObject[], options: IDataObject = {}) =>
			(
				await runNode(send({ messageType: 'text', content: '={{ $json.text }}', options }), {
					credentials,
					items,
					staticData,
				})
			).output('Node');
		const [a, repeat, b] = await run(texts('a', 'a', 'b'));
		expect([a.duplicateSuppressed, repeat.duplicateSuppressed, b.duplicateSuppressed]).toEqual([
			false,
			true,
			false,
		]);
		expect(repeat.duplicateOf).toEqual(['id-a']);
		// The window closes (as stored for the workflow): the same text is a new message.
		const remembered = staticData['node:Node'] as {
			sentMessages: Record<string, [number, string]>;
		};
		for (const entry of Object.values(remembered.sentMessages)) entry[0] = Date.now() - 1;
		expect((await run(texts('a')))[0].duplicateSuppressed).toBe(false);
		// With the check off WeCom suppresses nothing, and nothing is claimed.
		expect((await run(texts('b'), { duplicateCheck: false }))[0]).not.toHaveProperty(
			'duplicateSuppressed',
		);
	});

	it('without the duplicate check, "system busy" (-1) fails once, unretried, and says how to make it retry safely', async () => {
		const bodies = sendEndpoint(1, () => ({ errcode: -1, errmsg: 'system busy' }));
		const run = await runNode(
			send({ messageType: 'text', content: 'hi', options: { duplicateCheck: false } }),
			{ credentials },
		);
		expect(bodies).toHaveLength(1);
		expect(run.error?.message).toBe('WeCom: system busy (-1)');
		expect(run.error?.description).toMatch(/^Not retried automatically: this call changes data/);
		expect(run.error?.description).toContain('turn on Options → Duplicate Check');
		expect(run.error?.description).not.toMatch(/retried automatically;/i);
	});

	it('reports the delivered message IDs when a later call fails', async () => {
		const members = Array.from({ length: 1200 }, (_, i) => `u${i}`);
		sendEndpoint(2, (_b, n) =>
			n === 2 ? { errcode: 40056, errmsg: 'invalid agentid' } : { errcode: 0, msgid: 'first' },
		);
		const run = await runNode(
			send({ recipients: { members }, messageType: 'text', content: 'hi' }, true),
			{ credentials },
		);
		expect(run.output('Node')[0]).toMatchObject({
			error: 'Sent 1 of 2 batches, then failed: WeCom: invalid agentid (40056)',
			deliveredMsgIds: ['first'],
			failedBatch: 2,
		});
	});

	it('turns mobile numbers into member IDs first and lists the unknown ones', async () => {
		nock(BASE)
			.post('/cgi-bin/user/getuserid', { mobile: '13800000001' })
			.query(true)
			.reply(200, { errcode: 0, userid: 'zhangsan' })
			.post('/cgi-bin/user/getuserid', { mobile: '13900000000' })
			.query(true)
			.reply(200, { errcode: 46004, errmsg: 'user no exist' });
		const bodies = sendEndpoint();
		const run = await runNode(
			send({
				recipients: { members: '13800000001, 13900000000', membersAreMobiles: true },
				messageType: 'text',
				content: 'hi',
			}),
			{ credentials },
		);
		expect(bodies[0].touser).toBe('zhangsan');
		expect(run.output('Node')[0]).toMatchObject({ unresolvedMobiles: ['13900000000'] });
	});
});

describe('Message: input checks (before any call)', () => {
	it.each([
		[
			{ content: 'x'.repeat(2049), messageType: 'text' },
			'Content: is 2049 bytes, over the limit of 2048 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[{ content: '={{ "" }}', messageType: 'markdown' }, 'Content: is required [item 0]'],
		[
			{ recipients: {}, messageType: 'text', content: 'x' },
			'Recipients: no member, department or tag given [item 0]',
		],
		[
			{ recipients: { members: '张三' }, messageType: 'text', content: 'x' },
			'Members: "张三" is not a member ID (账号: 1–64 letters, digits or _-@.) [item 0]',
		],
		[
			{ recipients: { departments: 'sales' }, messageType: 'text', content: 'x' },
			'Departments: "sales" is not an ID [item 0]',
		],
		[
			{
				recipients: { members: 'abc', membersAreMobiles: true },
				messageType: 'text',
				content: 'x',
			},
			'Members: "abc" is not a mobile number (5–32 digits, optionally with + and -) [item 0]',
		],
		[
			{ messageType: 'textcard', cardTitle: 't', cardDescription: 'd', cardUrl: 'ftp://x' },
			'URL: "ftp://x" is not an http(s) URL [item 0]',
		],
		[
			{
				messageType: 'textcard',
				cardTitle: 't',
				cardDescription: 'd',
				cardUrl: 'https://x',
				cardButtonText: '查看更多详情',
			},
			'Button Text: is 6 characters, over the limit of 4 characters [item 0]',
		],
		[
			{
				messageType: 'news',
				articles: { article: Array.from({ length: 9 }, () => ({ title: 't', url: 'https://x' })) },
			},
			'Articles: has 9 articles; WeCom takes 1 to 8 [item 0]',
		],
		[
			{ messageType: 'news', articles: { article: [{ title: 't' }] } },
			'Article 1 URL: is required [item 0]',
		],
		[
			{ messageType: 'mpnews', mpArticles: { article: [{ title: 't', content: 'c' }] } },
			'Article 1 Thumbnail Media ID: is required [item 0]',
		],
		[
			{ messageType: 'miniprogram_notice', miniAppId: 'wx', miniTitle: '短标题' },
			'Title: is 3 characters, under the minimum of 4 characters [item 0]',
		],
		[
			{ messageType: 'markdown', content: 'x', options: { safe: 1 } },
			'Confidential: does not apply to markdown messages [item 0]',
		],
		[
			{ messageType: 'text', content: 'x', options: { safe: 2 } },
			'Confidential: "Only Inside the Corp" applies to MPNews only [item 0]',
		],
		[
			{ messageType: 'text', content: 'x', options: { duplicateCheckInterval: 20000 } },
			'Duplicate Check Window (Seconds): 20000 is outside 1–14400 [item 0]',
		],
		[
			{ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'nothing' },
			'Input Binary Field: the item has no binary property "nothing" [item 0]',
		],
		[
			{ messageType: 'template_card', cardType: 'text_notice', cardMainTitle: 't' },
			'Tap Action: is required for a text_notice card (card_action type 1 = URL, 2 = mini program) [item 0]',
		],
		[
			{
				messageType: 'template_card',
				cardType: 'button_interaction',
				cardMainTitle: 't',
				cardTaskId: 'x',
			},
			'Buttons: is required for a button_interaction card [item 0]',
		],
		[
			{
				messageType: 'template_card',
				cardType: 'button_interaction',
				cardTaskId: 'bad id!',
				cardButtons: { button: [{ text: 'a', key: 'a' }] },
			},
			'Task ID: "bad id!" may only contain letters, digits and _-@ (at most 128) [item 0]',
		],
		[
			{
				messageType: 'template_card',
				cardInputMode: 'json',
				cardJson: '{"card_type":"vote_interaction","task_id":"t"}',
			},
			'More Card JSON: a vote card needs "checkbox" with its options [item 0]',
		],
		[
			{ messageType: 'template_card', cardInputMode: 'json', cardJson: '{"card_type":"poll"}' },
			'Card Type: "poll" is not a card type WeCom knows [item 0]',
		],
	])('%j → %s', async (parameters, message) => {
		const run = await runNode(send(parameters), { credentials });
		expect(run.error?.message).toBe(message);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('refuses a binary file of the wrong type or size before uploading', async () => {
		const gif = {
			data: Buffer.alloc(20, 1).toString('base64'),
			mimeType: 'image/gif',
			fileName: 'a.gif',
			fileExtension: 'gif',
		};
		const big = {
			data: Buffer.alloc(2 * 1024 * 1024 + 1, 1).toString('base64'),
			mimeType: 'audio/amr',
			fileName: 'v.amr',
			fileExtension: 'amr',
		};
		const wrongType = await runNode(
			send({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }),
			{ credentials, items: [{ json: {}, binary: { data: gif } }] },
		);
		expect(wrongType.error?.message).toBe(
			'Input Binary Field: "a.gif" (image/gif) is not a JPG or PNG image [item 0]',
		);
		const tooBig = await runNode(
			send({ messageType: 'voice', mediaSource: 'binary', binaryPropertyName: 'data' }),
			{ credentials, items: [{ json: {}, binary: { data: big } }] },
		);
		expect(tooBig.error?.message).toBe(
			'Input Binary Field: "v.amr" is 2.0 MB, over the AMR voice file limit of 2 MB [item 0]',
		);
	});
});

describe('Message: Recall, Update Template Card, Send and Wait', () => {
	it('recalls every ID of a split send and reports the ones WeCom refused', async () => {
		nock(BASE)
			.post('/cgi-bin/message/recall', { msgid: 'm1' })
			.query(true)
			.reply(200, { errcode: 0 })
			.post('/cgi-bin/message/recall', { msgid: 'm2' })
			.query(true)
			.reply(200, { errcode: 40058, errmsg: 'message can only be recalled within 24 hours' });
		const run = await runNode(
			{
				type: 'weCom',
				parameters: { resource: 'message', operation: 'recall', msgIds: '={{ $json.msgIds }}' },
				continueOnFail: true,
			},
			{ credentials, items: [{ msgIds: ['m1', 'm2'] }] },
		);
		expect(run.output('Node')[0]).toMatchObject({
			error:
				'Could not recall 1 of 2 messages: WeCom: message can only be recalled within 24 hours (40058)',
			recalled: ['m1'],
		});
		expect(String(run.output('Node')[0].description)).toContain('within the last 24 hours');
	});

	it('keeps WeCom’s own words when a code means something else for recall (40007 “invalid msgid”)', async () => {
		nock(BASE).post('/cgi-bin/message/recall', { msgid: 'gone' }).query(true).reply(200, {
			errcode: 40007,
			errmsg:
				'invalid msgid, hint: [1763712000_42_abc], more info at https://open.work.weixin.qq.com/devtool/query?e=40007',
		});
		const run = await runNode(
			{ type: 'weCom', parameters: { resource: 'message', operation: 'recall', msgIds: 'gone' } },
			{ credentials },
		);
		expect(run.error?.message).toBe(
			'Could not recall 1 of 1 messages: WeCom: invalid msgid (40007)',
		);
	});

	it('replaces the button text for everyone, or the whole card for some members', async () => {
		const bodies: IDataObject[] = [];
		nock(BASE)
			.post('/cgi-bin/message/update_template_card', (body) => {
				bodies.push(body);
				return true;
			})
			.query(true)
			.times(2)
			.reply(200, { errcode: 0 });
		await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'message',
					operation: 'updateTemplateCard',
					responseCode: 'RC1',
					replaceButtonText: '已同意',
				},
			},
			{ credentials },
		);
		await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'message',
					operation: 'updateTemplateCard',
					responseCode: 'RC2',
					updateScope: 'specific',
					updateMembers: 'zhangsan,lisi',
					updateMode: 'card',
					cardType: 'text_notice',
					cardMainTitle: '已处理',
					cardAction: { action: { type: 1, url: 'https://oa/1' } },
				},
			},
			{ credentials },
		);
		expect(bodies).toEqual([
			{ response_code: 'RC1', atall: 1, button: { replace_name: '已同意' }, agentid: 1000002 },
			{
				response_code: 'RC2',
				userids: ['zhangsan', 'lisi'],
				template_card: {
					card_type: 'text_notice',
					main_title: { title: '已处理' },
					card_action: { type: 1, url: 'https://oa/1' },
				},
				agentid: 1000002,
			},
		]);
	});

	it('send and wait: sends a button card whose buttons are signed resume URLs, then waits', async () => {
		const bodies = sendEndpoint();
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					recipients: { members: 'zhangsan' },
					approvalTitle: '报销审批',
					approvalMessage: '张三申请报销 320 元',
					approvalOptions: { approvalType: 'double', approveLabel: '同意', declineLabel: '驳回' },
				},
			},
			{ credentials, items: [{ a: 1 }, { a: 2 }] },
		);
		expect(run.run.status).toBe('waiting');
		expect(bodies).toHaveLength(1);
		const card = bodies[0].template_card as IDataObject;
		expect(card).toMatchObject({
			card_type: 'button_interaction',
			main_title: { title: '报销审批' },
			sub_title_text: '张三申请报销 320 元',
		});
		const buttons = card.button_list as Array<{ text: string; url: string; type: number }>;
		expect(buttons.map((b) => [b.text, b.type])).toEqual([
			['驳回', 1],
			['同意', 1],
		]);
		expect(buttons[1].url).toMatch(
			/^http:\/\/localhost:5678\/webhook-waiting\/harness-execution\/node\?approved=true&signature=[0-9a-f]+$/,
		);
		expect(buttons[0].url).toContain('approved=false&signature=');
	});

	it('send and wait honours Continue On Fail: a refused card gives an error item, and nothing waits', async () => {
		const failing = () =>
			sendEndpoint(2, () => ({ errcode: 81013, errmsg: 'user & party & tag all invalid' }));
		const parameters = {
			resource: 'message',
			operation: 'sendAndWait',
			recipients: { members: 'ghost' },
			approvalTitle: '报销审批',
			approvalMessage: '张三申请报销 320 元',
		};
		failing();
		const stopped = await runNode(
			{ type: 'weCom', parameters },
			{ credentials, items: [{ a: 1 }] },
		);
		expect(stopped.error?.message).toContain('(81013)');
		const run = await runNode(
			{ type: 'weCom', parameters, continueOnFail: true },
			{ credentials, items: [{ a: 1 }, { a: 2 }] },
		);
		expect(run.run.status).not.toBe('waiting');
		expect(run.output('Node')).toEqual([
			expect.objectContaining({ error: expect.stringContaining('(81013)'), errcode: 81013 }),
		]);
		// The card's parameters come from the first item: the error is paired with it.
		expect(run.items('Node')[0].pairedItem).toEqual({ item: 0 });
	});
});
