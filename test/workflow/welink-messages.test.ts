import { seedLargeWeLinkContacts } from '../../sandbox/welink/contacts.cjs';
import { SANDBOX_WELINK_TENANT_ID as T } from '../../sandbox/welink/world.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('WeLink messages against the sandbox', () => {
	const { sandbox, operations, weLinkCredentials } = sandboxForTests();
	const op = operations('weLink', 'message');
	const store = () => sandbox.state.welink.messages;

	it('sends a plain card to 2,500 users in 3 calls, merged into one item, then updates and recalls it', async () => {
		seedLargeWeLinkContacts(sandbox.state.welink, 5, 2500);
		const users = [...Array.from({ length: 2499 }, (_, i) => `u${i}@${T}`), 'ghost@welink'];
		const sent = await op(
			'sendPlainCard',
			{
				users: '={{ $json.users }}',
				sender: '审批',
				title: '={{ $json.title }}',
				content: '请处理报销单 SP-42',
				options: { link: 'https://oa.example.com/42', statusCn: '待处理', statusEn: 'Pending' },
			},
			[{ users, title: { CN: '报销审批', EN: 'Expense approval' } }],
		);
		expect(sent.error).toBeUndefined();
		const [out] = sent.output('Node');
		expect(out).toMatchObject({
			calls: 3,
			messageType: 'plainCard',
			recipients: { users: 2500 },
			failedUserId: ['ghost@welink'],
		});
		expect(out.itemIds).toHaveLength(3);
		expect(out.itemId).toBe((out.itemIds as string[])[0]);
		expect(store().messages.map((m) => m.deliveredTo.length)).toEqual([1000, 1000, 499]);
		expect(store().messages[0].body).toMatchObject({
			msgRange: '0',
			msgOwner: '审批',
			msgTitle: '{"CN":"报销审批","EN":"Expense approval"}',
			urlType: 'html',
			urlPath: 'https://oa.example.com/42',
			messageStatus: '{"CN":"待处理","EN":"Pending"}',
		});
		expect(sandbox.state.log.counts({ platform: 'welink' })).toEqual({
			'/api/auth/v2/tickets': 1,
			'/api/messages/v2/card/common': 3,
		});

		const first = store().messages[0];
		const updated = await op('updateStatus', {
			itemId: first.itemId,
			users: first.deliveredTo.slice(0, 3).join(','),
			statusCn: '已处理',
			statusEn: 'Done',
			options: { statusColor: '2' },
		});
		expect(updated.output('Node')).toEqual([
			expect.objectContaining({ itemId: first.itemId, updated: true, calls: 1, failedUserId: [] }),
		]);
		expect(first.updates).toEqual([
			{
				users: first.deliveredTo.slice(0, 3),
				messageStatus: '{"CN":"已处理","EN":"Done"}',
				statusColor: '2',
			},
		]);

		const recalled = await op('recall', { itemId: first.itemId });
		expect(recalled.output('Node')).toEqual([{ itemId: first.itemId, recalled: true }]);
		expect(first.recalled).toBe(true);
		const again = await op('recall', { itemId: first.itemId });
		expect(again.error?.message).toBe('WeLink: message not found (51111)');
	});

	it('sends an app card, an image, news and a public account text exactly as the sandbox accepts them', async () => {
		const to = { users: `zhangsan@${T},lisi@${T}` };
		const card = await op('sendAppCard', {
			...to,
			title: '出差申请',
			link: 'h5://20260101000000001/html/index.html',
			rows: {
				row: [
					{ key: '申请人', value: '张三' },
					{ key: '目的地', value: '{"CN":"上海","EN":"Shanghai"}' },
				],
			},
			buttons: {
				button: [
					{ title: '同意', url: 'https://oa.example.com/ok' },
					{ title: '拒绝', url: 'https://oa.example.com/no' },
					{ title: '转交', url: 'https://oa.example.com/fwd' },
				],
			},
			options: { buttonLayout: 'vertical', strongReminder: true, devices: '1' },
		});
		expect(card.error).toBeUndefined();
		// start-143/144: images are uploaded to WeLink first, and its address is sent.
		const [poster, cover] = [1, 2].map(() => store().uploadImage(sandbox.url));
		const image = await op('sendImage', {
			...to,
			imageUrl: poster,
			options: { link: 'https://example.com' },
		});
		expect(image.error).toBeUndefined();
		const news = await op('sendNews', {
			sendTo: 'departments',
			departments: ['1001'],
			articles: {
				article: [
					{
						title: '周报',
						url: 'https://example.com/1',
						description: '第 1 周',
						imageUrl: cover,
					},
					{ title: '月报', url: 'https://example.com/2', imageUrl: poster },
				],
			},
		});
		expect(news.output('Node')[0]).toMatchObject({ calls: 1, recipients: { departments: 1 } });
		// Plain cards, images and news answer with an itemId (start-141/143/144); app cards do not say.
		expect([card, image, news].map((r) => typeof r.output('Node')[0].itemId)).toEqual([
			'undefined',
			'string',
			'string',
		]);
		const text = await op('sendPublicAccountText', {
			users: `wangwu@${T}`,
			sender: 'OA',
			title: '通知',
			content: '系统维护',
			link: 'https://oa.example.com',
			options: { publicAccountId: 'pubOA001', displayMode: 1, strongReminder: false },
		});
		expect(text.error).toBeUndefined();
		expect(store().messages.map((m) => [m.kind, m.deliveredTo])).toEqual([
			['card/wecode', [`zhangsan@${T}`, `lisi@${T}`]],
			['image', [`zhangsan@${T}`, `lisi@${T}`]],
			// 研发部 (1001) and its sub-department 平台组 (1003)
			['news', [`zhangsan@${T}`, `wangwu@${T}`]],
			['v3/send', [`wangwu@${T}`]],
		]);
		expect(store().messages[0].body).toMatchObject({
			btnType: 'vertical',
			isForceTips: 1,
			receiveDeviceType: '1',
		});
		expect(store().messages[3].body).toMatchObject({
			publicAccID: 'pubOA001',
			msgDisplayMode: 1,
			isForceTips: 0,
		});
	});

	it('sends to roles, and reports users who do not follow the public account', async () => {
		store().publicAccounts.get('pubOA001')?.nonFollowers.add(`lisi@${T}`);
		const byRole = await op('sendPlainCard', {
			sendTo: 'roles',
			roles: 'role_finance',
			sender: '财务',
			title: '报销到账',
			content: '请查收',
			options: { publicAccountId: 'pubOA001' },
		});
		expect(byRole.output('Node')[0]).toMatchObject({
			calls: 1,
			recipients: { roles: 1 },
			failedUserId: [`lisi@${T}`],
		});
		expect(store().messages[0].deliveredTo).toEqual([`wangwu@${T}`]);

		const onlyNonFollower = await op('sendPlainCard', {
			users: `lisi@${T}`,
			sender: '财务',
			title: '报销到账',
			content: '请查收',
			options: { publicAccountId: 'pubOA001' },
		});
		expect(onlyNonFollower.error?.message).toBe(
			'WeLink: recipients are not followers of the public account (非粉丝) (51019)',
		);
	});

	it('is as strict as WeLink: 1,001 recipients, unknown fields and bad statuses are refused (raw API requests)', async () => {
		const raw = async (path: string, body: Record<string, unknown>, method = 'POST') =>
			await runNode(
				{
					type: 'weLink',
					parameters: {
						resource: 'apiRequest',
						operation: 'request',
						method,
						path,
						body: JSON.stringify(body),
					},
				},
				{ credentials: weLinkCredentials() },
			);
		const card = { msgOwner: 'OA', msgTitle: 'T', msgContent: 'C' };
		const tooMany = await raw('/messages/v2/card/common', {
			...card,
			toUserList: Array.from({ length: 1001 }, (_, i) => `u${i}@${T}`),
		});
		expect(tooMany.error?.message).toBe('WeLink: more than 1,000 recipients in one send (51018)');
		const typo = await raw('/messages/v2/card/common', {
			...card,
			toUserList: [`lisi@${T}`],
			publicAccId: 'x',
		});
		expect(typo.error?.message).toBe('WeLink: invalid parameter (51062)');
		expect(typo.error?.description).toContain('unknown field publicAccId');
		const status = await raw('/messages/v2/card/common', {
			...card,
			toUserList: [`lisi@${T}`],
			messageStatus: '{"CN":"已经处理完成了","EN":"Done"}',
		});
		expect(status.error?.message).toBe('WeLink: invalid messageStatus (51104)');
		const notUploaded = await raw('/messages/v1/image', {
			toUserList: [`lisi@${T}`],
			imageUrl: `${sandbox.url}/tinyimage/v2/images/never-uploaded.png`,
		});
		expect(notUploaded.error?.description).toContain(
			'imageUrl is not the address of an image uploaded to WeLink',
		);
		const article = { newsUrl: 'https://x.cn', imageUrl: store().uploadImage(sandbox.url) };
		const longTitle = await raw('/messages/v1/news', {
			toUserList: [`lisi@${T}`],
			news: [{ ...article, title: '第一季度销售周报' }],
		});
		expect(longTitle.error?.description).toContain('news[0].title exceeds 18 bytes');
		const noLink = await raw('/messages/v1/news', {
			toUserList: [`lisi@${T}`],
			news: [{ title: '周报', imageUrl: article.imageUrl }],
		});
		expect(noLink.error?.message).toBe('WeLink: missing parameters (51021)');
		const handOverWithBody = await raw(
			'/todo/v2/updatetask',
			{ taskId: 't', userId: `lisi@${T}`, userNameCn: '李四', userNameEn: 'Li Si' },
			'PUT',
		);
		expect(handOverWithBody.error?.message).toBe(
			'WeLink: todo service: parameter validation failed (55005)',
		);
		expect(store().messages).toHaveLength(0);
	});

	it('keeps valid items when one is invalid (Continue On Fail) and sends nothing for the invalid one', async () => {
		const run = await op(
			'sendPlainCard',
			{ users: '={{ $json.to }}', sender: '={{ $json.sender }}', title: 'T', content: 'C' },
			[
				{ to: `zhangsan@${T}`, sender: '审批' },
				{ to: `lisi@${T}`, sender: '一个非常非常长的发送者' },
				{ to: `wangwu@${T}`, sender: '考勤' },
			],
			true,
		);
		expect(run.output('Node').map((o) => o.error ?? o.calls)).toEqual([
			1,
			'Sender: is 33 bytes, over the limit of 18 bytes (a Chinese character takes 3 bytes) [item 1]',
			1,
		]);
		expect(store().messages.map((m) => m.deliveredTo)).toEqual([
			[`zhangsan@${T}`],
			[`wangwu@${T}`],
		]);
	});
});
