import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { redact } from '../../shared/redact';
import { TokenCache, storedToken, tokenCacheKey, type CachedToken } from '../../shared/tokenCache';
import { fetchToken } from '../../shared/tokenFetch';
import { WECOM_RATE_LIMIT_ERRORS, WECOM_TRANSIENT_ERRORS, explainWeComError } from './errors';

export const WECOM_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';

/** One process-wide cache: all WeCom nodes and credentials of this package share it. */
export const weComTokens = new TokenCache();

export interface WeComAppConfig {
	baseUrl: string;
	corpId: string;
	secret: string;
	agentId?: number;
}

export function weComAppConfig(credentials: ICredentialDataDecryptedObject): WeComAppConfig {
	const baseUrl = String(credentials.baseUrl || WECOM_DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/cgi-bin$/, '');
	const agent = String(credentials.agentId ?? '').trim();
	return {
		baseUrl,
		corpId: String(credentials.corpId ?? '').trim(),
		secret: String(credentials.secret ?? '').trim(),
		agentId: agent === '' ? undefined : Number(agent),
	};
}

export function weComTokenKey(config: WeComAppConfig) {
	return tokenCacheKey('wecom', config.baseUrl, config.corpId, config.secret);
}

/** Raised when WeCom refuses to issue a token; its message is safe to show (no secret in it). */
export class WeComTokenError extends Error {
	constructor(
		message: string,
		readonly errcode?: number,
		readonly description?: string,
	) {
		super(message);
		this.name = 'WeComTokenError';
	}
}

/** GET /cgi-bin/gettoken, repeated only on transient failures (shared/tokenFetch.ts). */
export async function fetchWeComToken(
	httpRequest: IHttpRequestHelper['helpers']['httpRequest'],
	config: WeComAppConfig,
): Promise<CachedToken> {
	if (!config.corpId) throw new WeComTokenError('WeCom: the credential has no Corp ID (企业ID)');
	if (!config.secret) throw new WeComTokenError('WeCom: the credential has no Secret');
	const errcodeOf = (body: IDataObject) => Number(body?.errcode ?? 0);
	return await fetchToken({
		platform: 'WeCom',
		baseUrl: config.baseUrl,
		secret: config.secret,
		request: async () =>
			(await httpRequest({
				method: 'GET',
				url: `${config.baseUrl}/cgi-bin/gettoken`,
				qs: { corpid: config.corpId, corpsecret: config.secret },
				json: true,
				timeout: 15_000,
			})) as IDataObject,
		succeeded: (body) => errcodeOf(body) === 0,
		retryable: (body) =>
			WECOM_RATE_LIMIT_ERRORS.has(errcodeOf(body)) || WECOM_TRANSIENT_ERRORS.has(errcodeOf(body)),
		refused: (body) => {
			const errcode = errcodeOf(body);
			const explained = explainWeComError(
				errcode,
				redact(String(body?.errmsg ?? ''), [config.secret]),
			);
			return new WeComTokenError(explained.message, errcode, explained.description);
		},
		error: (message, description) => new WeComTokenError(message, undefined, description),
	});
}

/**
 * The credential's preAuthentication: returns the token n8n persists in the credential.
 * `reuseCached` is false when n8n asks for a token although one is stored (credential test, or
 * an explicit refresh), so a fresh one is fetched then.
 */
export async function issueWeComToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
) {
	const config = weComAppConfig(credentials);
	const reuseCached = !credentials.accessToken;
	const token = await weComTokens.get(
		weComTokenKey(config),
		async () => await fetchWeComToken(helpers.httpRequest, config),
		!reuseCached,
	);
	return storedToken(token, weComTokenKey(config));
}
