import type { IDataObject } from 'n8n-workflow';

import { redact } from './redact';
import {
	DEFAULT_RETRY_POLICY,
	describeFailure,
	describeTransportFailure,
	isTransientFailure,
	RetryBudget,
	type TransportFailure,
} from './retry';
import { refreshTime, type CachedToken } from './tokenCache';

/** How one platform issues tokens: the request, and how its answers read. */
export interface TokenEndpoint {
	platform: 'WeCom' | 'WeLink';
	baseUrl: string;
	/** Kept out of every message. */
	secret: string;
	/** Sends the token request once. */
	request(): Promise<IDataObject>;
	/** Whether the answer is a success (a token still has to be in it). */
	succeeded(body: IDataObject): boolean;
	/** Whether a refusal is worth another try (busy, rate limit). */
	retryable(body: IDataObject): boolean;
	/** The error for a refusal, explained. */
	refused(body: IDataObject): Error;
	/** The platform's token error with a message and what to do. */
	error(message: string, description: string): Error;
}

/**
 * Fetches a token, repeating on transient failures (busy, rate limit, network) within the retry
 * budget; never on a wrong ID or secret, because both platforms block callers that keep failing.
 */
export async function fetchToken(endpoint: TokenEndpoint): Promise<CachedToken> {
	const budget = new RetryBudget(DEFAULT_RETRY_POLICY);
	for (;;) {
		let body: IDataObject = {};
		let failure: TransportFailure | undefined;
		try {
			body = await endpoint.request();
		} catch (error) {
			failure = describeTransportFailure(error);
		}
		if (failure) {
			if (isTransientFailure(failure) && (await budget.next())) continue;
			const reason = redact(describeFailure(failure), [endpoint.secret]);
			throw endpoint.error(
				`${endpoint.platform}: could not reach ${endpoint.baseUrl} to get an access token (${reason})`,
				'Check the API base URL in the credential and that this n8n server can reach it.',
			);
		}
		if (endpoint.succeeded(body) && typeof body.access_token === 'string' && body.access_token) {
			const expiresIn = Number(body.expires_in) > 0 ? Number(body.expires_in) : 7200;
			return { value: body.access_token, refreshAt: refreshTime(Date.now(), expiresIn) };
		}
		if (endpoint.retryable(body) && (await budget.next())) continue;
		throw endpoint.refused(body);
	}
}
