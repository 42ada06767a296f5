import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { seedLargeWeLinkContacts } from '../../sandbox/welink/contacts.cjs';
import { SANDBOX_WELINK_TENANT_ID as T } from '../../sandbox/welink/world.cjs';
import todoOnApproval from '../../examples/welink-todo-on-approval.json';
import { CREDENTIAL_IDS, itemsWorkflow, sandboxCredentials } from './fixtures.cjs';
import { cleanup, startN8n, type N8n } from './lab.cjs';

const WELINK = { wecomWelinkWeLinkApi: { id: CREDENTIAL_IDS.welink, name: 'WeLink (sandbox)' } };

const weLinkNode = (
	resource: string,
	operation: string,
	parameters: Record<string, unknown>,
	continueOnFail = false,
	typeVersion = 2,
) => ({
	type: 'n8n-nodes-wecom-welink.weLink',
	typeVersion,
	parameters: { resource, operation, ...parameters },
	credentials: WELINK,
	continueOnFail,
});

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

const workflows = [
	todoOnApproval,
	itemsWorkflow(
		'e2eWlMsgCard0001',
		'e2e-welink-card',
		weLinkNode('message', 'sendPlainCard', {
			users: '={{ $json.users }}',
			sender: '审批',
			title: '={{ $json.title }}',
			content: '={{ $json.text }}',
			options: {
				link: 'https://oa.example.com/approvals',
				statusCn: '待处理',
				statusEn: 'Pending',
			},
		}),
	),
	itemsWorkflow(
		'e2eWlMsgStatus01',
		'e2e-welink-card-status',
		weLinkNode('message', 'updateStatus', {
			itemId: '={{ $json.itemId }}',
			users: '={{ $json.users }}',
			statusCn: '已处理',
			statusEn: 'Done',
		}),
	),
	itemsWorkflow(
		'e2eWlTodoHand001',
		'e2e-welink-todo-handover',
		weLinkNode('todo', 'handOver', {
			taskId: '={{ $json.taskId }}',
			nextHandler: rl('id', '={{ $json.next }}'),
		}),
	),
	itemsWorkflow(
		'e2eWlDeptCreate1',
		'e2e-welink-dept-create',
		weLinkNode('department', 'create', {
			parentDepartment: rl('corpCode', '={{ $json.parent }}'),
			corpDeptCode: '={{ $json.code }}',
			deptNameCn: '={{ $json.name }}',
		}),
	),
	itemsWorkflow(
		'e2eWlDeptUpdate1',
		'e2e-welink-dept-update',
		weLinkNode('department', 'update', {
			department: rl('corpCode', '={{ $json.code }}'),
			updateFields: { deptNameCn: '={{ $json.name }}', deptNameEn: '={{ $json.nameEn }}' },
		}),
	),
	itemsWorkflow(
		'e2eWlDeptDelete1',
		'e2e-welink-dept-delete',
		weLinkNode('department', 'delete', { department: rl('corpCode', '={{ $json.code }}') }, true),
	),
	itemsWorkflow(
		'e2eWlUserCreate1',
		'e2e-welink-user-create',
		weLinkNode(
			'user',
			'create',
			{
				corpUserId: '={{ $json.id }}',
				userNameCn: '={{ $json.name }}',
				mobileNumber: '={{ $json.mobile }}',
				sex: 'F',
				departments: [],
				additionalFields: { corpDeptCodes: '={{ $json.depts }}' },
			},
			true,
		),
	),
	itemsWorkflow(
		'e2eWlUserUpdate1',
		'e2e-welink-user-update',
		weLinkNode('user', 'update', {
			user: rl('corpUserId', '={{ $json.id }}'),
			updateFields: { position: '={{ $json.position }}' },
		}),
	),
	itemsWorkflow(
		'e2eWlUserDelete1',
		'e2e-welink-user-delete',
		weLinkNode('user', 'delete', { user: rl('corpUserId', '={{ $json.id }}') }),
	),
	itemsWorkflow(
		'e2eWlUserGet0001',
		'e2e-welink-user-get',
		// Saved with version 1 (one Contact resource): runs as User → Get.
		weLinkNode('contact', 'getUser', { user: rl('corpUserId', '={{ $json.id }}') }, true, 1),
	),
	itemsWorkflow(
		'e2eWlDeptSync001',
		'e2e-welink-dept-sync',
		weLinkNode('department', 'syncBatch', {
			corpDeptCode: '={{ $json.code }}',
			deptNameCn: '={{ $json.name }}',
			corpParentCode: '={{ $json.parent }}',
		}),
	),
	itemsWorkflow(
		'e2eWlUserSync001',
		'e2e-welink-user-sync',
		weLinkNode('user', 'syncBatch', {
			corpUserId: '={{ $json.id }}',
			userNameCn: '={{ $json.name }}',
			mobileNumber: '={{ $json.mobile }}',
			sex: 'M',
			corpDeptCodes: '={{ $json.depts }}',
		}),
	),
	itemsWorkflow(
		'e2eWlAttendance1',
		'e2e-welink-attendance',
		weLinkNode('attendance', 'getRecords', {
			employeeIds: '={{ $json.people }}',
			from: '={{ $json.from }}',
			to: '={{ $json.to }}',
			returnAll: true,
		}),
	),
	{
		...itemsWorkflow(
			'e2eWlAttendNY01',
			'e2e-welink-attendance-ny',
			weLinkNode('attendance', 'getRecords', {
				employeeIds: '={{ $json.people }}',
				from: '={{ $json.from }}',
				to: '={{ $json.to }}',
				returnAll: true,
			}),
		),
		settings: { timezone: 'America/New_York' },
	},
	itemsWorkflow(
		'e2eWlNews000001',
		'e2e-welink-news',
		weLinkNode(
			'message',
			'sendNews',
			{
				users: '={{ $json.users }}',
				articles: {
					article: [
						{
							title: '={{ $json.title }}',
							description: '={{ $json.description }}',
							url: 'https://oa.example.com/weekly',
							imageUrl: '={{ $json.cover }}',
						},
						{
							title: '月报',
							url: 'https://oa.example.com/monthly',
							imageUrl: '={{ $json.image }}',
						},
					],
				},
			},
			true,
		),
	),
	itemsWorkflow(
		'e2eWlImage00001',
		'e2e-welink-image',
		weLinkNode(
			'message',
			'sendImage',
			{
				users: '={{ $json.users }}',
				imageUrl: '={{ $json.image }}',
				options: { link: 'https://oa.example.com/poster' },
			},
			true,
		),
	),
];

