import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redact } from './redact';
import {
	DEFAULT_RETRY_POLICY,
	RetryBudget,
	describeFailure,
	describeTransportFailure,
	isTransientFailure,
	wasNotDelivered,
	type TransportFailure,
} from './retry';
import { storedTokenStale, type TokenCache } from './tokenCache';

/**
 * The request path shared by the WeCom and WeLink transports. A platform describes how its
 * answers read (success, rejected token, rate limit, transient, error); this module does the rest:
 * credentials read once per node run, token refresh through the credential, bounded retries.
 */

export type ApiContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's API base URL. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer;
	headers?: IDataObject;
	/**
	 * Whether repeating the call after an ambiguous failure (timeout, reset connection, HTTP 5xx,
	 * "system busy") is harmless: true for reads and for writes the platform de-duplicates.
	 * Rate-limit refusals are always repeated: the platform did not act on those calls.
	 */
	idempotent: boolean;
	/** For a call that is not idempotent: how the user can make it safe to repeat, shown when a
	 * transient failure was not retried. */
	retryAdvice?: string;
	/** Item the call is made for, so errors point at it. */
	itemIndex?: number;
	timeoutMs?: number;
	/** Download: the answer is a file (the platform's JSON error shape still applies on failure). */
	binaryResponse?: boolean;
}

export interface ExplainedError {
	message: string;
	description?: string;
	/** The platform's code and message, kept on the error for continue-on-fail outputs. */
	details: JsonObject;
}

export type Verdict =
	| { kind: 'ok' }
	| { kind: 'token-rejected' | 'rate-limited' | 'transient' | 'error'; error: ExplainedError };

export interface Platform<R> {
	name: string;
	credentialType: string;
	tokens: TokenCache;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	tokenKey(credentials: ICredentialDataDecryptedObject): string;
	/** Values to scrub from any text shown to the user. */
	secrets(credentials: ICredentialDataDecryptedObject): string[];
	/** The token n8n's authenticate step put into the request. */
	usedToken(options: IHttpRequestOptions): string;
	/** Adjusts the options before sending (default headers, response handling). */
	prepare?(options: IHttpRequestOptions): void;
	/** Reads the platform's answer; `secrets` are already known to the caller for redaction. */
	judge(response: R, redactText: (text: string) => string): Verdict;
}

interface Session {
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	tokenKey: string;
	secrets: string[];
	/** The next call must fetch a new token first (stored token near expiry, or just rejected). */
	forceRefresh: boolean;
}

const sessions = new WeakMap<object, Map<string, Promise<Session>>>();

/** Credentials are read once per node run (execution context) and platform, not per request. */
export async function apiSession<R>(ctx: ApiContext, platform: Platform<R>): Promise<Session> {
	let byType = sessions.get(ctx);
	if (!byType) {
		byType = new Map();
		sessions.set(ctx, byType);
	}
	let pending = byType.get(platform.credentialType);
	if (!pending) {
		pending = (async () => {
			const credentials = await ctx.getCredentials(platform.credentialType);
			const tokenKey = platform.tokenKey(credentials);
			return {
				credentials,
				baseUrl: platform.baseUrl(credentials),
				tokenKey,
				secrets: platform.secrets(credentials),
				forceRefresh: storedTokenStale(credentials, tokenKey),
			};
		})();
		byType.set(platform.credentialType, pending);
		pending.catch(() => byType?.delete(platform.credentialType));
	}
	return await pending;
}

