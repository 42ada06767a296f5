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
	/** When the app was created (ISO): self-built apps created after the 2022-06-20 change see no sensitive fields. */
	createdAt: string;
	/**
	 * When the caller's IP was added to the app's trusted IPs (ISO). For the contacts-sync secret an
	 * IP added after 2022-08-15 10:00 may only list IDs and write.
	 */
	ipAddedAt: string;
}

/**
 * The two 2022 changes to contact reads (reference §4.0; official notes on user/get, user/list,
 * department/list, department/get, path/96255 and 95407). Both in Beijing time.
 */
export const WECOM_2022 = {
	// path/96260 (2024/07/24): from 2022-06-20 20:00 new self-built apps and the basic apps other than 通讯录同步 get no 头像、性别、手机、邮箱、企业邮箱、二维码、地址.
	sensitiveFieldsCutoff: Date.parse('2022-06-20T20:00:00+08:00'),
	// path/96260, 95407: from 2022-08-15 10:00 IPs newly added to 通讯录同步 may no longer call the detail reads.
	contactsIpCutoff: Date.parse('2022-08-15T10:00:00+08:00'),
};

/**
 * Tenants as they are set up: "modern" (the default: a self-built app created and a contacts-sync IP
 * added after the 2022 changes) or "legacy" (both before them, as corps that integrated early).
 */
export type TenantProfile = 'modern' | 'legacy';

const PROFILE_DATES: Record<TenantProfile, string> = {
	modern: '2024-03-01T10:00:00+08:00',
	legacy: '2021-05-01T10:00:00+08:00',
};

/** Contact reads WeCom answers with 48009 to the contacts-sync secret called from an IP added after 2022-08-15. */
export function contactsDetailsRefused(app: WeComApp) {
	// opsre/go-ldap-admin#378 (2025-01): "48009: api forbidden for contact assistant" on department/list.
	return app.kind === 'contacts' && Date.parse(app.ipAddedAt) >= WECOM_2022.contactsIpCutoff;
}

/** Whether contact reads give this app mobile, email, gender, avatar, address, biz_mail, qr_code. */
export function seesSensitiveFields(app: WeComApp) {
	// path/96260: 通讯录同步 keeps them; self-built apps created before 2022-06-20 keep them; other basic apps lost them.
	if (app.kind === 'contacts') return true;
	if (app.kind === 'app') return Date.parse(app.createdAt) < WECOM_2022.sensitiveFieldsCutoff;
	return false;
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

export function defaultApps(profile: TenantProfile = 'modern'): WeComApp[] {
	const era = { createdAt: PROFILE_DATES[profile], ipAddedAt: PROFILE_DATES[profile] };
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
			...era,
		},
		{
			kind: 'contacts',
			name: '通讯录同步',
			secret: SANDBOX_SECRETS.contacts,
			enabled: true,
			permissions: new Set<Permission>(['contacts:write']),
			visibleDepartments: [1],
			visibleUsers: [],
			...era,
		},
		{
			kind: 'customer',
			name: '客户联系',
			secret: SANDBOX_SECRETS.customer,
			enabled: true,
			permissions: new Set<Permission>(['externalcontact']),
			visibleDepartments: [1],
			visibleUsers: [],
			...era,
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
			...era,
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