type Out = Array<Record<string, unknown>>;

describe('WeLink in real n8n (messages, todos, contacts, attendance)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const world = () => sandbox.state.welink;

	beforeAll(async () => {
		sandbox = await startSandbox();
		seedLargeWeLinkContacts(sandbox.state.welink, 5, 2500);
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	beforeEach(() => {
		sandbox.state.log.clear();
		sandbox.state.faults.clear();
	});

	it('sends one card to 2,500 users in 3 calls merged into one item, then updates its status', async () => {
		const users = Array.from({ length: 2500 }, (_, i) => `u${i}@${T}`);
		const { status, data } = await n8n.webhook('e2e-welink-card', {
			items: [
				{ users, title: { CN: '报销审批', EN: 'Expense approval' }, text: '您有 3 张报销单待处理' },
			],
		});
		expect(status).toBe(200);
		const out = data as Out;
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ calls: 3, failedUserId: [], recipients: { users: 2500 } });
		expect(out[0].itemIds).toHaveLength(3);
		expect(sandbox.state.log.counts({ platform: 'welink' })['/api/messages/v2/card/common']).toBe(
			3,
		);
		const sent = world().messages.messages;
		expect(sent.map((m) => m.deliveredTo.length)).toEqual([1000, 1000, 500]);
		expect(sent[0].body.msgTitle).toBe('{"CN":"报销审批","EN":"Expense approval"}');

		const first = sent[0];
		const updated = await n8n.webhook('e2e-welink-card-status', {
			items: [{ itemId: first.itemId, users: first.deliveredTo.slice(0, 2) }],
		});
		expect(updated.data).toEqual([expect.objectContaining({ updated: true, failedUserId: [] })]);
		expect(first.messageStatus).toBe('{"CN":"已处理","EN":"Done"}');
	});

	it('runs the approval example: creates the approver’s todo, hands it over, closes it; a missing todo is explained', async () => {
		const created = await n8n.webhook('welink-todo-on-approval', {
			event: 'pending',
			approvalId: 'SP-2026-0042',
			step: 1,
			approver: `lisi@${T}`,
			applicant: `zhangsan@${T}`,
			title: '张三的报销申请',
			url: 'https://oa.example.com/approvals/SP-2026-0042',
		});
		expect(created.data).toEqual({
			approvalId: 'SP-2026-0042',
			taskId: 'SP-2026-0042-1',
			handler: `lisi@${T}`,
			status: 'todo created',
		});
		const todo = world().todos.todos.get('SP-2026-0042-1');
		expect(todo).toMatchObject({
			status: 'open',
			userId: `lisi@${T}`,
			userNameCn: '李四',
			body: expect.objectContaining({
				applicantUserNameCn: '张三',
				businessCode: 'SP20260042',
				appName: 'OA',
			}),
		});

		const handed = await n8n.webhook('e2e-welink-todo-handover', {
			items: [{ taskId: 'SP-2026-0042-1', next: `wangwu@${T}` }],
		});
		expect(handed.data).toEqual([
			expect.objectContaining({ userId: `wangwu@${T}`, userNameCn: '王五', handedOver: true }),
		]);
		expect(todo?.handlers).toEqual([`lisi@${T}`, `wangwu@${T}`]);

		const closed = await n8n.webhook('welink-todo-on-approval', {
			event: 'done',
			approvalId: 'SP-2026-0042',
			step: 1,
		});
		expect(closed.data).toEqual({ taskId: 'SP-2026-0042-1', status: 'todo closed' });
		expect(todo?.status).toBe('closed');

		const again = await n8n.webhook('welink-todo-on-approval', {
			event: 'done',
			approvalId: 'SP-2026-0042',
			step: 1,
		});
		expect(again.status).toBe(502);
		expect(again.data).toMatchObject({
			approvalId: 'SP-2026-0042',
			status: 'failed',
			reason:
				'WeLink cannot close todo "SP-2026-0042-1": it does not exist, is already closed or belongs to another app (55009)',
		});
	});

	it('creates, updates and deletes a department and a user in real time', async () => {
		const dept = await n8n.webhook('e2e-welink-dept-create', {
			items: [{ parent: 'D001', code: 'E2E-D1', name: '端到端部' }],
		});
		const deptCode = (dept.data as Out)[0].deptCode as string;
		expect(world().departments.get(deptCode)).toMatchObject({
			corpDeptCode: 'E2E-D1',
			parentCode: '1001',
		});

		const user = await n8n.webhook('e2e-welink-user-create', {
			items: [
				{ id: 'E2E-U1', name: '端到端', mobile: '+86-13600000001', depts: 'E2E-D1' },
				{ id: 'E2E-U2', name: '坏号码', mobile: '13600000002', depts: 'E2E-D1' },
			],
		});
		expect((user.data as Out).map((o) => o.error ?? o.userId)).toEqual([
			`e2e-u1@${T}`,
			'Mobile Number: "13600000002" is not a mobile number in WeLink\'s format [item 1]',
		]);
		expect(sandbox.state.log.counts({ platform: 'welink' })['/api/contact/v1/user/create']).toBe(1);

		await n8n.webhook('e2e-welink-user-update', {
			items: [{ id: 'E2E-U1', position: '测试工程师' }],
		});
		expect(world().users.get(`e2e-u1@${T}`)).toMatchObject({
			position: '测试工程师',
			deptCodes: [deptCode],
		});

		await n8n.webhook('e2e-welink-dept-update', {
			items: [{ code: 'E2E-D1', name: '质量部', nameEn: 'QA' }],
		});
		expect(world().departments.get(deptCode)).toMatchObject({
			deptNameCn: '质量部',
			deptNameEn: 'QA',
		});

		const notEmpty = await n8n.webhook('e2e-welink-dept-delete', { items: [{ code: 'E2E-D1' }] });
		expect(notEmpty.data).toEqual([
			expect.objectContaining({
				error: 'WeLink: a parameter is not right (参数不对) (47004)',
				code: '47004',
			}),
		]);

		const deleted = await n8n.webhook('e2e-welink-user-delete', { items: [{ id: 'E2E-U1' }] });
		expect(deleted.data).toEqual([
			expect.objectContaining({ deleted: true, accountDeleted: false }),
		]);
		const gone = await n8n.webhook('e2e-welink-user-get', { items: [{ id: 'E2E-U1' }] });
		expect(gone.data).toEqual([
			expect.objectContaining({ error: 'WeLink: user not found (47001)' }),
		]);

		const removed = await n8n.webhook('e2e-welink-dept-delete', { items: [{ code: 'E2E-D1' }] });
		expect(removed.data).toEqual([expect.objectContaining({ deptCode, deleted: true })]);
		expect(world().departments.has(deptCode)).toBe(false);
	});

	it('syncs 120 departments and then users in batch jobs, polling each job, with a result per record', async () => {
		const departments = [
			{ code: 'SYNC-ROOT', name: '同步根', parent: '0' },
			...Array.from({ length: 119 }, (_, i) => ({
				code: `SYNC-${i}`,
				name: `同步部门${i}`,
				parent: 'SYNC-ROOT',
			})),
		];
		const synced = await n8n.webhook('e2e-welink-dept-sync', { items: departments.reverse() });
		const out = synced.data as Out;
		expect(out).toHaveLength(120);
		expect(out.every((o) => o.success === true && o.code === '0')).toBe(true);
		expect(out[119]).toMatchObject({ corpDeptCode: 'SYNC-ROOT', action: 'upsert' });
		const calls = sandbox.state.log.all({ platform: 'welink' }).map((e) => e.path);
		expect(calls.filter((p) => p === '/api/contact/v1/department/batch/sync')).toHaveLength(2);
		expect(calls.filter((p) => p === '/api/contact/v1/batch/result')).toHaveLength(4);
		const root = [...world().departments.values()].find((d) => d.corpDeptCode === 'SYNC-ROOT');
		expect(
			[...world().departments.values()].filter((d) => d.parentCode === root?.deptCode),
		).toHaveLength(119);

		const users = await n8n.webhook('e2e-welink-user-sync', {
			items: [
				{ id: 'SYNC-U1', name: '同步一', mobile: '+86-13500000001', depts: 'SYNC-0' },
				{ id: 'E001', name: '张三', mobile: '+86-15800000001', depts: 'SYNC-1,D001' },
			],
		});
		expect(users.data).toEqual([
			expect.objectContaining({ corpUserId: 'SYNC-U1', success: true, message: 'created' }),
			expect.objectContaining({ corpUserId: 'E001', success: true, message: 'updated' }),
		]);
		expect(world().users.get(`zhangsan@${T}`)?.deptCodes).toHaveLength(2);
	});

	it('sends news and images only as WeLink takes them: 18-byte titles, 140-byte descriptions, images uploaded to WeLink', async () => {
		const [cover, image] = [1, 2].map(() => world().messages.uploadImage(sandbox.url));
		const users = [`zhangsan@${T}`, `lisi@${T}`];
		const good = { users, title: '第一季度周报', description: '周'.repeat(46), cover, image };
		const sentBefore = world().messages.messages.length;
		const { data } = await n8n.webhook('e2e-welink-news', {
			items: [
				good,
				{ ...good, title: '第一季度销售周报' },
				{ ...good, description: '周'.repeat(47) },
				{ ...good, cover: 'https://img.example.com/cover.png' },
			],
		});
		const out = data as Out;
		expect(out[0]).toMatchObject({ messageType: 'news', itemId: expect.any(String), calls: 1 });
		expect(out.slice(1).map((o) => o.error)).toEqual([
			'Article 1 Title: is 24 bytes, over the limit of 18 bytes (a Chinese character takes 3 bytes) [item 1]',
			'Article 1 Description: is 141 bytes, over the limit of 140 bytes (a Chinese character takes 3 bytes) [item 2]',
			'Article 1 Image URL: "https://img.example.com/cover.png" is not an image hosted by WeLink (img.example.com) [item 3]',
		]);
		// Only the good item reached WeLink, exactly as start-144 describes it.
		const sent = world().messages.messages.slice(sentBefore);
		expect(sent.map((m) => [m.kind, m.deliveredTo])).toEqual([['news', users]]);
		expect(sent[0].body.news).toEqual([
			{
				title: '第一季度周报',
				newsUrl: 'https://oa.example.com/weekly',
				urlType: 'html',
				imageUrl: cover,
				description: '周'.repeat(46),
			},
			{
				title: '月报',
				newsUrl: 'https://oa.example.com/monthly',
				urlType: 'html',
				imageUrl: image,
			},
		]);

		const images = await n8n.webhook('e2e-welink-image', {
			items: [
				{ users, image },
				{ users, image: 'https://img.example.com/poster.png' },
			],
		});
		const [sentImage, refused] = images.data as Out;
		expect(sentImage).toMatchObject({ messageType: 'image', itemId: expect.any(String) });
		expect(refused.error).toBe(
			'Image URL: "https://img.example.com/poster.png" is not an image hosted by WeLink (img.example.com) [item 1]',
		);
		expect(world().messages.messages.at(-1)?.body).toMatchObject({
			imageUrl: image,
			jumpUrl: 'https://oa.example.com/poster',
		});
	});

	it('reads punch records in a New York workflow as the same instants WeLink recorded in China', async () => {
		// 2026-03-02 00:00–12:00 New York = 13:00 Mon – 01:00 Tue in China: E001's 18:00 punch out
		const { data } = await n8n.webhook('e2e-welink-attendance-ny', {
			items: [{ people: ['E001'], from: '2026-03-02 00:00', to: '2026-03-02 12:00' }],
		});
		expect(data).toEqual([
			expect.objectContaining({
				corpUserId: 'E001',
				punchTime: '2026-03-02T05:00:00.000-05:00',
				checkTime: '2026-03-02T05:00:00.000-05:00',
				raw: expect.objectContaining({ punchTime: '2026-03-02 18:00:00' }),
			}),
		]);
		const [query] = sandbox.state.log.all({ path: '/api/attendance/v3/records' }).slice(-1);
		expect(query.body).toMatchObject({
			userIdList: ['E001'],
			startTime: '2026-03-02 13:00:00',
			endTime: '2026-03-03 01:00:00',
		});
	});

	it('reads punch records for 60 people over two days in the workflow timezone', async () => {
		const people = Array.from({ length: 60 }, (_, i) => `B${String(i).padStart(5, '0')}`);
		// Tue 2026-03-03 00:00 → Thu 2026-03-05 00:00 in Asia/Shanghai: 2 weekdays × 2 punches
		const { data } = await n8n.webhook('e2e-welink-attendance', {
			items: [{ people, from: '2026-03-03 00:00', to: '2026-03-05 00:00' }],
		});
		const records = data as Out;
		expect(records).toHaveLength(60 * 2 * 2);
		expect(
			records.every((r) => /^2026-03-0[34]T\d\d:\d\d:00\.000\+08:00$/.test(String(r.punchTime))),
		).toBe(true);
		// 2 groups (50 + 10) × 2 windows; the 50-people windows take two pages
		const bodies = sandbox.state.log
			.all({ path: '/api/attendance/v3/records' })
			.map((e) => e.body as Record<string, unknown>);
		expect(bodies.filter((b) => b.offset === 0)).toHaveLength(4);
		expect(bodies.every((b) => (b.userIdList as string[]).length <= 50)).toBe(true);
	});
});
