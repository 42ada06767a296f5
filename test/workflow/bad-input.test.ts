import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../harness/run.cjs';
import { FIXTURE_SECRETS } from '../harness/secrets.cjs';

/**
 * Bad-input matrix: one case per documented field limit of every WeCom operation (meetings,
 * messages incl. template cards, group robot, media, check-in, API Request; contacts are covered by
 * their own suite) and every WeLink operation (messages, todos, contacts, attendance).
 *
 * Each case runs the node in-process on three items where only item 2 is bad (values come in by
 * expression), with the network closed: the node must refuse before any HTTP call, and the error
 * must name the field, the item and the limit. Limits that cannot differ per item (the number of
 * rows of a fixed collection) run with every item bad and Continue On Fail, so each item's error is
 * checked for its own index.
 */

const BAD_ITEM = 2;

interface Case {
	/** Operation and limit, e.g. "message send (text): Content ≤ 2048 bytes". */
	name: string;
	node: 'weCom' | 'weLink';
	parameters: IDataObject;
	/** Values of `$json.v` for the good items and the bad one. */
	good?: IDataObject[string];
	bad?: IDataObject[string];
	/** Items as given (binary files); the last one is the bad one. */
	items?: INodeExecutionData[];
	/** The count cannot vary per item: every item is bad (Continue On Fail). */
	everyItemBad?: boolean;
	/** The operation reads this parameter from item 0 only (one message or one job per run). */
	firstItemOnly?: boolean;
	field: string;
	/** Text naming the limit, looked for in the message (and, where noted, the description). */
	limit: string;
	/** The message gives only the shape; the limit is in the description. */
	limitInDescription?: boolean;
}

const v = '={{ $json.v }}';
/** A valid news article but its title (start-144: newsUrl and a WeLink-hosted image required). */
const article = {
	url: 'https://a.example',
	imageUrl: 'https://open.welink.huaweicloud.com/tinyimage/v2/images/a_1x1.png',
};
const x = (n: number, c = 'x') => c.repeat(n);
const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).join(',');