export async function platformRequest<R>(
	ctx: ApiContext,
	platform: Platform<R>,
	request: ApiRequest,
): Promise<R> {
	const state = await apiSession(ctx, platform);
	const scrub = (text: string) => redact(text, state.secrets);
	const budget = new RetryBudget(DEFAULT_RETRY_POLICY);
	let tokenRefreshed = false;

	for (;;) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${state.baseUrl}${request.path}`,
			qs: { ...(request.qs ?? {}) },
			headers: { ...(request.headers ?? {}) },
			json: true,
			timeout: request.timeoutMs ?? 30_000,
		};
		if (request.body !== undefined) options.body = request.body;
		platform.prepare?.(options);
		if (request.binaryResponse) {
			options.json = false;
			options.encoding = 'arraybuffer';
			options.returnFullResponse = true;
		}

		const forced = state.forceRefresh;
		const sentAt = Date.now();
		let response: R;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				platform.credentialType,
				options,
				forced ? { credentialsDecrypted: blankToken(ctx, platform, state.credentials) } : undefined,
			)) as R;
		} catch (error) {
			// A failed token fetch (wrong secret, …) surfaces here wrapped by n8n; its own message is
			// already explained and safe, and retrying it would only hammer the token endpoint.
			const tokenError = platform.tokens.failureSince(state.tokenKey, sentAt) as
				| (Error & { description?: string })
				| undefined;
			if (tokenError) {
				throw apiError(ctx, tokenError.message, tokenError.description, request.itemIndex);
			}
			const failure = describeTransportFailure(error);
			const repeatable =
				isTransientFailure(failure) && (request.idempotent || wasNotDelivered(failure));
			if (repeatable && (await budget.next())) continue;
			throw transportError(ctx, platform.name, request, failure, state, budget.used);
		}
		if (forced) state.forceRefresh = false;

		const verdict = platform.judge(
			request.binaryResponse ? (jsonOfDownload(response) as R) : response,
			scrub,
		);
		if (verdict.kind === 'ok') return response;
		if (verdict.kind === 'token-rejected' && !tokenRefreshed) {
			// The token n8n used is in the options it authenticated: forget exactly that one.
			platform.tokens.invalidate(state.tokenKey, platform.usedToken(options));
			state.forceRefresh = true;
			tokenRefreshed = true;
			continue;
		}
		const repeatable =
			verdict.kind === 'rate-limited' || (verdict.kind === 'transient' && request.idempotent);
		if (repeatable && (await budget.next())) continue;
		const { message, description, details } = verdict.error;
		const retried = budget.used ? ` (still failing after ${budget.used} retries)` : '';
		const notRetried =
			verdict.kind === 'transient' && !request.idempotent
				? notRepeated(platform.name, request)
				: undefined;
		throw apiError(
			ctx,
			`${message}${retried}`,
			[notRetried, description].filter(Boolean).join(' ') || undefined,
			request.itemIndex,
			details,
		);
	}
}

/** A download answers with the file, or with the platform's JSON error body. */
function jsonOfDownload(response: unknown): unknown {
	const full = response as { body?: Buffer; headers?: Record<string, string> };
	const type = String(full?.headers?.['content-type'] ?? '');
	if (full?.body && (type.includes('json') || type.startsWith('text/plain'))) {
		try {
			return JSON.parse(Buffer.from(full.body).toString('utf8'));
		} catch {
			return {};
		}
	}
	return {};
}

function blankToken<R>(
	ctx: ApiContext,
	platform: Platform<R>,
	credentials: ICredentialDataDecryptedObject,
) {
	const ref = ctx.getNode().credentials?.[platform.credentialType];
	return {
		id: ref?.id ?? '',
		name: ref?.name ?? platform.credentialType,
		type: platform.credentialType,
		data: { ...credentials, accessToken: '' },
	};
}

export function apiError(
	ctx: ApiContext,
	message: string,
	description: string | undefined,
	itemIndex: number | undefined,
	details: JsonObject = {},
) {
	const code = details.errcode ?? details.code;
	const error = new NodeApiError(ctx.getNode(), { ...details, message } as JsonObject, {
		message,
		description,
		itemIndex,
		httpCode: code !== undefined ? String(code) : undefined,
	});
	// Kept for "Continue On Fail" outputs, so a workflow can branch on the platform's code.
	if (Object.keys(details).length) error.context.details = details;
	return error;
}

/** Why a call that failed in a way that is usually temporary was not tried again, and what to do. */
function notRepeated(platformName: string, request: ApiRequest) {
	return `Not retried automatically: this call changes data, and ${platformName} does not say whether it acted on a call it failed, so a repeat could apply it twice. ${request.retryAdvice ?? `Check in ${platformName} whether it took effect before running it again.`}`;
}

function transportError(
	ctx: ApiContext,
	platformName: string,
	request: ApiRequest,
	failure: TransportFailure,
	state: Session,
	retries: number,
) {
	const what = redact(describeFailure(failure), state.secrets);
	const retried = retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
	const ambiguous = !request.idempotent && isTransientFailure(failure) && !wasNotDelivered(failure);
	const description = ambiguous
		? `This call changes data and the failure left it unknown whether ${platformName} applied it, so it was not repeated automatically. ${request.retryAdvice ?? `Check in ${platformName} before running it again.`}`
		: `Check that ${state.baseUrl} is reachable from the n8n server.`;
	const error = new NodeApiError(ctx.getNode(), { message: what } as JsonObject, {
		message: `${platformName} request ${request.method} ${request.path} failed: ${what}${retried}`,
		description,
		itemIndex: request.itemIndex,
		httpCode: failure.status ? String(failure.status) : undefined,
	});
	if (failure.networkCode) error.context.details = { networkCode: failure.networkCode };
	return error;
}
