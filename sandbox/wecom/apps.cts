import { randomBytes } from 'node:crypto';

import type { SandboxRequest } from '../http.cjs';
import { fail } from './errors.cjs';

export type AppKind = 'app' | 'contacts' | 'customer' | 'checkin-system';

/** Permissions a test can grant or withdraw to produce 48002 and friends. */
export type Permission = 'meeting' | 'checkin' | 'externalcontact' | 'approval' | 'contacts:write';

export interface WeComApp {
	kind: AppKind;
	name: string;
	secret: string;
	agentId?: number;
	enabled: boolean;
	permissions: Set<Permission>;
	/** Departments whose members the app can see (and message); contacts-sync sees everything. */
	visibleDepartments: number[];
	visibleUsers: string[];
	/** Trusted IPs (企业可信IP); undefined = any caller. */
	allowedIps?: string[];
	/**
	 * Whether contact reads return mobile, email, gender, avatar, address. Self-built apps created
	 * after 2022-06-20 do not get them; the contacts-sync secret does.
	 */
	sensitiveFields: boolean;
}

export interface IssuedToken {
	value: string;
	app: WeComApp;
	expiresAt: number;
	revoked: boolean;
}

export const SANDBOX_CORP_ID = 'wwsandbox0000corp';

export const SANDBOX_SECRETS = {
	app: 'sandbox-app-secret-0123456789abcdefghijklmnopq',
	contacts: 'sandbox-contacts-secret-0123456789abcdefghijk',
	customer: 'sandbox-customer-secret-0123456789abcdefghij',
	checkinSystem: 'sandbox-checkin-secret-0123456789abcdefghijk',
} as const;

export const SANDBOX_AGENT_ID = 1000002;

/** Token and EncodingAESKey of the sandbox's callback settings (what the admin console would show). */
export const SANDBOX_CALLBACK = {
	token: 'sandboxToken2026',
	encodingAesKey: 'SandboxEncodingAesKey0123456789abcdefghijkl',
} as const;

export function defaultApps(): WeComApp[] {
	return [
		{
			kind: 'app',
			name: 'n8n Automation',
			secret: SANDBOX_SECRETS.app,
			agentId: SANDBOX_AGENT_ID,
			enabled: true,
			permissions: new Set<Permission>(['meeting', 'checkin', 'externalcontact', 'approval']),
			visibleDepartments: [1],
			visibleUsers: [],
			sensitiveFields: false,
		},
		{
			kind: 'contacts',
			name: '通讯录同步',
			secret: SANDBOX_SECRETS.contacts,
			enabled: true,
			permissions: new Set<Permission>(['contacts:write']),
			visibleDepartments: [1],
			visibleUsers: [],
			sensitiveFields: true,
		},
		{
			kind: 'customer',
			name: '客户联系',
			secret: SANDBOX_SECRETS.customer,
			enabled: true,
			permissions: new Set<Permission>(['externalcontact']),
			visibleDepartments: [1],
			visibleUsers: [],
			sensitiveFields: false,
		},
		{
			kind: 'checkin-system',
			name: '打卡 (system app)',
			secret: SANDBOX_SECRETS.checkinSystem,
			agentId: 3010011,
			enabled: true,
			permissions: new Set<Permission>(),
			visibleDepartments: [1],
			visibleUsers: [],
			sensitiveFields: false,
		},
	];
}

/** gettoken and access_token checks, with real expiry on the sandbox clock. */
export class TokenStore {
	private readonly tokens = new Map<string, IssuedToken>();

	private counter = 0;

	/** Lifetime of new tokens, seconds (WeCom: 7200). Tests shorten it to watch expiry. */
	expiresIn = 7200;

	constructor(private readonly now: () => number) {}

	issue(app: WeComApp): IssuedToken {
		const value = `WECOM_TOKEN_${++this.counter}_${randomBytes(12).toString('hex')}`;
		const token = { value, app, expiresAt: this.now() + this.expiresIn * 1000, revoked: false };
		this.tokens.set(value, token);
		return token;
	}

	/** Resolves the caller's app, or answers like WeCom does: 41001 missing, 40014 invalid, 42001 expired. */
	check(req: SandboxRequest): WeComApp {
		const value = req.query.access_token;
		if (!value) fail(41001, 'access_token missing');
		const token = this.tokens.get(value);
		if (!token || token.revoked) fail(40014, 'invalid access_token');
		if (token.expiresAt <= this.now()) fail(42001, 'access_token expired');
		return token.app;
	}

	/** Invalidates every token issued so far (a secret reset, or WeCom dropping tokens early). */
	revokeAll() {
		for (const token of this.tokens.values()) token.revoked = true;
	}

	expireAll() {
		for (const token of this.tokens.values())
			token.expiresAt = Math.min(token.expiresAt, this.now());
	}

	get issued() {
		return this.counter;
	}
}
