import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink, type Call } from './fake';

const node = (operation: string, parameters: Record<string, unknown>) => ({
	type: 'weLink',
	parameters: { resource: 'todo', operation, ...parameters },
});
const user = (value: string) => ({ __rl: true, mode: 'id', value });

const create = (parameters: Record<string, unknown> = {}) =>
	node('create', {
		taskId: 'SP-42-1',
		title: '张三的报销申请',
		handler: user('lisi@welink'),
		handlerNameCn: '李四',
		handlerNameEn: 'Li Si',
		detailsUrl: 'https://oa.example.com/42',
		appName: 'OA',
		applicant: user('zhangsan@welink'),
		applicantNameCn: '张三',
		applicantNameEn: 'Zhang San',
		requestId: 'SP-42',
		...parameters,
	});

beforeEach(resetWeLink);

describe('Todo: Create', () => {
	it('sends the v3 fields to todo/v3/addtask and returns WeLink’s data', async () => {
		const calls = fakeWeLink(() => ({
			code: '0',
			message: '新增待办任务成功!',
			data: { taskId: 'SP-42-1', uuid: 'uuid-1', tenantId: 't1' },
		}));
		const run = await runNode(
			create({
				options: {
					pcDetailsUrl: 'https://oa.example.com/pc/42',
					sendMessage: true,
					showApplicantName: false,
					businessCode: 'SP42',
				},
			}),
			{ credentials },
		);
		expect(calls).toEqual([
			{
				method: 'POST',
				path: '/todo/v3/addtask',
				query: {},
				token: 'TOKEN',
				body: {
					taskId: 'SP-42-1',
					taskTitle: '张三的报销申请',
					detailsUrl: 'https://oa.example.com/42',
					appName: 'OA',
					applicantId: 'SP-42',
					detailsUrlPc: 'https://oa.example.com/pc/42',
					isMsg: 1,
					isShowApplicantUserName: false,
					businessCode: 'SP42',
					userId: 'lisi@welink',
					userNameCn: '李四',
					userNameEn: 'Li Si',
					applicantUserId: 'zhangsan@welink',
					applicantUserNameCn: '张三',
					applicantUserNameEn: 'Zhang San',
				},
			},
		]);
		expect(run.output('Node')[0]).toMatchObject({
			taskId: 'SP-42-1',
			uuid: 'uuid-1',
			created: true,
		});
	});

	it('reads missing names from contacts, once per person, falling back to the Chinese name', async () => {
		const calls = fakeWeLink((call) =>
			call.path === '/contact/v2/user/detail'
				? {
						code: '0',
						userId: (call.body as { userId: string }).userId,
						userNameCn: '李四',
						userNameEn: '',
					}
				: { code: '0', data: {} },
		);
		await runNode(
			create({
				handlerNameCn: '',
				handlerNameEn: '',
				applicant: user('lisi@welink'),
				applicantNameCn: '',
				applicantNameEn: '',
			}),
			{ credentials },
		);
		expect(calls.map((c) => [c.method, c.path, c.body])).toEqual([
			['POST', '/contact/v2/user/detail', { userId: 'lisi@welink' }],
			[
				'POST',
				'/todo/v3/addtask',
				expect.objectContaining({
					userNameCn: '李四',
					userNameEn: '李四',
					applicantUserNameCn: '李四',
				}),
			],
		]);
	});

	it('is not repeated after an ambiguous failure', async () => {
		const calls = fakeWeLink(() => [502, 'Bad Gateway']);
		const run = await runNode(create(), { credentials });
		expect(calls).toHaveLength(1);
		expect(run.error?.message).toBe('WeLink: Bad Gateway (HTTP 502)');
	});

	it.each([
		[{ taskId: '={{ "" }}' }, 'Task ID: is required [item 0]'],
		[{ taskId: 'SP 42' }, 'Task ID: "SP 42" contains spaces [item 0]'],
		[{ title: '={{ "" }}' }, 'Title: is required [item 0]'],
		[{ detailsUrl: 'oa/42' }, 'Details URL: "oa/42" is not a link [item 0]'],
		[{ appName: '={{ "" }}' }, 'App Name: is required [item 0]'],
		[{ requestId: '={{ "" }}' }, 'Request ID: is required [item 0]'],
		[{ handler: user('={{ "" }}') }, 'Handler: is required [item 0]'],
		[
			{ applicant: user('zhang san') },
			'Applicant: "zhang san" is not an ID (no spaces, at most 128 characters) [item 0]',
		],
		[
			{ options: { pcDetailsUrl: 'h5://app/index.html' } },
			'PC Details URL: "h5://app/index.html" is not an http(s) URL [item 0]',
		],
		[
			{ options: { businessCode: 'SP-42' } },
			'Business Code: "SP-42" has characters other than letters and digits [item 0]',
		],
	])('refuses %j before any call', async (parameters, message) => {
		const calls: Call[] = fakeWeLink();
		const run = await runNode(create(parameters), { credentials });
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBeTruthy();
		expect(calls).toEqual([]);
	});
});

