import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink, type Call } from './fake';

const node = (operation: string, parameters: Record<string, unknown>, continueOnFail = false) => ({
	type: 'weLink',
	parameters: { resource: 'message', operation, ...parameters },
	continueOnFail,
});

const plainCard = (parameters: Record<string, unknown> = {}) =>
	node('sendPlainCard', {
		users: 'zhangsan@welink, lisi@welink',
		sender: '审批',
		title: '报销审批',
		content: '张三提交了报销单',
		...parameters,
	});

const ok = (n: number) => ({ code: '0', message: 'ok', itemId: `item-${n}` });

beforeEach(resetWeLink);

describe('Message: Send Plain Card (exact JSON)', () => {
	it('sends every field as messages/v2/card/common documents it, with the bare token header', async () => {
		const calls = fakeWeLink((_c, n) => ok(n));
		const run = await runNode(
			plainCard({
				title: '{"CN":"报销审批","EN":"Expense approval"}',
				options: {
					publicAccountId: 'pubOA001',
					devices: '0',
					strongReminder: true,
					link: 'https://oa.example.com/42',
					pcLink: 'https://oa.example.com/pc/42',
					statusCn: '待处理',
					statusEn: 'Pending',
					statusColor: '3',
				},
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(calls).toEqual([
			{
				method: 'POST',
				path: '/messages/v2/card/common',
				query: {},
				token: 'TOKEN',
				body: {
					msgRange: '0',
					toUserList: ['zhangsan@welink', 'lisi@welink'],
					msgOwner: '审批',
					msgTitle: '{"CN":"报销审批","EN":"Expense approval"}',
					msgContent: '张三提交了报销单',
					publicAccID: 'pubOA001',
					receiveDeviceType: '0',
					messageStatus: '{"CN":"待处理","EN":"Pending"}',
					statusColor: '3',
					isForceTips: 1,
					urlType: 'html',
					urlPath: 'https://oa.example.com/42',
					desktopUrlPath: 'https://oa.example.com/pc/42',
				},
			},
		]);
		expect(run.output('Node')).toEqual([
			{
				itemId: 'item-1',
				itemIds: ['item-1'],
				failedUserId: [],
				calls: 1,
				messageType: 'plainCard',
				recipients: { users: 2 },
			},
		]);
	});

	it('takes bilingual text as an object from an expression', async () => {
		const calls = fakeWeLink((_c, n) => ok(n));
		await runNode(plainCard({ content: '={{ $json.text }}' }), {
			credentials,
			items: [{ text: { CN: '请审批', EN: 'Please approve' } }],
		});
		expect((calls[0].body as Record<string, unknown>).msgContent).toBe(
			'{"CN":"请审批","EN":"Please approve"}',
		);
	});

	it('splits 2,500 users into 1,000-user calls and merges itemIds and failed users into one item', async () => {
		const calls = fakeWeLink((call, n) => ({
			...ok(n),
			failedUserId: n === 2 ? [(call.body as { toUserList: string[] }).toUserList[5]] : [],
		}));
		const users = Array.from({ length: 2500 }, (_, i) => `u${i}@welink`);
		const run = await runNode(plainCard({ users: '={{ $json.users }}' }), {
			credentials,
			items: [{ users }],
		});
		expect(calls.map((c) => (c.body as { toUserList: string[] }).toUserList)).toEqual([
			users.slice(0, 1000),
			users.slice(1000, 2000),
			users.slice(2000),
		]);
		expect(run.output('Node')).toEqual([
			expect.objectContaining({
				itemId: 'item-1',
				itemIds: ['item-1', 'item-2', 'item-3'],
				failedUserId: ['u1005@welink'],
				calls: 3,
				recipients: { users: 2500 },
			}),
		]);
	});

	it('sends to departments (msgRange 1) and roles (msgRange 2) in one call', async () => {
		const calls = fakeWeLink((_c, n) => ok(n));
		await runNode(plainCard({ sendTo: 'departments', departments: ['1001', '1002'] }), {
			credentials,
		});
		await runNode(plainCard({ sendTo: 'roles', roles: 'role_hr|role_it' }), { credentials });
		expect(calls.map((c) => c.body)).toEqual([
			expect.objectContaining({ msgRange: '1', departmentList: ['1001', '1002'] }),
			expect.objectContaining({ msgRange: '2', roleList: ['role_hr', 'role_it'] }),
		]);
		expect(calls.some((c) => 'toUserList' in (c.body as object))).toBe(false);
	});

	it('lists the users of a call refused with 51019 (not following) and still sends the other calls', async () => {
		const calls = fakeWeLink((_c, n) =>
			n === 1
				? { code: '51019', message: '不能给非粉丝用户推送消息', failedUserId: ['u0@welink'] }
				: ok(n),
		);
		const users = Array.from({ length: 1001 }, (_, i) => `u${i}@welink`);
		const run = await runNode(plainCard({ users: '={{ $json.users }}' }), {
			credentials,
			items: [{ users }],
		});
		expect(calls).toHaveLength(2);
		expect(run.output('Node')[0]).toMatchObject({
			itemIds: ['item-2'],
			failedUserId: users.slice(0, 1000),
			calls: 2,
		});
	});

	it('fails when every call is refused with 51019', async () => {
		fakeWeLink(() => ({
			code: '51019',
			message: '不能给非粉丝用户推送消息',
			failedUserId: ['zhangsan@welink'],
		}));
		const run = await runNode(plainCard(), { credentials });
		expect(run.error?.message).toBe(
			'WeLink: recipients are not followers of the public account (非粉丝) (51019)',
		);
		// The answer's other fields stay readable for the user.
		expect(run.error?.context?.details).toMatchObject({
			code: '51019',
			body: { failedUserId: ['zhangsan@welink'] },
		});
	});

	it('reports the delivered itemIds when a later call fails', async () => {
		fakeWeLink((_c, n) => (n === 1 ? ok(1) : { code: '51078', message: 'system error' }));
		const users = Array.from({ length: 1500 }, (_, i) => `u${i}@welink`);
		const run = await runNode(plainCard({ users: '={{ $json.users }}' }), {
			credentials,
			items: [{ users }],
		});
		expect(run.error?.message).toBe(
			'Sent 1 of 2 calls, then failed: WeLink: WeLink message service error (51078)',
		);
		expect(run.error?.description).toContain('itemId item-1');
	});

	it('never repeats a send after an ambiguous failure (HTTP 500)', async () => {
		const calls = fakeWeLink(() => [500, 'Internal Server Error']);
		const run = await runNode(plainCard(), { credentials });
		expect(calls).toHaveLength(1);
		expect(run.error?.message).toContain('HTTP 500');
	});

	it('retries a 48503 rate-limit refusal (WeLink did not act on it)', async () => {
		const calls = fakeWeLink((_c, n) => (n === 1 ? { code: '48503', message: '接口超限' } : ok(n)));
		const run = await runNode(plainCard(), { credentials });
		expect(calls).toHaveLength(2);
		expect(run.output('Node')[0]).toMatchObject({ itemId: 'item-2' });
	});
});

describe('Message: other types (exact JSON)', () => {
	it('app card: rows, buttons, layout and card options', async () => {
		const calls = fakeWeLink((_c, n) => ok(n));
		const run = await runNode(
			node('sendAppCard', {
				users: 'zhangsan@welink',
				title: '出差申请',
				link: 'h5://123/html/index.html',
				rows: {
					row: [
						{ key: '申请人', value: '张三' },
						{ key: '{"CN":"目的地","EN":"To"}', value: '上海' },
					],
				},
				buttons: { button: [{ title: '同意', url: 'https://oa.example.com/ok' }] },
				options: { statusCn: '待审批', statusEn: 'Pending', strongReminder: false },
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(calls[0]).toMatchObject({ method: 'POST', path: '/messages/v1/card/wecode' });
		expect(calls[0].body).toEqual({
			msgRange: '0',
			toUserList: ['zhangsan@welink'],
			msgTitle: '出差申请',
			urlType: 'html',
			urlPath: 'h5://123/html/index.html',
			contentList: [
				{ key: '申请人', value: '张三' },
				{ key: '{"CN":"目的地","EN":"To"}', value: '上海' },
			],
			messageStatus: '{"CN":"待审批","EN":"Pending"}',
			isForceTips: 0,
			btnType: 'horizontal',
			btnList: [{ btnTitle: '同意', btnUrl: 'https://oa.example.com/ok', urlType: 'html' }],
		});
		expect(run.output('Node')[0]).toMatchObject({ messageType: 'appCard' });
	});

	// start-143/144: images are uploaded to WeLink first; the docs' example address.
	const IMG =
		'https://open.welink.huaweicloud.com/tinyimage/v2/images/8c87826bf4be6540b460_298x206.png';

	it('image with a link', async () => {
		const calls = fakeWeLink((_c, n) => ok(n));
		await runNode(
			node('sendImage', {
				users: 'zhangsan@welink',
				imageUrl: IMG,
				options: { link: 'https://example.com/a', devices: '2' },
			}),
			{ credentials },
		);
		expect(calls[0]).toMatchObject({
			path: '/messages/v1/image',
			body: {
				msgRange: '0',
				toUserList: ['zhangsan@welink'],
				imageUrl: IMG,
				jumpUrl: 'https://example.com/a',
				receiveDeviceType: '2',
			},
		});
	});

	it('news with two articles, at the limits: 18-byte title, 140-byte description, WeLink images', async () => {
		const calls = fakeWeLink((_c, n) => ok(n));
		// Images on the credential's own API host count as WeLink's (a dedicated deployment).
		const own = 'https://welink.test/tinyimage/v2/images/abc_100x100.png';
		const run = await runNode(
			node('sendNews', {
				users: 'zhangsan@welink',
				articles: {
					article: [
						{
							title: '第一季度周报',
							url: 'https://example.com/1',
							description: '周'.repeat(46),
							imageUrl: IMG,
						},
						{ title: 'Monthly report 18', url: 'https://example.com/2', imageUrl: own },
					],
				},
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(calls[0]).toMatchObject({ path: '/messages/v1/news' });
		expect((calls[0].body as Record<string, unknown>).news).toEqual([
			{
				title: '第一季度周报',
				newsUrl: 'https://example.com/1',
				urlType: 'html',
				description: '周'.repeat(46),
				imageUrl: IMG,
			},
			{
				title: 'Monthly report 18',
				newsUrl: 'https://example.com/2',
				urlType: 'html',
				imageUrl: own,
			},
		]);
		expect(run.output('Node')[0]).toMatchObject({ itemId: 'item-1', messageType: 'news' });
	});

	it('public account text (messages/v3/send): isForceTips and display mode as numbers (JAR MessagesV3SendRequest)', async () => {
		const calls = fakeWeLink(() => ({ code: '0', message: 'ok' }));
		const run = await runNode(
			node('sendPublicAccountText', {
				users: 'zhangsan@welink',
				sender: 'OA',
				title: '通知',
				content: '系统维护',
				link: 'https://oa.example.com',
				options: {
					publicAccountId: 'pubOA001',
					pcLink: 'https://oa.example.com/pc',
					displayMode: 0,
					strongReminder: true,
				},
			}),
			{ credentials },
		);
		expect(calls[0]).toEqual(
			expect.objectContaining({
				path: '/messages/v3/send',
				body: {
					msgRange: '0',
					toUserList: ['zhangsan@welink'],
					msgOwner: 'OA',
					msgTitle: '通知',
					msgContent: '系统维护',
					urlType: 'html',
					urlPath: 'https://oa.example.com',
					publicAccID: 'pubOA001',
					desktopUrlPath: 'https://oa.example.com/pc',
					msgDisplayMode: 0,
					isForceTips: 1,
				},
			}),
		);
		// No itemId in the answer: none in the output either.
		expect(run.output('Node')[0]).toMatchObject({ itemIds: [], calls: 1 });
	});

	it('update status: 1,500 users in two calls, safe to repeat', async () => {
		const calls = fakeWeLink((_c, n) =>
			n === 1
				? [500, 'busy']
				: { code: '0', message: 'ok', failedUserId: n === 3 ? ['u1400@welink'] : [] },
		);
		const users = Array.from({ length: 1500 }, (_, i) => `u${i}@welink`);
		const run = await runNode(
			node('updateStatus', {
				itemId: 'item-1',
				users: '={{ $json.users }}',
				statusCn: '已处理',
				statusEn: 'Done',
				options: { statusColor: '2', publicAccountId: 'pubOA001' },
			}),
			{ credentials, items: [{ users }] },
		);
		expect(
			calls.map((c) => [c.path, (c.body as { toUserList: string[] }).toUserList.length]),
		).toEqual([
			['/messages/v1/update', 1000],
			['/messages/v1/update', 1000],
			['/messages/v1/update', 500],
		]);
		expect(calls[0].body).toEqual({
			itemId: 'item-1',
			messageStatus: '{"CN":"已处理","EN":"Done"}',
			statusColor: '2',
			publicAccID: 'pubOA001',
			toUserList: users.slice(0, 1000),
		});
		expect(run.output('Node')).toEqual([
			{
				itemId: 'item-1',
				updated: true,
				messageStatus: '{"CN":"已处理","EN":"Done"}',
				users: 1500,
				calls: 2,
				failedUserId: ['u1400@welink'],
			},
		]);
	});

	it('recall', async () => {
		const calls = fakeWeLink();
		const run = await runNode(node('recall', { itemId: 'item-9' }), { credentials });
		expect(calls).toEqual([
			{
				method: 'POST',
				path: '/messages/v1/recall',
				query: {},
				token: 'TOKEN',
				body: { itemId: 'item-9' },
			},
		]);
		expect(run.output('Node')).toEqual([{ itemId: 'item-9', recalled: true }]);
	});
});

const tooMany = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const IMAGE = 'https://open.welink.huaweicloud.com/tinyimage/v2/images/a_1x1.png';

describe('Message: every limit is checked before any call', () => {
	const cases: Array<[string, ReturnType<typeof node>, string]> = [
		[
			'sender over 18 bytes',
			plainCard({ sender: '人力资源部门通知' }),
			'Sender: is 24 bytes, over the limit of 18 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		['sender empty', plainCard({ sender: '={{ "" }}' }), 'Sender: is required [item 0]'],
		[
			'title over 128 bytes',
			plainCard({ title: '标'.repeat(43) }),
			'Title: is 129 bytes, over the limit of 128 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			'bilingual title over 128 bytes as sent',
			plainCard({ title: JSON.stringify({ CN: '标'.repeat(30), EN: 'x'.repeat(30) }) }),
			'Title: is 137 bytes as sent (both languages in JSON), over the limit of 128 bytes [item 0]',
		],
		[
			'bilingual title without EN',
			plainCard({ title: '{"CN":"标题"}' }),
			'Title (EN): is empty in the bilingual text [item 0]',
		],
		[
			'bilingual title with another key',
			plainCard({ title: '{"CN":"标题","EN":"T","JP":"x"}' }),
			'Title: has the key "JP"; bilingual text takes only "CN" and "EN" [item 0]',
		],
		[
			'content over 512 bytes',
			plainCard({ content: 'x'.repeat(513) }),
			'Content: is 513 bytes, over the limit of 512 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			'status CN under 2 characters',
			plainCard({ options: { statusCn: '办', statusEn: 'Done' } }),
			'Status (Chinese): is 1 character, under the minimum of 2 characters [item 0]',
		],
		[
			'status CN over 5 characters',
			plainCard({ options: { statusCn: '已经处理完成了', statusEn: 'Done' } }),
			'Status (Chinese): is 7 characters, over the limit of 5 characters [item 0]',
		],
		[
			'status EN under 2 characters',
			plainCard({ options: { statusCn: '已办', statusEn: 'D' } }),
			'Status (English): is 1 character, under the minimum of 2 characters [item 0]',
		],
		[
			'status EN over 10 characters',
			plainCard({ options: { statusCn: '已办', statusEn: 'Processed!!' } }),
			'Status (English): is 11 characters, over the limit of 10 characters [item 0]',
		],
		[
			'status EN without CN',
			plainCard({ options: { statusEn: 'Done' } }),
			'Status (Chinese): is required with a status [item 0]',
		],
		[
			'status color without status',
			plainCard({ options: { statusColor: '2' } }),
			'Status Color: is set without a status [item 0]',
		],
		['no users', plainCard({ users: '={{ [] }}' }), 'User Names or IDs: is empty [item 0]'],
		[
			'a user name instead of an ID',
			plainCard({ users: 'zhang san' }),
			'User Names or IDs: "zhang san" is not a WeLink user ID (no spaces, at most 128 characters) [item 0]',
		],
		[
			'101 departments',
			plainCard({ sendTo: 'departments', departments: tooMany(101, 'd') }),
			"Department Names or IDs: has 101 entries, over WeLink's limit of 100 [item 0]",
		],
		[
			'101 roles',
			plainCard({ sendTo: 'roles', roles: tooMany(101, 'r').join(',') }),
			"Role IDs: has 101 entries, over WeLink's limit of 100 [item 0]",
		],
		[
			'a link without a scheme',
			plainCard({ options: { link: 'oa.example.com/42' } }),
			'Link URL: "oa.example.com/42" is not a link [item 0]',
		],
		[
			'a public account ID with a space',
			plainCard({ options: { publicAccountId: 'pub OA' } }),
			'Public Account ID: "pub OA" is not an ID [item 0]',
		],
	];
	const appCard = (parameters: Record<string, unknown>) =>
		node('sendAppCard', {
			users: 'zhangsan@welink',
			title: '出差申请',
			link: 'https://oa.example.com',
			rows: { row: [{ key: 'k', value: 'v' }] },
			...parameters,
		});
	const buttons = (n: number) => ({
		button: tooMany(n, 'b').map((title) => ({ title, url: 'https://x.cn' })),
	});
	cases.push(
		['app card without rows', appCard({ rows: {} }), 'Rows: is empty [item 0]'],
		[
			'app card with 6 rows',
			appCard({ rows: { row: tooMany(6, 'k').map((key) => ({ key, value: 'v' })) } }),
			"Rows: has 6 rows, over WeLink's limit of 5 shown on a card [item 0]",
		],
		[
			'row key over 128 bytes',
			appCard({ rows: { row: [{ key: 'k'.repeat(129), value: 'v' }] } }),
			'Row 1 Key: is 129 bytes, over the limit of 128 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			'row value over 256 bytes',
			appCard({ rows: { row: [{ key: 'k', value: '值'.repeat(86) }] } }),
			'Row 1 Value: is 258 bytes, over the limit of 256 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			'row value empty',
			appCard({ rows: { row: [{ key: 'k', value: '' }] } }),
			'Row 1 Value: is required [item 0]',
		],
		[
			'3 horizontal buttons',
			appCard({ buttons: buttons(3) }),
			"Buttons: has 3 buttons, over WeLink's limit of 2 for the horizontal layout [item 0]",
		],
		[
			'4 vertical buttons',
			appCard({ buttons: buttons(4), options: { buttonLayout: 'vertical' } }),
			"Buttons: has 4 buttons, over WeLink's limit of 3 for the vertical layout [item 0]",
		],
		[
			'a button without a URL',
			appCard({ buttons: { button: [{ title: 'OK', url: '' }] } }),
			'Button 1 URL: is required [item 0]',
		],
		['app card without a link', appCard({ link: '={{ "" }}' }), 'Link URL: is required [item 0]'],
		[
			'image URL not http(s)',
			node('sendImage', { users: 'a@welink', imageUrl: 'ftp://x/a.png' }),
			'Image URL: "ftp://x/a.png" is not an http(s) URL [item 0]',
		],
		[
			'an image not hosted by WeLink',
			node('sendImage', { users: 'a@welink', imageUrl: 'https://img.example.com/a.png' }),
			'Image URL: "https://img.example.com/a.png" is not an image hosted by WeLink (img.example.com) [item 0]',
		],
		[
			'a look-alike WeLink host',
			node('sendImage', {
				users: 'a@welink',
				imageUrl: 'https://welink.huaweicloud.com.evil.cn/a.png',
			}),
			'Image URL: "https://welink.huaweicloud.com.evil.cn/a.png" is not an image hosted by WeLink (welink.huaweicloud.com.evil.cn) [item 0]',
		],
		[
			'news article without an image',
			node('sendNews', {
				users: 'a@welink',
				articles: { article: [{ title: 't', url: 'https://x.cn', imageUrl: '={{ "" }}' }] },
			}),
			'Article 1 Image URL: is required [item 0]',
		],
		[
			'news article title over 18 bytes',
			node('sendNews', {
				users: 'a@welink',
				articles: {
					article: [{ title: '第一季度销售周报', url: 'https://x.cn', imageUrl: IMAGE }],
				},
			}),
			'Article 1 Title: is 24 bytes, over the limit of 18 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			'news article description over 140 bytes',
			node('sendNews', {
				users: 'a@welink',
				articles: {
					article: [
						{ title: 't', url: 'https://x.cn', imageUrl: IMAGE, description: '周'.repeat(47) },
					],
				},
			}),
			'Article 1 Description: is 141 bytes, over the limit of 140 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			'news without articles',
			node('sendNews', { users: 'a@welink', articles: {} }),
			'Articles: is empty [item 0]',
		],
		[
			'news with 6 articles',
			node('sendNews', {
				users: 'a@welink',
				articles: {
					article: tooMany(6, 't').map((title) => ({
						title,
						url: 'https://x.cn',
						imageUrl: IMAGE,
					})),
				},
			}),
			"Articles: has 6 articles, over WeLink's limit of 5 [item 0]",
		],
		[
			'news article without a title',
			node('sendNews', {
				users: 'a@welink',
				articles: { article: [{ title: '={{ "" }}', url: 'https://x.cn', imageUrl: IMAGE }] },
			}),
			'Article 1 Title: is required [item 0]',
		],
		[
			'news article without a URL',
			node('sendNews', {
				users: 'a@welink',
				articles: { article: [{ title: 't', url: '={{ "" }}', imageUrl: IMAGE }] },
			}),
			'Article 1 URL: is required [item 0]',
		],
		[
			'public account text without a link',
			node('sendPublicAccountText', {
				users: 'a@welink',
				sender: 'OA',
				title: 't',
				content: 'c',
				link: '={{ "" }}',
			}),
			'Link URL: is required [item 0]',
		],
		[
			'update status without an item ID',
			node('updateStatus', {
				itemId: '={{ "" }}',
				users: 'a@welink',
				statusCn: '已办',
				statusEn: 'Done',
			}),
			'Item ID: is required [item 0]',
		],
		[
			'update status without users',
			node('updateStatus', { itemId: 'i', users: '={{ [] }}', statusCn: '已办', statusEn: 'Done' }),
			'User Names or IDs: is empty [item 0]',
		],
		[
			'update status without the Chinese status',
			node('updateStatus', {
				itemId: 'i',
				users: 'a@welink',
				statusCn: '={{ "" }}',
				statusEn: 'Done',
			}),
			'Status (Chinese): is required with a status [item 0]',
		],
		[
			'update status with a long English status',
			node('updateStatus', {
				itemId: 'i',
				users: 'a@welink',
				statusCn: '已办',
				statusEn: 'Processed!!',
			}),
			'Status (English): is 11 characters, over the limit of 10 characters [item 0]',
		],
		[
			'recall without an item ID',
			node('recall', { itemId: '={{ "" }}' }),
			'Item ID: is required [item 0]',
		],
	);

	it.each(cases)('refuses %s', async (_name, parameters, message) => {
		const calls: Call[] = fakeWeLink();
		const run = await runNode(parameters, { credentials });
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBeTruthy();
		expect(calls).toEqual([]);
	});
});
