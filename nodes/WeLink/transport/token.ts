import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { redact } from '../../shared/redact';
import { TokenCache, storedToken, tokenCacheKey, type CachedToken } from '../../shared/tokenCache';
import { fetchToken } from '../../shared/tokenFetch';
import { WELINK_RATE_LIMIT_ERRORS, explainWeLinkError } from './errors';

export const WELINK_DEFAULT_BASE_URL = 'https://open.welink.huaweicloud.com/api';

/**
 * WeLink's token cache also remembers the credentials whose token was refused with 501 (no API
 * permission): a permission granted after that reaches only a new token (start-10), so the next
 * run of such a credential starts with one. Clearing the cache forgets them too.
 */
class WeLinkTokenCache extends TokenCache {
	readonly deniedKeys = new Set<string>();

	clear() {
		super.clear();
		this.deniedKeys.clear();
	}
}

export const weLinkTokens = new WeLinkTokenCache();

export interface WeLinkAppConfig {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
}

export function weLinkAppConfig(credentials: ICredentialDataDecryptedObject): WeLinkAppConfig {
	return {
		baseUrl: String(credentials.baseUrl || WELINK_DEFAULT_BASE_URL)
			.trim()
			.replace(/\/+$/, ''),
		clientId: String(credentials.clientId ?? '').trim(),
		clientSecret: String(credentials.clientSecret ?? '').trim(),
	};
}

export function weLinkTokenKey(config: WeLinkAppConfig) {
	return tokenCacheKey('welink', config.baseUrl, config.clientId, config.clientSecret);
}

export class WeLinkTokenError extends Error {
	constructor(
		message: string,
		readonly errorCode?: string,
		readonly description?: string,
	) {
		super(message);
		this.name = 'WeLinkTokenError';
	}
}

/** POST /auth/v2/tickets (client credentials). Not repeated on a wrong secret: WeLink locks the client ID (41403). */
export async function fetchWeLinkToken(
	httpRequest: IHttpRequestHelper['helpers']['httpRequest'],
	config: WeLinkAppConfig,
): Promise<CachedToken> {
	if (!config.clientId) throw new WeLinkTokenError('WeLink: the credential has no Client ID');
	if (!config.clientSecret)
		throw new WeLinkTokenError('WeLink: the credential has no Client Secret');
	const codeOf = (body: IDataObject) => String(body?.code ?? '');
	return await fetchToken({
		platform: 'WeLink',
		baseUrl: config.baseUrl,
		secret: config.clientSecret,
		request: async () =>
			(await httpRequest({
				method: 'POST',
				url: `${config.baseUrl}/auth/v2/tickets`,
				headers: { 'Content-Type': 'application/json', 'Accept-Charset': 'UTF-8' },
				body: { client_id: config.clientId, client_secret: config.clientSecret },
				json: true,
				timeout: 15_000,
			})) as IDataObject,
		succeeded: (body) => codeOf(body) === '0',
		retryable: (body) => WELINK_RATE_LIMIT_ERRORS.has(codeOf(body)),
		refused: (body) => {
			const code = codeOf(body);
			const explained = explainWeLinkError(
				code || 'no code',
				redact(String(body?.message ?? ''), [config.clientSecret]),
			);
			return new WeLinkTokenError(explained.message, code, explained.description);
		},
		error: (message, description) => new WeLinkTokenError(message, undefined, description),
	});
}

export async function issueWeLinkToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
) {
	const config = weLinkAppConfig(credentials);
	const token = await weLinkTokens.get(
		weLinkTokenKey(config),
		async () => await fetchWeLinkToken(helpers.httpRequest, config),
		Boolean(credentials.accessToken),
	);
	return storedToken(token, weLinkTokenKey(config));
}