describe('Todo: Hand Over and Close', () => {
	it('hands over with query parameters only (PUT todo/v2/updatetask)', async () => {
		const calls = fakeWeLink(() => ({
			code: '0',
			message: '更新待办任务成功!',
			data: { taskId: 'T1', uuid: 'u' },
		}));
		const run = await runNode(
			node('handOver', {
				taskId: 'T1',
				nextHandler: user('wangwu@welink'),
				nextHandlerNameCn: '王五',
				nextHandlerNameEn: 'Wang Wu',
			}),
			{ credentials },
		);
		expect(calls).toEqual([
			{
				method: 'PUT',
				path: '/todo/v2/updatetask',
				query: { taskId: 'T1', userId: 'wangwu@welink', userNameCn: '王五', userNameEn: 'Wang Wu' },
				token: 'TOKEN',
				body: undefined,
			},
		]);
		expect(run.output('Node')).toEqual([
			{
				taskId: 'T1',
				uuid: 'u',
				userId: 'wangwu@welink',
				userNameCn: '王五',
				userNameEn: 'Wang Wu',
				handedOver: true,
			},
		]);
	});

	it('explains a missing todo on hand-over', async () => {
		fakeWeLink(() => ({ code: '55011', message: 'illegal flow update' }));
		const run = await runNode(
			node('handOver', {
				taskId: 'T404',
				nextHandler: user('wangwu@welink'),
				nextHandlerNameCn: '王五',
				nextHandlerNameEn: 'Wang Wu',
			}),
			{ credentials },
		);
		expect(run.error?.message).toBe(
			'WeLink cannot hand over todo "T404": it does not exist, is already closed or belongs to another app (55011)',
		);
		expect(run.error?.description).toBe(
			'Check the Task ID: it is the ID you gave when creating the todo. WeLink said: illegal flow update',
		);
	});

	it('closes with DELETE todo/v1/deltask?taskId=, retrying a lost answer (closing twice is harmless)', async () => {
		const calls = fakeWeLink((_c, n) =>
			n === 1
				? [503, 'unavailable']
				: { code: '0', message: '删除待办任务成功!', data: { taskId: 'T1', uuid: 'u' } },
		);
		const run = await runNode(node('close', { taskId: 'T1' }), { credentials });
		expect(calls.map((c) => [c.method, c.path, c.query, c.body])).toEqual([
			['DELETE', '/todo/v1/deltask', { taskId: 'T1' }, undefined],
			['DELETE', '/todo/v1/deltask', { taskId: 'T1' }, undefined],
		]);
		expect(run.output('Node')).toEqual([{ taskId: 'T1', uuid: 'u', closed: true }]);
	});

	it('explains a missing todo on close and keeps other codes as WeLink explains them', async () => {
		fakeWeLink(() => ({ code: '55009', message: '删除待办任务失败' }));
		const missing = await runNode(node('close', { taskId: 'T404' }), { credentials });
		expect(missing.error?.message).toBe(
			'WeLink cannot close todo "T404": it does not exist, is already closed or belongs to another app (55009)',
		);
		resetWeLink();
		fakeWeLink(() => ({ code: '55002', message: 'no permission' }));
		const denied = await runNode(node('close', { taskId: 'T1' }), { credentials });
		expect(denied.error?.message).toBe('WeLink: no permission for todos (55002)');
	});

	it.each([
		[node('close', { taskId: '={{ "" }}' }), 'Task ID: is required [item 0]'],
		[
			node('handOver', { taskId: 'T1', nextHandler: user('={{ "" }}') }),
			'Next Handler: is required [item 0]',
		],
	])('refuses %j before any call', async (parameters, message) => {
		const calls = fakeWeLink();
		const run = await runNode(parameters, { credentials });
		expect(run.error?.message).toBe(message);
		expect(calls).toEqual([]);
	});
});
