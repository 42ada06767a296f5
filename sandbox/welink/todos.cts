import { randomUUID } from 'node:crypto';

import type { Router } from '../http.cjs';
import { welinkRoute } from './routes.cjs';
import { TODO_CODES, checkQuery, validate, type WeLinkSchema } from './schema.cjs';
import { welinkFail, type WeLinkWorld } from './world.cjs';

/**
 * Todos: add (v3, JSON body: start-18, required fields, detailsUrlPc http(s) only, businessCode
 * letters and digits), hand over to the next handler (v2, PUT with the four query parameters:
 * start-20) and close (v1, DELETE ?taskId=: start-21); 55005 / 55000 for invalid / missing
 * parameters (start-21). UNCONFIRMED (README Known limits): no code is documented for a todo that
 * does not exist, so the sandbox answers 55011 (illegal flow update) on hand-over and 55009 (delete
 * failed) on close, and it refuses an open taskId added twice.
 */

export interface SandboxTodo {
	taskId: string;
	uuid: string;
	body: Record<string, unknown>;
	userId: string;
	userNameCn: string;
	userNameEn: string;
	/** Handlers in order, the current one last. */
	handlers: string[];
	status: 'open' | 'closed';
	createdAt: number;
	lastModifyTime: number;
}

export class TodoStore {
	readonly todos = new Map<string, SandboxTodo>();

	open() {
		return [...this.todos.values()].filter((t) => t.status === 'open');
	}
}

const ADD_V3: WeLinkSchema = {
	taskId: { type: 'string', required: true },
	taskTitle: { type: 'string', required: true },
	userId: { type: 'string', required: true },
	userNameCn: { type: 'string', required: true },
	userNameEn: { type: 'string', required: true },
	detailsUrl: { type: 'string', required: true },
	detailsUrlPc: { type: 'string' },
	appName: { type: 'string', required: true },
	applicantUserId: { type: 'string', required: true },
	applicantUserNameCn: { type: 'string', required: true },
	applicantUserNameEn: { type: 'string', required: true },
	isMsg: { type: 'int', enum: [0, 1] },
	isShowApplicantUserName: { type: 'bool' },
	applicantId: { type: 'string', required: true },
	businessCode: { type: 'string' },
};

function view(todo: SandboxTodo, tenantId: string) {
	return {
		...todo.body,
		taskId: todo.taskId,
		uuid: todo.uuid,
		userId: todo.userId,
		userNameCn: todo.userNameCn,
		userNameEn: todo.userNameEn,
		createTime: todo.createdAt,
		lastModifyTime: todo.lastModifyTime,
		tenantId,
	};
}

export function registerWeLinkTodoRoutes(router: Router, world: WeLinkWorld) {
	welinkRoute(router, world, 'POST', '/todo/v3/addtask', 'todo', ({ body }) => {
		validate(body, ADD_V3, TODO_CODES);
		for (const key of ['userId', 'applicantUserId'])
			if (!world.users.has(String(body[key])))
				welinkFail('55005', `${key} ${String(body[key])} is not a user`);
		if (body.detailsUrlPc !== undefined && !/^https?:\/\//.test(String(body.detailsUrlPc)))
			welinkFail('55005', 'detailsUrlPc must be http or https');
		if (body.businessCode !== undefined && !/^[A-Za-z0-9]+$/.test(String(body.businessCode)))
			welinkFail('55005', 'businessCode takes letters and digits');
		const existing = world.todos.todos.get(String(body.taskId));
		if (existing?.status === 'open') welinkFail('55005', 'taskId already exists');
		const todo: SandboxTodo = {
			taskId: String(body.taskId),
			uuid: randomUUID(),
			body,
			userId: String(body.userId),
			userNameCn: String(body.userNameCn),
			userNameEn: String(body.userNameEn),
			handlers: [String(body.userId)],
			status: 'open',
			createdAt: world.now(),
			lastModifyTime: world.now(),
		};
		world.todos.todos.set(todo.taskId, todo);
		return { message: '新增待办任务成功!', data: view(todo, world.tenantId) };
	});

	welinkRoute(router, world, 'PUT', '/todo/v2/updatetask', 'todo', ({ req, body }) => {
		// Everything goes in the query string (reference §4.2); a JSON body is a client mistake.
		if (Object.keys(body).length)
			welinkFail('55005', 'updatetask takes query parameters, not a body');
		checkQuery(
			req.query,
			['taskId', 'userId', 'userNameCn', 'userNameEn'],
			['taskId', 'userId', 'userNameCn', 'userNameEn'],
			TODO_CODES,
		);
		const todo = world.todos.todos.get(req.query.taskId);
		if (!todo || todo.status !== 'open')
			welinkFail('55011', `illegal flow update: task ${req.query.taskId} not found`);
		if (!world.users.has(req.query.userId))
			welinkFail('55005', `userId ${req.query.userId} is not a user`);
		todo.userId = req.query.userId;
		todo.userNameCn = req.query.userNameCn;
		todo.userNameEn = req.query.userNameEn;
		todo.handlers.push(req.query.userId);
		todo.lastModifyTime = world.now();
		return {
			message: '更新待办任务成功!',
			data: { ...view(todo, world.tenantId), userTaskCompleteUuid: randomUUID() },
		};
	});

	welinkRoute(router, world, 'DELETE', '/todo/v1/deltask', 'todo', ({ req }) => {
		checkQuery(req.query, ['taskId'], ['taskId'], TODO_CODES);
		const todo = world.todos.todos.get(req.query.taskId);
		if (!todo || todo.status !== 'open')
			welinkFail('55009', `delete failed: task ${req.query.taskId} not found`);
		todo.status = 'closed';
		todo.lastModifyTime = world.now();
		return {
			message: '删除待办任务成功!',
			data: { taskId: todo.taskId, uuid: todo.uuid, tenantId: world.tenantId },
		};
	});
}
