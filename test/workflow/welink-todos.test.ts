import { SANDBOX_WELINK_TENANT_ID as T } from '../../sandbox/welink/world.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('WeLink todos against the sandbox', () => {
	const { sandbox, operations } = sandboxForTests();
	const op = operations('weLink', 'todo');
	const user = (name: string) => ({ __rl: true, mode: 'id', value: `${name}@${T}` });

	it('creates a todo (names read from contacts), hands it over and closes it', async () => {
		const created = await op('create', {
			taskId: 'SP-42-1',
			title: '张三的报销申请',
			handler: user('lisi'),
			detailsUrl: 'https://oa.example.com/42',
			appName: 'OA',
			applicant: user('zhangsan'),
			requestId: 'SP-42',
			options: {
				businessCode: 'SP42',
				pcDetailsUrl: 'https://oa.example.com/pc/42',
				sendMessage: true,
			},
		});
		expect(created.error).toBeUndefined();
		expect(created.output('Node')[0]).toMatchObject({
			taskId: 'SP-42-1',
			created: true,
			userId: `lisi@${T}`,
			userNameCn: '李四',
			userNameEn: 'Li Si',
			applicantUserNameCn: '张三',
		});
		const todo = sandbox.state.welink.todos.todos.get('SP-42-1');
		expect(todo?.body).toEqual({
			taskId: 'SP-42-1',
			taskTitle: '张三的报销申请',
			detailsUrl: 'https://oa.example.com/42',
			detailsUrlPc: 'https://oa.example.com/pc/42',
			appName: 'OA',
			applicantId: 'SP-42',
			isMsg: 1,
			businessCode: 'SP42',
			userId: `lisi@${T}`,
			userNameCn: '李四',
			userNameEn: 'Li Si',
			applicantUserId: `zhangsan@${T}`,
			applicantUserNameCn: '张三',
			applicantUserNameEn: 'Zhang San',
		});

		const handed = await op('handOver', {
			taskId: 'SP-42-1',
			nextHandler: user('wangwu'),
			nextHandlerNameCn: '王五',
			nextHandlerNameEn: 'Wang Wu',
		});
		expect(handed.output('Node')[0]).toMatchObject({
			taskId: 'SP-42-1',
			userId: `wangwu@${T}`,
			handedOver: true,
		});
		expect(todo?.handlers).toEqual([`lisi@${T}`, `wangwu@${T}`]);
		const update = sandbox.state.log.all({ path: '/api/todo/v2/updatetask' })[0];
		expect(update.query).toEqual({
			taskId: 'SP-42-1',
			userId: `wangwu@${T}`,
			userNameCn: '王五',
			userNameEn: 'Wang Wu',
		});
		expect(update.body).toBeUndefined();
		// Names were given: only the create read the contacts.
		expect(sandbox.state.log.counts({ platform: 'welink' })['/api/contact/v2/user/detail']).toBe(2);

		const closed = await op('close', { taskId: 'SP-42-1' });
		expect(closed.output('Node')[0]).toMatchObject({ taskId: 'SP-42-1', closed: true });
		expect(todo?.status).toBe('closed');
	});

	it('explains a todo that does not exist, on hand-over and on close', async () => {
		const handed = await op('handOver', {
			taskId: 'nope',
			nextHandler: user('wangwu'),
			nextHandlerNameCn: '王五',
			nextHandlerNameEn: 'Wang Wu',
		});
		expect(handed.error?.message).toBe(
			'WeLink cannot hand over todo "nope": it does not exist, is already closed or belongs to another app (55011)',
		);
		const closed = await op('close', { taskId: 'nope' });
		expect(closed.error?.message).toBe(
			'WeLink cannot close todo "nope": it does not exist, is already closed or belongs to another app (55009)',
		);
		expect(closed.error?.description).toContain('Check the Task ID');
	});

	it('names the handler when WeLink does not know them and no names are given', async () => {
		const created = await op('create', {
			taskId: 'T1',
			title: 'x',
			handler: user('ghost'),
			detailsUrl: 'https://oa.example.com/1',
			appName: 'OA',
			applicant: user('zhangsan'),
			requestId: 'R1',
		});
		expect(created.error?.message).toBe(
			`Handler: could not read the names of ghost@${T} from WeLink: WeLink: user not found (47001)`,
		);
		expect(sandbox.state.welink.todos.todos.size).toBe(0);
	});
});