const credentials = {
	wecomWelinkWeComApi: {
		corpId: 'wwfixturecorp0001',
		secret: FIXTURE_SECRETS.weComSecret,
		agentId: '1000002',
		baseUrl: 'https://wecom.bad-input.test',
		accessToken: FIXTURE_SECRETS.weComAccessToken,
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
	wecomWelinkWeComRobotApi: {
		webhookSecret: `https://wecom.bad-input.test/cgi-bin/webhook/send?key=${FIXTURE_SECRETS.robotKey}`,
	},
	wecomWelinkWeLinkApi: {
		clientId: 'fixture-welink-client',
		clientSecret: FIXTURE_SECRETS.weLinkSecret,
		baseUrl: 'https://welink.bad-input.test/api',
		accessToken: FIXTURE_SECRETS.weLinkAccessToken,
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
};

// ---- WeCom ----

const meeting = (parameters: IDataObject): IDataObject => ({
	resource: 'meeting',
	operation: 'create',
	adminUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
	title: '周会',
	startTime: '2030-01-01 10:00',
	durationMinutes: 30,
	...parameters,
});

const send = (messageType: string, parameters: IDataObject): IDataObject => ({
	resource: 'message',
	operation: 'send',
	recipients: { members: 'lisi' },
	messageType,
	...parameters,
});

const card = (parameters: IDataObject = {}) =>
	send('template_card', { cardInputMode: 'json', cardJson: v, ...parameters });
const action = { type: 1, url: 'https://oa.example.com/1' };
const textNotice = (extra: IDataObject = {}) => ({
	card_type: 'text_notice',
	main_title: { title: '通知' },
	card_action: action,
	...extra,
});
const buttonCard = (extra: IDataObject = {}) => ({
	card_type: 'button_interaction',
	main_title: { title: '审批' },
	task_id: 'task-1',
	button_list: [{ text: '同意', key: 'ok' }],
	...extra,
});
const option = (i: number) => ({ id: `o${i}`, text: `选项${i}` });
const vote = (extra: IDataObject = {}) => ({
	card_type: 'vote_interaction',
	main_title: { title: '投票' },
	task_id: 'vote-1',
	checkbox: { question_key: 'q', option_list: [option(1)] },
	submit_button: { text: '提交', key: 'submit' },
	...extra,
});

const robot = (robotMessageType: string, parameters: IDataObject = {}): IDataObject => ({
	resource: 'groupRobot',
	operation: 'send',
	robotMessageType,
	...parameters,
});

const MB = 1024 * 1024;
const file = (bytes: number, fileName: string, mimeType: string): INodeExecutionData => ({
	json: {},
	binary: {
		data: {
			data: Buffer.alloc(bytes, 7).toString('base64'),
			mimeType,
			fileName,
			fileExtension: fileName.split('.').pop(),
		},
	},
});
const files = (good: number, bad: number, fileName: string, mimeType: string) => [
	file(good, fileName, mimeType),
	file(good, fileName, mimeType),
	file(bad, fileName, mimeType),
];

const wecomCases: Case[] = [
	// Meetings (reference §2.1)
	{
		name: 'meeting create: Title 1–255 characters (path/98148)',
		node: 'weCom',
		parameters: meeting({ title: v }),
		good: x(255, '会'),
		bad: x(256, '会'),
		field: 'Title',
		limit: 'over the limit of 255 characters',
	},
	{
		name: 'meeting create: Duration 5–1439 minutes (meeting_duration 300–86399 s)',
		node: 'weCom',
		parameters: meeting({ durationMinutes: v }),
		good: 30,
		bad: 1440,
		field: 'Duration (Minutes)',
		limit: 'outside 5–1439 minutes',
	},
	{
		name: 'meeting create: Description ≤ 500 bytes',
		node: 'weCom',
		parameters: meeting({ additionalFields: { description: v } }),
		good: '议程',
		bad: x(501),
		field: 'Description',
		limit: 'over the limit of 500 bytes',
	},
	{
		name: 'meeting create: Location ≤ 128 characters',
		node: 'weCom',
		parameters: meeting({ additionalFields: { location: v } }),
		good: '会议室',
		bad: x(129, '会'),
		field: 'Location',
		limit: 'over the limit of 128 characters',
	},
	{
		name: 'meeting create: Calendar ID ≤ 64 bytes',
		node: 'weCom',
		parameters: meeting({ additionalFields: { calendarId: v } }),
		good: 'cal-1',
		bad: x(65),
		field: 'Calendar ID',
		limit: 'over the limit of 64 bytes',
	},
	{
		name: 'meeting create: Invitees ≤ 300',
		node: 'weCom',
		parameters: meeting({ additionalFields: { invitees: v } }),
		good: ids(300),
		bad: ids(301),
		field: 'Invitees',
		limit: "over WeCom's limit of 300",
	},
	{
		name: 'meeting create: Password 4–6 digits',
		node: 'weCom',
		parameters: meeting({ settings: { password: v } }),
		good: '1234',
		bad: '1234567',
		field: 'Password',
		limit: '4 to 6 digits',
	},
	{
		name: 'meeting create: Hosts ≤ 10',
		node: 'weCom',
		parameters: meeting({ settings: { hosts: v } }),
		good: ids(10),
		bad: ids(11),
		field: 'Hosts',
		limit: "over WeCom's limit of 10",
	},
	{
		name: 'meeting create: Host Key 6 digits',
		node: 'weCom',
		parameters: meeting({ settings: { hostKey: v } }),
		good: '123456',
		bad: '12345',
		field: 'Host Key',
		limit: 'exactly 6 digits',
	},
	{
		name: 'meeting create: repeat interval ≤ 2 (weekly only)',
		node: 'weCom',
		parameters: meeting({ recurrence: { repeatType: 1, repeatInterval: v } }),
		good: 2,
		bad: 3,
		field: 'Every N Weeks',
		limit: 'at most 2',
	},
	{
		name: 'meeting create: daily/weekly series ≤ 200 occurrences',
		node: 'weCom',
		parameters: meeting({ recurrence: { repeatType: 0, repeatCount: v } }),
		good: 200,
		bad: 201,
		field: 'End After (Occurrences)',
		limit: 'outside 1–200',
	},
	{
		name: 'meeting create: monthly series ≤ 50 occurrences',
		node: 'weCom',
		parameters: meeting({ recurrence: { repeatType: 2, repeatCount: v } }),
		good: 50,
		bad: 51,
		field: 'End After (Occurrences)',
		limit: 'outside 1–50',
	},
	{
		name: 'meeting get: Meeting Code 9–12 digits',
		node: 'weCom',
		parameters: { resource: 'meeting', operation: 'get', lookupBy: 'meetingCode', meetingCode: v },
		good: '123-456-789',
		bad: '1234567',
		field: 'Meeting Code',
		limit: '9–12 digits',
	},

	// Messages (reference §3.1)
	{
		name: 'message send: member ID (userid) 1–64 characters',
		node: 'weCom',
		parameters: send('text', { recipients: { members: v }, content: '通知' }),
		good: 'lisi',
		bad: x(65, 'a'),
		field: 'Members',
		limit: '1–64',
	},
	{
		name: 'message send: mobile number (Members Are Mobile Numbers) 5–32 digits',
		node: 'weCom',
		parameters: send('text', {
			recipients: { members: v, membersAreMobiles: true },
			content: '通知',
		}),
		good: '13800000000',
		bad: '1'.repeat(33),
		field: 'Members',
		limit: '5–32 digits',
	},
	{
		name: 'message send: Duplicate Check Window ≤ 14400 s',
		node: 'weCom',
		parameters: send('text', { content: '通知', options: { duplicateCheckInterval: v } }),
		good: 14400,
		bad: 14401,
		field: 'Duplicate Check Window (Seconds)',
		limit: 'outside 1–14400',
	},
	{
		name: 'message send (text): Content ≤ 2048 bytes',
		node: 'weCom',
		parameters: send('text', { content: v }),
		good: '通知',
		bad: x(683, '通'),
		field: 'Content',
		limit: 'over the limit of 2048 bytes',
	},
	{
		name: 'message send (markdown): Content ≤ 2048 bytes',
		node: 'weCom',
		parameters: send('markdown', { content: v }),
		good: '**通知**',
		bad: x(2049),
		field: 'Content',
		limit: 'over the limit of 2048 bytes',
	},
	{
		name: 'message send (video): Title ≤ 128 bytes',
		node: 'weCom',
		parameters: send('video', { mediaSource: 'mediaId', mediaId: 'MEDIA', videoTitle: v }),
		good: '视频',
		bad: x(129),
		field: 'Video Title',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'message send (video): Description ≤ 512 bytes',
		node: 'weCom',
		parameters: send('video', { mediaSource: 'mediaId', mediaId: 'MEDIA', videoDescription: v }),
		good: '说明',
		bad: x(513),
		field: 'Video Description',
		limit: 'over the limit of 512 bytes',
	},
	...(
		[
			['cardTitle', 'Title', x(129), 'over the limit of 128 bytes'],
			['cardDescription', 'Description', x(513), 'over the limit of 512 bytes'],
			['cardUrl', 'URL', `https://a.example/${x(2040)}`, 'over the limit of 2048 bytes'],
			['cardButtonText', 'Button Text', '查看详情内容', 'over the limit of 4 characters'],
		] as const
	).map(
		([param, field, bad, limit]): Case => ({
			name: `message send (textcard): ${field} ${limit.replace('over the limit of', '≤')}`,
			node: 'weCom',
			parameters: send('textcard', {
				cardTitle: '标题',
				cardDescription: '描述',
				cardUrl: 'https://oa.example.com/1',
				cardButtonText: '详情',
				[param]: v,
			}),
			good: param === 'cardUrl' ? 'https://oa.example.com/2' : '详情',
			bad,
			field,
			limit,
		}),
	),
	{
		name: 'message send (news): 1–8 articles',
		node: 'weCom',
		parameters: send('news', {
			articles: {
				article: ids(9).map((t) => ({ title: t, url: 'https://a.example' })),
			},
		}),
		everyItemBad: true,
		field: 'Articles',
		limit: 'WeCom takes 1 to 8',
	},
	...(
		[
			['title', 'Title', x(129), 'over the limit of 128 bytes'],
			['description', 'Description', x(513), 'over the limit of 512 bytes'],
			['picurl', 'Picture URL', `https://a.example/${x(2040)}`, 'over the limit of 2048 bytes'],
		] as const
	).map(
		([param, name, bad, limit]): Case => ({
			name: `message send (news): article ${name} ${limit.replace('over the limit of', '≤')}`,
			node: 'weCom',
			parameters: send('news', {
				articles: { article: [{ title: '标题', url: 'https://a.example', [param]: v }] },
			}),
			good: param === 'picurl' ? 'https://a.example/p.png' : '好',
			bad,
			field: `Article 1 ${name}`,
			limit,
		}),
	),
	{
		name: 'message send (news): article Mini Program Page ≤ 128 bytes',
		node: 'weCom',
		parameters: send('news', {
			articles: { article: [{ title: '标题', appid: 'wxapp', pagepath: v }] },
		}),
		good: 'pages/index',
		bad: x(129),
		field: 'Article 1 Mini Program Page',
		limit: 'over the limit of 128 bytes',
	},
	...(
		[
			['title', 'Title', x(129), 'over the limit of 128 bytes'],
			['content', 'Content (HTML)', x(666 * 1024 + 1), 'over the limit of 681984 bytes'],
			['author', 'Author', x(65), 'over the limit of 64 bytes'],
			['digest', 'Digest', x(513), 'over the limit of 512 bytes'],
		] as const
	).map(
		([param, name, bad, limit]): Case => ({
			name: `message send (mpnews): article ${name} ${limit.replace('over the limit of', '≤')}`,
			node: 'weCom',
			parameters: send('mpnews', {
				mpArticles: {
					article: [{ title: '标题', thumb_media_id: 'THUMB', content: '<p>正文</p>', [param]: v }],
				},
			}),
			good: '好',
			bad,
			field: `Article 1 ${name}`,
			limit,
		}),
	),
	{
		name: 'message send (miniprogram_notice): Title 4–12 characters',
		node: 'weCom',
		parameters: send('miniprogram_notice', { miniAppId: 'wxapp', miniTitle: v }),
		good: '会议室预订成功',
		bad: x(13, '会'),
		field: 'Title',
		limit: 'over the limit of 12 characters',
	},
	{
		name: 'message send (miniprogram_notice): Description 4–12 characters',
		node: 'weCom',
		parameters: send('miniprogram_notice', {
			miniAppId: 'wxapp',
			miniTitle: '会议室预订成功',
			miniOptions: { description: v },
		}),
		good: '四月一日十点',
		bad: '三个字',
		field: 'Description',
		limit: 'under the minimum of 4 characters',
	},
	{
		name: 'message send (miniprogram_notice): Page ≤ 1024 bytes',
		node: 'weCom',
		parameters: send('miniprogram_notice', {
			miniAppId: 'wxapp',
			miniTitle: '会议室预订成功',
			miniOptions: { page: v },
		}),
		good: 'pages/index',
		bad: x(1025),
		field: 'Page',
		limit: 'over the limit of 1024 bytes',
	},
	{
		name: 'message send (miniprogram_notice): ≤ 10 content items',
		node: 'weCom',
		parameters: send('miniprogram_notice', {
			miniAppId: 'wxapp',
			miniTitle: '会议室预订成功',
			miniItems: { item: ids(11).map((key) => ({ key, value: '值' })) },
		}),
		everyItemBad: true,
		field: 'Content Items',
		limit: 'over the limit of 10',
	},
	{
		name: 'message send (miniprogram_notice): content item key ≤ 10 characters',
		node: 'weCom',
		parameters: send('miniprogram_notice', {
			miniAppId: 'wxapp',
			miniTitle: '会议室预订成功',
			miniItems: { item: [{ key: v, value: '值' }] },
		}),
		good: '会议室',
		bad: x(11, '会'),
		field: 'Content Item 1 Key',
		limit: 'over the limit of 10 characters',
	},
	{
		name: 'message send (miniprogram_notice): content item value ≤ 30 characters',
		node: 'weCom',
		parameters: send('miniprogram_notice', {
			miniAppId: 'wxapp',
			miniTitle: '会议室预订成功',
			miniItems: { item: [{ key: '会议室', value: v }] },
		}),
		good: '402',
		bad: x(31, '会'),
		field: 'Content Item 1 Value',
		limit: 'over the limit of 30 characters',
	},

	// Template cards (reference §3.1.1)
	{
		name: 'template card: image aspect ratio 1.3–2.25',
		node: 'weCom',
		parameters: card(),
		good: {
			card_type: 'news_notice',
			card_image: { url: 'https://a.example/i.png', aspect_ratio: 2.25 },
			card_action: action,
		},
		bad: {
			card_type: 'news_notice',
			card_image: { url: 'https://a.example/i.png', aspect_ratio: 2.3 },
			card_action: action,
		},
		field: 'Image Aspect Ratio',
		limit: 'outside 1.3–2.25',
	},
	{
		name: 'template card: task_id ≤ 128 bytes of [0-9a-zA-Z_-@]',
		node: 'weCom',
		parameters: card(),
		good: buttonCard({ task_id: x(128) }),
		bad: buttonCard({ task_id: x(129) }),
		field: 'Task ID',
		limit: 'at most 128',
	},
	{
		name: 'template card: ≤ 6 horizontal rows',
		node: 'weCom',
		parameters: card(),
		good: textNotice({ horizontal_content_list: ids(6).map((k) => ({ keyname: k, value: '1' })) }),
		bad: textNotice({ horizontal_content_list: ids(7).map((k) => ({ keyname: k, value: '1' })) }),
		field: 'Rows',
		limit: 'WeCom takes 0–6',
	},
	{
		name: 'template card: ≤ 3 links',
		node: 'weCom',
		parameters: card(),
		good: textNotice({ jump_list: ids(3).map((title) => ({ title, url: 'https://a.example' })) }),
		bad: textNotice({ jump_list: ids(4).map((title) => ({ title, url: 'https://a.example' })) }),
		field: 'Links',
		limit: 'WeCom takes 0–3',
	},
	{
		name: 'template card: ≤ 4 vertical rows',
		node: 'weCom',
		parameters: card(),
		good: textNotice({ vertical_content_list: ids(4).map((title) => ({ title })) }),
		bad: textNotice({ vertical_content_list: ids(5).map((title) => ({ title })) }),
		field: 'Vertical Rows',
		limit: 'WeCom takes 0–4',
	},
	{
		name: 'template card: 1–3 menu items',
		node: 'weCom',
		parameters: card(),
		good: textNotice({
			task_id: 't1',
			action_menu: { desc: '更多', action_list: ids(3).map((key) => ({ text: key, key })) },
		}),
		bad: textNotice({
			task_id: 't1',
			action_menu: { desc: '更多', action_list: ids(4).map((key) => ({ text: key, key })) },
		}),
		field: 'Menu Items',
		limit: 'WeCom takes 1–3',
	},
	{
		name: 'template card: 1–6 buttons',
		node: 'weCom',
		parameters: card(),
		good: buttonCard({ button_list: ids(6).map((key) => ({ text: key, key })) }),
		bad: buttonCard({ button_list: ids(7).map((key) => ({ text: key, key })) }),
		field: 'Buttons',
		limit: 'WeCom takes 1–6',
	},
	{
		name: 'template card: button key ≤ 1024 bytes',
		node: 'weCom',
		parameters: card(),
		good: buttonCard({ button_list: [{ text: '同意', key: x(1024) }] }),
		bad: buttonCard({ button_list: [{ text: '同意', key: x(1025) }] }),
		field: 'Button 1 Key',
		limit: 'over 1024 bytes',
	},
	{
		name: 'template card: menu item key (action_menu.action_list[].key) ≤ 1024 bytes',
		node: 'weCom',
		parameters: card(),
		good: textNotice({
			task_id: 't1',
			action_menu: { desc: '更多', action_list: [{ text: '忽略', key: x(1024) }] },
		}),
		bad: textNotice({
			task_id: 't1',
			action_menu: { desc: '更多', action_list: [{ text: '忽略', key: x(1025) }] },
		}),
		field: 'Menu Item 1 Key',
		limit: 'over the limit of 1024 bytes',
	},
	{
		name: 'template card: dropdown question_key ≤ 1024 bytes',
		node: 'weCom',
		parameters: card(),
		good: buttonCard({ button_selection: { question_key: x(1024), option_list: [option(1)] } }),
		bad: buttonCard({ button_selection: { question_key: x(1025), option_list: [option(1)] } }),
		field: 'Dropdown Question Key',
		limit: 'over the limit of 1024 bytes',
	},
	{
		name: 'template card: dropdown option id ≤ 128 bytes',
		node: 'weCom',
		parameters: card(),
		good: buttonCard({
			button_selection: { question_key: 'q', option_list: [{ id: x(128), text: '是' }] },
		}),
		bad: buttonCard({
			button_selection: { question_key: 'q', option_list: [{ id: x(129), text: '是' }] },
		}),
		field: 'Dropdown Option 1 ID',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'template card: dropdown (button_selection) 1–10 options',
		node: 'weCom',
		parameters: card(),
		good: buttonCard({
			button_selection: { question_key: 'q', option_list: ids(10).map((_, i) => option(i)) },
		}),
		bad: buttonCard({
			button_selection: { question_key: 'q', option_list: ids(11).map((_, i) => option(i)) },
		}),
		field: 'Dropdown Options',
		limit: 'WeCom takes 1–10',
	},
	{
		name: 'template card: vote 1–20 options',
		node: 'weCom',
		parameters: card(),
		good: {
			card_type: 'vote_interaction',
			main_title: { title: '投票' },
			task_id: 'vote-1',
			checkbox: { question_key: 'q', option_list: ids(20).map((_, i) => option(i)) },
			submit_button: { text: '提交', key: 'submit' },
		},
		bad: {
			card_type: 'vote_interaction',
			main_title: { title: '投票' },
			task_id: 'vote-1',
			checkbox: { question_key: 'q', option_list: ids(21).map((_, i) => option(i)) },
			submit_button: { text: '提交', key: 'submit' },
		},
		field: 'Vote Options',
		limit: 'WeCom takes 1–20',
	},
	{
		name: 'template card: vote question_key ≤ 1024 bytes',
		node: 'weCom',
		parameters: card(),
		good: vote({ checkbox: { question_key: x(1024), option_list: [option(1)] } }),
		bad: vote({ checkbox: { question_key: x(1025), option_list: [option(1)] } }),
		field: 'Vote Question Key',
		limit: 'over the limit of 1024 bytes',
	},
	{
		name: 'template card: vote option id ≤ 128 bytes',
		node: 'weCom',
		parameters: card(),
		good: vote({ checkbox: { question_key: 'q', option_list: [{ id: x(128), text: '是' }] } }),
		bad: vote({ checkbox: { question_key: 'q', option_list: [{ id: x(129), text: '是' }] } }),
		field: 'Vote Option 1 ID',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'template card: submit_button key ≤ 1024 bytes',
		node: 'weCom',
		parameters: card(),
		good: vote({ submit_button: { text: '提交', key: x(1024) } }),
		bad: vote({ submit_button: { text: '提交', key: x(1025) } }),
		field: 'Submit Button Key',
		limit: 'over the limit of 1024 bytes',
	},
	{
		name: 'template card: multiple choice 1–3 questions',
		node: 'weCom',
		parameters: card(),
		good: {
			card_type: 'multiple_interaction',
			main_title: { title: '选择' },
			task_id: 'multi-1',
			select_list: ids(3).map((q) => ({ question_key: q, option_list: [option(1)] })),
			submit_button: { text: '提交', key: 'submit' },
		},
		bad: {
			card_type: 'multiple_interaction',
			main_title: { title: '选择' },
			task_id: 'multi-1',
			select_list: ids(4).map((q) => ({ question_key: q, option_list: [option(1)] })),
			submit_button: { text: '提交', key: 'submit' },
		},
		field: 'Questions',
		limit: 'WeCom takes 1–3',
	},
	{
		name: 'template card: multiple choice 1–10 options per question',
		node: 'weCom',
		parameters: card(),
		good: {
			card_type: 'multiple_interaction',
			main_title: { title: '选择' },
			task_id: 'multi-1',
			select_list: [{ question_key: 'q', option_list: ids(10).map((_, i) => option(i)) }],
			submit_button: { text: '提交', key: 'submit' },
		},
		bad: {
			card_type: 'multiple_interaction',
			main_title: { title: '选择' },
			task_id: 'multi-1',
			select_list: [{ question_key: 'q', option_list: ids(11).map((_, i) => option(i)) }],
			submit_button: { text: '提交', key: 'submit' },
		},
		field: 'Question Options',
		limit: 'WeCom takes 1–10',
	},

	// Update template card (reference §3.3)
	...(
		[
			['updateMembers', 'Member IDs', ids(1001), ids(1000), "over WeCom's limit of 1000"],
			['updateDepartments', 'Departments', numbers(101), numbers(100), "over WeCom's limit of 100"],
			['updateTags', 'Tags', numbers(101), numbers(100), "over WeCom's limit of 100"],
		] as const
	).map(
		([param, field, bad, good, limit]): Case => ({
			name: `message update template card: ${field} ${limit.replace("over WeCom's limit of", '≤')}`,
			node: 'weCom',
			parameters: {
				resource: 'message',
				operation: 'updateTemplateCard',
				responseCode: 'RC1',
				updateScope: 'specific',
				updateMode: 'button',
				replaceButtonText: '已处理',
				[param]: v,
			},
			good,
			bad,
			field,
			limit,
		}),
	),
	{
		name: 'message update template card: New Button Text ≤ 10 characters',
		node: 'weCom',
		parameters: {
			resource: 'message',
			operation: 'updateTemplateCard',
			responseCode: 'RC1',
			updateScope: 'all',
			updateMode: 'button',
			replaceButtonText: v,
		},
		good: '已处理',
		bad: x(11, '处'),
		field: 'New Button Text',
		limit: 'over the limit of 10 characters',
	},

	// Send and wait: one card per run, built from item 0
	{
		name: 'message send and wait: Title ≤ 128 bytes',
		node: 'weCom',
		parameters: {
			resource: 'message',
			operation: 'sendAndWait',
			recipients: { members: 'lisi' },
			approvalTitle: v,
			approvalMessage: '请审批',
		},
		bad: x(129),
		firstItemOnly: true,
		field: 'Title',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'message send and wait: Message ≤ 2048 bytes',
		node: 'weCom',
		parameters: {
			resource: 'message',
			operation: 'sendAndWait',
			recipients: { members: 'lisi' },
			approvalTitle: '审批',
			approvalMessage: v,
		},
		bad: x(2049),
		firstItemOnly: true,
		field: 'Message',
		limit: 'over the limit of 2048 bytes',
	},

	// Group robot (reference §3.5)
	{
		name: 'group robot (text): Content ≤ 2048 bytes',
		node: 'weCom',
		parameters: robot('text', { content: v }),
		good: '构建成功',
		bad: x(2049),
		field: 'Content',
		limit: 'over the limit of 2048 bytes',
	},
	{
		name: 'group robot (markdown): Content ≤ 4096 bytes',
		node: 'weCom',
		parameters: robot('markdown', { content: v }),
		good: '## 构建成功',
		bad: x(4097),
		field: 'Content',
		limit: 'over the limit of 4096 bytes',
	},
	{
		name: 'group robot (markdown_v2): Content ≤ 4096 bytes',
		node: 'weCom',
		parameters: robot('markdown_v2', { content: v }),
		good: '| a | b |',
		bad: x(4097),
		field: 'Content',
		limit: 'over the limit of 4096 bytes',
	},
	{
		name: 'group robot (news): 1–8 articles',
		node: 'weCom',
		parameters: robot('news', {
			robotArticles: { article: ids(9).map((title) => ({ title, url: 'https://a.example' })) },
		}),
		everyItemBad: true,
		field: 'Articles',
		limit: 'WeCom takes 1 to 8',
	},
	{
		name: 'group robot (news): article Title ≤ 128 bytes',
		node: 'weCom',
		parameters: robot('news', {
			robotArticles: { article: [{ title: v, url: 'https://a.example' }] },
		}),
		good: '发布',
		bad: x(129),
		field: 'Article 1 Title',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'group robot (news): article Description ≤ 512 bytes',
		node: 'weCom',
		parameters: robot('news', {
			robotArticles: { article: [{ title: '发布', description: v, url: 'https://a.example' }] },
		}),
		good: '说明',
		bad: x(513),
		field: 'Article 1 Description',
		limit: 'over the limit of 512 bytes',
	},
	...(
		[
			['url', 'URL'],
			['picurl', 'Picture URL'],
		] as const
	).map(
		([param, name]): Case => ({
			name: `group robot (news): article ${name} ≤ 2048 bytes`,
			node: 'weCom',
			parameters: robot('news', {
				robotArticles: { article: [{ title: '发布', url: 'https://a.example', [param]: v }] },
			}),
			good: 'https://a.example/p.png',
			bad: `https://a.example/${x(2040)}`,
			field: `Article 1 ${name}`,
			limit: 'over the limit of 2048 bytes',
		}),
	),
	{
		name: 'group robot (text): Mention Mobiles 5–32 digits',
		node: 'weCom',
		parameters: robot('text', { content: '构建成功', mentionedMobileList: v }),
		good: '13800000000, @all',
		bad: '1'.repeat(33),
		field: 'Mention Mobiles',
		limit: '5–32 digits',
	},
	{
		name: 'group robot (image): ≤ 2 MB',
		node: 'weCom',
		parameters: robot('image', { binaryPropertyName: 'data' }),
		items: files(100, 2 * MB + 1, 'shot.png', 'image/png'),
		field: 'Input Binary Field',
		limit: 'limit of 2 MB',
	},
	{
		name: 'group robot (file): ≤ 20 MB',
		node: 'weCom',
		parameters: robot('file', { binaryPropertyName: 'data' }),
		items: files(100, 20 * MB + 1, 'report.pdf', 'application/pdf'),
		field: 'Input Binary Field',
		limit: 'limit of 20 MB',
	},
	{
		name: 'group robot (voice): ≤ 2 MB',
		node: 'weCom',
		parameters: robot('voice', { binaryPropertyName: 'data' }),
		items: files(100, 2 * MB + 1, 'memo.amr', 'audio/amr'),
		field: 'Input Binary Field',
		limit: 'limit of 2 MB',
	},

	// Media (reference §3.4)
	...(
		[
			['image', 10, 'a.png', 'image/png'],
			['voice', 2, 'a.amr', 'audio/amr'],
			['video', 10, 'a.mp4', 'video/mp4'],
			['file', 20, 'a.zip', 'application/zip'],
		] as const
	).map(
		([mediaType, mb, name, mime]): Case => ({
			name: `media upload (${mediaType}): ≤ ${mb} MB`,
			node: 'weCom',
			parameters: { resource: 'media', operation: 'upload', mediaType, binaryPropertyName: 'data' },
			items: files(100, mb * MB + 1, name, mime),
			field: 'Input Binary Field',
			limit: `limit of ${mb} MB`,
		}),
	),
	{
		name: 'media upload: every file > 5 bytes',
		node: 'weCom',
		parameters: {
			resource: 'media',
			operation: 'upload',
			mediaType: 'file',
			binaryPropertyName: 'data',
		},
		items: files(100, 5, 'a.txt', 'text/plain'),
		field: 'Input Binary Field',
		limit: 'WeCom needs more than 5',
	},
	{
		name: 'media upload permanent image: ≤ 2 MB',
		node: 'weCom',
		parameters: { resource: 'media', operation: 'uploadImage', binaryPropertyName: 'data' },
		items: files(100, 2 * MB + 1, 'a.jpg', 'image/jpeg'),
		field: 'Input Binary Field',
		limit: 'limit of 2 MB',
	},

	// Check-in (reference §5; 100 members and 30 days per call are split by the node, not refused)
	{
		name: 'check-in records: member ID (userid) 1–64 characters',
		node: 'weCom',
		parameters: { resource: 'checkin', operation: 'getRecords', who: 'members', members: v },
		good: 'zhangsan',
		bad: x(65, 'z'),
		field: 'Members',
		limit: '1–64',
	},
	{
		name: 'check-in daily reports: Limit ≥ 1',
		node: 'weCom',
		parameters: {
			resource: 'checkin',
			operation: 'getDailyReports',
			who: 'members',
			members: 'zhangsan',
			returnAll: false,
			limit: v,
		},
		good: 1,
		bad: 0,
		field: 'Limit',
		limit: 'at least 1',
	},

	// API Request: no documented field limit; the one documented rule is that the node adds the token
	{
		name: 'API request: no access_token in Query Parameters (the node adds it)',
		node: 'weCom',
		parameters: {
			resource: 'apiRequest',
			operation: 'request',
			method: 'GET',
			path: '/cgi-bin/user/get',
			query: { parameter: [{ name: v, value: 'x' }] },
		},
		good: 'userid',
		bad: 'access_token',
		field: 'Query Parameters',
		limit: 'must not contain "access_token"',
	},
];

// ---- WeLink ----

const users = { sendTo: 'users', users: ['zhangsan@welink'] };
const plainCard = (parameters: IDataObject): IDataObject => ({
	resource: 'message',
	operation: 'sendPlainCard',
	...users,
	sender: '审批',
	title: '报销审批',
	content: '请处理',
	...parameters,
});
const appCard = (parameters: IDataObject): IDataObject => ({
	resource: 'message',
	operation: 'sendAppCard',
	...users,
	title: '报销',
	link: 'https://oa.example.com/1',
	rows: { row: [{ key: '金额', value: '100' }] },
	...parameters,
});
const bilingual = (cn: string, en: string) => JSON.stringify({ CN: cn, EN: en });

const welinkCases: Case[] = [
	// Messages (reference §3)
	{
		name: 'message send plain card: Sender (msgOwner) ≤ 18 bytes',
		node: 'weLink',
		parameters: plainCard({ sender: v }),
		good: '审批',
		bad: x(7, '审'),
		field: 'Sender',
		limit: 'over the limit of 18 bytes',
	},
	{
		name: 'message send plain card: Title (msgTitle) ≤ 128 bytes',
		node: 'weLink',
		parameters: plainCard({ title: v }),
		good: '报销审批',
		bad: x(129),
		field: 'Title',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'message send plain card: bilingual Title ≤ 128 bytes as sent',
		node: 'weLink',
		parameters: plainCard({ title: v }),
		good: bilingual('报销', 'Expense'),
		bad: bilingual(x(35, '报'), x(20)),
		field: 'Title',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'message send plain card: Content (msgContent) ≤ 512 bytes',
		node: 'weLink',
		parameters: plainCard({ content: v }),
		good: '请处理',
		bad: x(513),
		field: 'Content',
		limit: 'over the limit of 512 bytes',
	},
	{
		name: 'message send plain card: Status (Chinese) 2–5 characters',
		node: 'weLink',
		parameters: plainCard({ options: { statusCn: v, statusEn: 'Done' } }),
		good: '已处理',
		bad: '已经处理完毕',
		field: 'Status (Chinese)',
		limit: 'over the limit of 5 characters',
	},
	{
		name: 'message send plain card: Status (English) 2–10 characters',
		node: 'weLink',
		parameters: plainCard({ options: { statusCn: '已处理', statusEn: v } }),
		good: 'Processed',
		bad: 'Processed!!',
		field: 'Status (English)',
		limit: 'over the limit of 10 characters',
	},
	{
		name: 'message send plain card: ≤ 100 departments',
		node: 'weLink',
		parameters: plainCard({ sendTo: 'departments', departments: v }),
		good: ids(100, 'd'),
		bad: ids(101, 'd'),
		field: 'Department Names or IDs',
		limit: "over WeLink's limit of 100",
	},
	{
		name: 'message send plain card: ≤ 100 roles',
		node: 'weLink',
		parameters: plainCard({ sendTo: 'roles', roles: v }),
		good: ids(100, 'r').join(','),
		bad: ids(101, 'r').join(','),
		field: 'Role IDs',
		limit: "over WeLink's limit of 100",
	},
	{
		name: 'message send plain card: user ID ≤ 128 characters',
		node: 'weLink',
		parameters: plainCard({ users: v }),
		good: 'zhangsan@welink',
		bad: x(129),
		field: 'User Names or IDs',
		limit: 'at most 128 characters',
	},
	{
		name: 'message send app card: ≤ 5 rows',
		node: 'weLink',
		parameters: appCard({ rows: { row: ids(6).map((key) => ({ key, value: '1' })) } }),
		everyItemBad: true,
		field: 'Rows',
		limit: "over WeLink's limit of 5",
	},
	{
		name: 'message send app card: row key ≤ 128 bytes',
		node: 'weLink',
		parameters: appCard({ rows: { row: [{ key: v, value: '100' }] } }),
		good: '金额',
		bad: x(129),
		field: 'Row 1 Key',
		limit: 'over the limit of 128 bytes',
	},
	{
		name: 'message send app card: row value ≤ 256 bytes',
		node: 'weLink',
		parameters: appCard({ rows: { row: [{ key: '金额', value: v }] } }),
		good: '100',
		bad: x(257),
		field: 'Row 1 Value',
		limit: 'over the limit of 256 bytes',
	},
	{
		name: 'message send app card: ≤ 2 buttons side by side',
		node: 'weLink',
		parameters: appCard({
			buttons: { button: ids(3).map((title) => ({ title, url: 'https://a.example' })) },
			options: { buttonLayout: v },
		}),
		good: 'vertical',
		bad: 'horizontal',
		field: 'Buttons',
		limit: "over WeLink's limit of 2",
	},
	{
		name: 'message send app card: ≤ 3 stacked buttons',
		node: 'weLink',
		parameters: appCard({
			buttons: { button: ids(4).map((title) => ({ title, url: 'https://a.example' })) },
			options: { buttonLayout: 'vertical' },
		}),
		everyItemBad: true,
		field: 'Buttons',
		limit: "over WeLink's limit of 3",
	},
	{
		name: 'message send news: 1–5 articles',
		node: 'weLink',
		parameters: {
			resource: 'message',
			operation: 'sendNews',
			...users,
			articles: { article: ids(6).map((title) => ({ title, ...article })) },
		},
		everyItemBad: true,
		field: 'Articles',
		limit: "over WeLink's limit of 5",
	},
	{
		name: 'message send news: Title ≤ 18 bytes',
		node: 'weLink',
		parameters: {
			resource: 'message',
			operation: 'sendNews',
			...users,
			articles: { article: [{ title: v, ...article }] },
		},
		good: '周报周报周报',
		bad: '周报周报周报周',
		field: 'Article 1 Title',
		limit: 'over the limit of 18 bytes',
	},
	{
		name: 'message send news: Description ≤ 140 bytes',
		node: 'weLink',
		parameters: {
			resource: 'message',
			operation: 'sendNews',
			...users,
			articles: { article: [{ title: '周报', description: v, ...article }] },
		},
		good: x(140),
		bad: x(141),
		field: 'Article 1 Description',
		limit: 'over the limit of 140 bytes',
	},
	{
		name: 'message send news: Image URL hosted by WeLink',
		node: 'weLink',
		parameters: {
			resource: 'message',
			operation: 'sendNews',
			...users,
			articles: { article: [{ title: '周报', url: 'https://a.example', imageUrl: v }] },
		},
		good: article.imageUrl,
		bad: 'https://img.example.com/a.png',
		field: 'Article 1 Image URL',
		limit: 'is not an image hosted by WeLink',
	},
	{
		name: 'message send public account text: Content ≤ 512 bytes',
		node: 'weLink',
		parameters: {
			resource: 'message',
			operation: 'sendPublicAccountText',
			users: ['zhangsan@welink'],
			sender: '通知',
			title: '通知',
			content: v,
			link: 'https://oa.example.com/1',
		},
		good: '请查看',
		bad: x(513),
		field: 'Content',
		limit: 'over the limit of 512 bytes',
	},
	{
		name: 'message update status: Status (Chinese) at least 2 characters',
		node: 'weLink',
		parameters: {
			resource: 'message',
			operation: 'updateStatus',
			itemId: 'item-1',
			users: ['zhangsan@welink'],
			statusCn: v,
			statusEn: 'Done',
		},
		good: '已办',
		bad: '办',
		field: 'Status (Chinese)',
		limit: 'under the minimum of 2 characters',
	},

	// Todos (reference §4: no length limits are documented; businessCode is letters and digits)
	{
		name: 'todo create: Business Code letters and digits only',
		node: 'weLink',
		parameters: {
			resource: 'todo',
			operation: 'create',
			taskId: 'task-1',
			title: '请审批',
			handler: { __rl: true, mode: 'id', value: 'zhangsan@welink' },
			handlerNameCn: '张三',
			handlerNameEn: 'Zhang San',
			applicant: { __rl: true, mode: 'id', value: 'lisi@welink' },
			applicantNameCn: '李四',
			applicantNameEn: 'Li Si',
			detailsUrl: 'https://oa.example.com/1',
			appName: 'OA',
			requestId: 'SP-1',
			options: { businessCode: v },
		},
		good: 'SP2026',
		bad: 'SP-2026',
		field: 'Business Code',
		limit: 'letters and digits',
	},

	// Contacts (reference §5)
	{
		name: 'contact create department: name ≤ 128 characters',
		node: 'weLink',
		parameters: {
			resource: 'department',
			operation: 'create',
			parentDepartment: { __rl: true, mode: 'id', value: '0' },
			corpDeptCode: 'D1',
			deptNameCn: v,
		},
		good: '研发部',
		bad: x(129, '研'),
		field: 'Name (Chinese)',
		limit: 'over the limit of 128 characters',
	},
	{
		name: 'contact create department: corp department code ≤ 64 characters',
		node: 'weLink',
		parameters: {
			resource: 'department',
			operation: 'create',
			parentDepartment: { __rl: true, mode: 'id', value: '0' },
			corpDeptCode: v,
			deptNameCn: '研发部',
		},
		good: 'D1',
		bad: x(65, 'D'),
		field: 'Corp Department Code',
		limit: 'at most 64 characters',
	},
	{
		name: 'contact sync departments: order 1–999',
		node: 'weLink',
		parameters: {
			resource: 'department',
			operation: 'syncBatch',
			syncAction: 'upsert',
			corpDeptCode: '={{ "D" + $itemIndex }}',
			deptNameCn: '研发部',
			corpParentCode: '0',
			additionalFields: { orderNo: v },
		},
		good: 999,
		bad: 1000,
		field: 'Order',
		limit: 'outside 1–999',
	},
	{
		name: 'contact sync users: wait for the batch job ≤ 900 s',
		node: 'weLink',
		parameters: {
			resource: 'user',
			operation: 'syncBatch',
			corpUserId: '={{ "E" + $itemIndex }}',
			userNameCn: '张三',
			mobileNumber: '+86-15811847236',
			corpDeptCodes: 'D1',
			options: { maxWaitSeconds: v },
		},
		bad: 901,
		// One batch job per run: the option is read from item 0.
		firstItemOnly: true,
		field: 'Max Wait (Seconds)',
		limit: 'outside 1–900',
	},

	// Attendance (reference §A.3: ≤ 50 people and ≤ 24 h per call are split by the node, not refused)
	{
		name: 'attendance records: employee number ≤ 128 characters',
		node: 'weLink',
		parameters: {
			resource: 'attendance',
			operation: 'getRecords',
			employeeIds: v,
			from: '2026-03-01 00:00',
			to: '2026-03-02 00:00',
		},
		good: 'E001',
		bad: x(129, 'E'),
		field: 'Employee Numbers',
		limit: 'at most 128 characters',
	},
];

describe('bad input is refused before any HTTP call, naming the field, the item and the limit', () => {
	const attempted: string[] = [];
	const record = (req: { method?: string; path?: string; options?: { host?: string } }) =>
		attempted.push(`${req.method ?? '?'} ${req.options?.host ?? ''}${req.path ?? ''}`);

	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
		nock.emitter.on('no match', record);
	});
	afterAll(() => {
		nock.emitter.removeListener('no match', record);
		nock.enableNetConnect();
		nock.cleanAll();
		nock.restore();
	});
	beforeEach(() => {
		attempted.length = 0;
	});

	const cases = [...wecomCases, ...welinkCases];

	it('has one case per limit, each named once', () => {
		expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
	});

	it.each(cases.map((c) => [`${c.node} ${c.name}`, c] as const))('%s', async (_name, c) => {
		const items: INodeExecutionData[] =
			c.items ??
			(c.firstItemOnly
				? [{ json: { v: c.bad } }]
				: c.everyItemBad
					? [{ json: {} }, { json: {} }, { json: {} }]
					: [{ json: { v: c.good } }, { json: { v: c.good } }, { json: { v: c.bad } }]);
		const run = await runNode(
			{ type: c.node, parameters: c.parameters, continueOnFail: c.everyItemBad },
			{ credentials, items: items as unknown as IDataObject[] },
		);
		expect(attempted).toEqual([]);

		const expectItem = (index: number, message: unknown, description: unknown) => {
			const text = String(message);
			expect(text.startsWith(`${c.field}: `)).toBe(true);
			expect(text.endsWith(` [item ${index}]`)).toBe(true);
			const named = `${text.replace(/ \[item \d+\]$/, '')}\n${c.limitInDescription ? String(description ?? '') : ''}`;
			expect(named).toContain(c.limit);
		};

		if (c.everyItemBad) {
			expect(run.error).toBeUndefined();
			const out = run.output('Node');
			expect(out).toHaveLength(items.length);
			out.forEach((item, index) => expectItem(index, item.error, item.description));
		} else {
			expect(run.error).toBeDefined();
			expectItem(c.firstItemOnly ? 0 : BAD_ITEM, run.error?.message, run.error?.description);
			expect(run.error?.description).toBeTruthy();
			expect(run.output('Node')).toEqual([]);
		}
	});
});
