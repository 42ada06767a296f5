import type { IDataObject } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import {
	apiError,
	apiSession,
	platformRequest,
	type ApiContext,
	type ApiRequest,
	type Platform,
} from '../../shared/transport';
import {
	WECOM_RATE_LIMIT_ERRORS,
	WECOM_TOKEN_ERRORS,
	WECOM_TRANSIENT_ERRORS,
	explainWeComError,
} from './errors';
import { weComAppConfig, weComTokenKey, weComTokens } from './token';

export type WeComResponse = IDataObject & { errcode?: number; errmsg?: string };

export const WECOM_CREDENTIAL = 'wecomWelinkWeComApi';

/** A self-built app that reads the directory for Contacts Sync where the contacts-sync secret may not. */
export const WECOM_READER_CREDENTIAL = 'wecomWelinkWeComReaderApi';

const weComPlatform = (credentialType: string): Platform<WeComResponse> => ({
	name: 'WeCom',
	credentialType,
	tokens: weComTokens,
	baseUrl: (credentials) => weComAppConfig(credentials).baseUrl,
	tokenKey: (credentials) => weComTokenKey(weComAppConfig(credentials)),
	secrets: (credentials) => [
		weComAppConfig(credentials).secret,
		String(credentials.accessToken ?? ''),
	],
	usedToken: (options) => String(options.qs?.access_token ?? ''),
	judge(response, scrub) {
		const errcode = Number(response?.errcode ?? 0);
		if (errcode === 0) return { kind: 'ok' };
		const errmsg = scrub(String(response.errmsg ?? ''));
		const error = { ...explainWeComError(errcode, errmsg), details: { errcode, errmsg } };
		if (WECOM_TOKEN_ERRORS.has(errcode)) return { kind: 'token-rejected', error };
		if (WECOM_RATE_LIMIT_ERRORS.has(errcode)) return { kind: 'rate-limited', error };
		if (WECOM_TRANSIENT_ERRORS.has(errcode)) return { kind: 'transient', error };
		return { kind: 'error', error };
	},
});

const weCom = weComPlatform(WECOM_CREDENTIAL);
const weComReader = weComPlatform(WECOM_READER_CREDENTIAL);

/**
 * The one request path of every WeCom operation: token fetched once and persisted in the
 * credential, errcodes explained, a rejected token refreshed once, safe retries with backoff.
 */
export async function weComApiRequest(
	this: ApiContext,
	request: ApiRequest,
): Promise<WeComResponse> {
	return await platformRequest(this, weCom, request);
}

/** The same request path, with the WeCom Contacts Reader credential (a self-built app's secret). */
export async function weComReaderRequest(
	this: ApiContext,
	request: ApiRequest,
): Promise<WeComResponse> {
	return await platformRequest(this, weComReader, request);
}

export interface DownloadedFile {
	data: Buffer;
	contentType: string;
	filename?: string;
}

/** GET a file (media/get); WeCom answers errors as JSON, which are explained as usual. */
export async function weComDownload(
	this: ApiContext,
	request: Omit<ApiRequest, 'binaryResponse'>,
): Promise<DownloadedFile> {
	const response = (await platformRequest(this, weCom, {
		...request,
		binaryResponse: true,
	})) as unknown as {
		body: Buffer;
		headers: Record<string, string>;
	};
	const disposition = String(response.headers['content-disposition'] ?? '');
	const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
	return {
		data: Buffer.from(response.body),
		contentType: String(response.headers['content-type'] ?? 'application/octet-stream'),
		filename: filename ? decodeURIComponent(filename) : undefined,
	};
}

/** The app's agent ID from the credential, for APIs that need it (message/send, …). */
export async function weComAgentId(this: ApiContext, itemIndex?: number): Promise<number> {
	const { credentials } = await apiSession(this, weCom);
	const agentId = weComAppConfig(credentials).agentId;
	if (agentId === undefined || !Number.isInteger(agentId) || agentId < 0) {
		throw apiError(
			this,
			'The WeCom credential has no valid Agent ID, which this operation needs',
			'Set Agent ID in the WeCom API credential to the AgentId of your self-built app (应用管理 → your app).',
			itemIndex,
		);
	}
	return agentId;
}

/** Corp ID and agent ID of the credential, for what is built without a call (sign-in links). */
export async function weComCorpSettings(this: ApiContext) {
	const { credentials } = await apiSession(this, weCom);
	const { corpId, agentId } = weComAppConfig(credentials);
	return { corpId, agentId };
}

export interface CursorListOptions {
	/** Response key holding the page's items. */
	listKey: string;
	/** Where WeCom expects the cursor: in the JSON body (POST lists) or the query (GET lists). */
	cursorIn: 'body' | 'qs';
	/** Items per page to ask for, when the API takes a `limit`. */
	pageSize?: number;
	/** Stop after this many items; undefined = all. */
	limit?: number;
}

/** Follows `cursor` / `next_cursor` until WeCom says there is no more. */
export async function weComApiRequestAllItems(
	this: ApiContext,
	request: ApiRequest,
	options: CursorListOptions,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(async (cursor) => {
		const paging: IDataObject = {};
		if (cursor !== undefined) paging.cursor = cursor;
		if (options.pageSize !== undefined) paging.limit = options.pageSize;
		const page = await weComApiRequest.call(this, {
			...request,
			qs: options.cursorIn === 'qs' ? { ...(request.qs ?? {}), ...paging } : request.qs,
			body:
				options.cursorIn === 'body'
					? { ...((request.body as IDataObject | undefined) ?? {}), ...paging }
					: request.body,
		});
		const next = page.next_cursor;
		return {
			items: (page[options.listKey] as IDataObject[] | undefined) ?? [],
			next: typeof next === 'string' || typeof next === 'number' ? next : undefined,
		};
	}, options.limit);
}
