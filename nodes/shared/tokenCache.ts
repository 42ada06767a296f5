import { createHash } from 'crypto';

import type { INodeProperties } from 'n8n-workflow';

export interface CachedToken {
	value: string;
	/** Epoch ms after which the token should be replaced (a margin before its real expiry). */
	refreshAt: number;
}

/**
 * In-process access-token cache with one in-flight fetch per key.
 *
 * Correctness never depends on it: the token is also persisted in the n8n credential (so queue-mode
 * workers and webhook processes reuse it) and every transport recovers from a rejected token. The cache
 * only makes sure that parallel items and executions in one process share one fetch.
 */
export class TokenCache {
	private readonly tokens = new Map<string, CachedToken>();

	private readonly inFlight = new Map<string, Promise<CachedToken>>();

	/** Last failed fetch per key, so a transport can tell "no token" apart from "request failed". */
	private readonly failures = new Map<string, { error: Error; at: number }>();

	constructor(private readonly now: () => number = Date.now) {}

	async get(
		key: string,
		fetchToken: () => Promise<CachedToken>,
		bypass = false,
	): Promise<CachedToken> {
		const pending = this.inFlight.get(key);
		if (pending) return await pending;
		const cached = this.tokens.get(key);
		if (!bypass && cached && cached.refreshAt > this.now()) return cached;

		const fetching = fetchToken().then(
			(token) => {
				this.tokens.set(key, token);
				this.inFlight.delete(key);
				this.failures.delete(key);
				return token;
			},
			(error) => {
				this.inFlight.delete(key);
				this.failures.set(key, { error: error as Error, at: this.now() });
				throw error;
			},
		);
		this.inFlight.set(key, fetching);
		return await fetching;
	}

	/** Forgets a token the platform rejected; a newer token fetched meanwhile is kept. */
	invalidate(key: string, rejectedValue?: string) {
		const cached = this.tokens.get(key);
		if (cached && (rejectedValue === undefined || cached.value === rejectedValue)) {
			this.tokens.delete(key);
		}
	}

	/** The error of a token fetch for this key that failed at or after `since`. */
	failureSince(key: string, since: number): Error | undefined {
		const failure = this.failures.get(key);
		return failure && failure.at >= since ? failure.error : undefined;
	}

	clear() {
		this.tokens.clear();
		this.inFlight.clear();
		this.failures.clear();
	}
}

/** Cache key for one app of one tenant on one API host; secrets are hashed, never kept in clear. */
export function tokenCacheKey(...parts: string[]) {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * What a credential stores beside its token. Every value is a string: n8n redacts password fields
 * with `startsWith`, and a number there breaks the Credentials page (HTTP 500) on n8n 1.x.
 * `issuedFor` ties the token to the app it was issued for (a hash of base URL, app ID and secret):
 * after the user edits the credential, a token of the old app is never used with the new settings.
 */
export interface StoredToken {
	accessToken: string;
	accessTokenRefreshAt: string;
	accessTokenIssuedFor: string;
	[key: string]: string;
}

/** The credential fields n8n's preAuthentication fills: hidden, strings, the token never shown. */
export const storedTokenProperties: INodeProperties[] = [
	{
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{
		displayName: 'Access Token Refresh At',
		name: 'accessTokenRefreshAt',
		type: 'hidden',
		default: '',
	},
	{
		displayName: 'Access Token Issued For',
		name: 'accessTokenIssuedFor',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
];

export function storedToken(token: CachedToken, key: string): StoredToken {
	return {
		accessToken: token.value,
		accessTokenRefreshAt: new Date(token.refreshAt).toISOString(),
		accessTokenIssuedFor: key.slice(0, 16),
	};
}

/**
 * Whether the token stored in a credential must be replaced before use: near its expiry, or issued
 * for other settings. Older saves kept the refresh time as epoch milliseconds; both forms are read.
 */
export function storedTokenStale(
	credentials: Record<string, unknown>,
	key: string,
	now = Date.now(),
) {
	if (!credentials.accessToken) return false;
	const issuedFor = credentials.accessTokenIssuedFor;
	if (issuedFor !== undefined && issuedFor !== '' && issuedFor !== key.slice(0, 16)) return true;
	const raw = credentials.accessTokenRefreshAt;
	const refreshAt =
		typeof raw === 'number' || /^\d+$/.test(String(raw)) ? Number(raw) : Date.parse(String(raw));
	return Number.isFinite(refreshAt) && refreshAt > 0 && refreshAt <= now;
}

/** Refresh a little before expiry: 5 minutes, or a tenth of the lifetime for short-lived tokens. */
export function refreshTime(issuedAt: number, expiresInSeconds: number) {
	const lifetime = Math.max(0, expiresInSeconds) * 1000;
	return issuedAt + lifetime - Math.min(300_000, lifetime / 10);
}
