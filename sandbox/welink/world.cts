import { randomBytes } from 'node:crypto';

import type { SandboxRequest } from '../http.cjs';
import { AttendanceStore } from './attendance.cjs';
import { ContactJobStore } from './contacts.cjs';
import { WeLinkMessageStore } from './messages.cjs';
import { TodoStore } from './todos.cjs';

export const SANDBOX_WELINK_CLIENT_ID = '20260101000000001';

export const SANDBOX_WELINK_CLIENT_SECRET = 'sandbox-welink-secret-0123456789abcdef';

export const SANDBOX_WELINK_TENANT_ID = 'd9d92e24e5';

export class WeLinkFault extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly httpStatus = 200,
		readonly extra: Record<string, unknown> = {},
	) {
		super(message);
	}
}

export function welinkFail(
	code: string,
	message: string,
	extra: Record<string, unknown> = {},
): never {
	throw new WeLinkFault(code, message, 200, extra);
}

export interface WeLinkApp {
	clientId: string;
	clientSecret: string;
	/** API permissions granted in the developer console, e.g. 'contact:read', 'message', 'todo'. */
	permissions: Set<string>;
}

interface IssuedToken {
	app: WeLinkApp;
	expiresAt: number;
	revoked: boolean;
	/** Permissions fixed when the token was issued: granting more needs a new token (start-10). */
	permissions: Set<string>;
}

export interface WeLinkUser {
	userId: string;
	corpUserId: string;
	userNameCn: string;
	userNameEn: string;
	mobileNumber: string;
	userEmail: string;
	sex: 'M' | 'F';
	deptCodes: string[];
	mainDeptCode: string;
	/** 1 not activated, 2 activating, 3 activated, 4 closed. */
	userStatus: number;
	position?: string;
	employeeId?: string;
}

export interface WeLinkDepartment {
	deptCode: string;
	corpDeptCode: string;
	deptNameCn: string;
	deptNameEn: string;
	parentCode: string;
	orderNo: number;
}

/** Everything the WeLink emulator knows; feature modules add messages, todos, jobs. */
export class WeLinkWorld {
	readonly tenantId = SANDBOX_WELINK_TENANT_ID;

	readonly apps: WeLinkApp[] = [
		{
			clientId: SANDBOX_WELINK_CLIENT_ID,
			clientSecret: SANDBOX_WELINK_CLIENT_SECRET,
			permissions: new Set([
				'tenant',
				'contact:read',
				'contact:write',
				'message',
				'todo',
				'attendance',
			]),
		},
	];

	readonly tokens = new Map<string, IssuedToken>();

	expiresIn = 7200;

	tokensIssued = 0;

	readonly users = new Map<string, WeLinkUser>();

	readonly departments = new Map<string, WeLinkDepartment>();

	readonly messages = new WeLinkMessageStore();

	readonly todos = new TodoStore();

	readonly contactJobs = new ContactJobStore();

	readonly attendance = new AttendanceStore();

	constructor(readonly now: () => number) {
		this.seed();
	}

	issueToken(app: WeLinkApp) {
		const value = `welink-${++this.tokensIssued}-${randomBytes(12).toString('hex')}`;
		this.tokens.set(value, {
			app,
			expiresAt: this.now() + this.expiresIn * 1000,
			revoked: false,
			permissions: new Set(app.permissions),
		});
		return value;
	}

	/**
	 * Token check: the bare token in x-wlk-Authorization (every doc page; PY, JAR). 47101 "Token格式错误"
	 * for a missing or malformed header (simpleinfo_query.html), 47103 "Authentication failed" for a
	 * token WeLink does not accept (staff_query.html). UNCONFIRMED: which code an expired token gets;
	 * 47103 here. A permission the app lacks: 501 "第三方接口无权限", and a token keeps the permissions
	 * it was issued with (start-10).
	 */
	authorize(req: SandboxRequest, permission?: string): WeLinkApp {
		const header = req.headers['x-wlk-authorization'];
		const value = Array.isArray(header) ? header[0] : header;
		if (!value || /\s/.test(value) || value.toLowerCase().startsWith('bearer'))
			welinkFail('47101', 'Token格式错误');
		const token = this.tokens.get(value);
		if (!token || token.revoked || token.expiresAt <= this.now())
			welinkFail('47103', 'token invalid or expired');
		if (permission && !token.permissions.has(permission)) welinkFail('501', '第三方接口无权限');
		return token.app;
	}

	revokeAll() {
		for (const token of this.tokens.values()) token.revoked = true;
	}

	expireAll() {
		for (const token of this.tokens.values())
			token.expiresAt = Math.min(token.expiresAt, this.now());
	}

	private seed() {
		const depts: Array<[string, string, string, string]> = [
			['1001', 'D001', '研发部', 'R&D'],
			['1002', 'D002', '市场部', 'Marketing'],
			['1003', 'D003', '平台组', 'Platform'],
		];
		depts.forEach(([deptCode, corpDeptCode, deptNameCn, deptNameEn], i) => {
			this.departments.set(deptCode, {
				deptCode,
				corpDeptCode,
				deptNameCn,
				deptNameEn,
				parentCode: deptCode === '1003' ? '1001' : '0',
				orderNo: i + 1,
			});
		});
		const people: Array<[string, string, string, string, string]> = [
			['zhangsan', 'E001', '张三', 'Zhang San', '1001'],
			['lisi', 'E002', '李四', 'Li Si', '1002'],
			['wangwu', 'E003', '王五', 'Wang Wu', '1003'],
		];
		people.forEach(([name, corpUserId, cn, en, dept], i) => {
			const userId = `${name}@${SANDBOX_WELINK_TENANT_ID}`;
			this.users.set(userId, {
				userId,
				corpUserId,
				userNameCn: cn,
				userNameEn: en,
				mobileNumber: `+86-1580000000${i + 1}`,
				userEmail: `${name}@welink.example.com`,
				sex: i % 2 ? 'F' : 'M',
				deptCodes: [dept],
				mainDeptCode: dept,
				userStatus: 3,
				employeeId: corpUserId,
			});
		});
	}
}
