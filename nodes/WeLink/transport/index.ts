import type { IDataObject, JsonObject } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import {
	apiSession,
	platformRequest,
	type ApiContext,
	type ApiRequest,
	type Platform,
} from '../../shared/transport';
import {
	WELINK_PERMISSION_ERROR,
	WELINK_RATE_LIMIT_ERRORS,
	WELINK_TOKEN_ERRORS,
	explainWeLinkError,
	weLinkCodeOf,
} from './errors';
import { permissionHint } from './permissions';
import { weLinkAppConfig, weLinkTokenKey, weLinkTokens } from './token';

export const WELINK_CREDENTIAL = 'wecomWelinkWeLinkApi';

interface FullResponse {
	statusCode: number;
	body: IDataObject | string | undefined;
}

const weLink: Platform<FullResponse> = {
	name: 'WeLink',
	credentialType: WELINK_CREDENTIAL,
	tokens: weLinkTokens,
	baseUrl: (credentials) => weLinkAppConfig(credentials).baseUrl,
	tokenKey: (credentials) => weLinkTokenKey(weLinkAppConfig(credentials)),
	secrets: (credentials) => [
		weLinkAppConfig(credentials).clientSecret,
		String(credentials.accessToken ?? ''),
	],
	usedToken: (options) => String(options.headers?.['x-wlk-Authorization'] ?? ''),
	prepare(options) {
		// WeLink reports some failures with an HTTP error status and a JSON body (e.g. missing
		// permission); read the body in every case instead of letting the status throw.
		options.headers = {
			'Content-Type': 'application/json',
			'Accept-Charset': 'UTF-8',
			...options.headers,
		};
		options.returnFullResponse = true;
		options.ignoreHttpStatusErrors = true;
	},
	judge(response, scrub) {
		const body = typeof response.body === 'object' && response.body !== null ? response.body : {};
		const status = Number(response.statusCode);
		// `code` is "0" on success; some old contact endpoints send the number 0.
		const code = body.code === undefined || body.code === null ? undefined : String(body.code);
		if (status >= 200 && status < 300 && code === '0') return { kind: 'ok' };
		const effective = code ?? (status === 501 ? '501' : `HTTP ${status}`);
		const message = scrub(
			String(
				body.message ??
					body.errorMessage ??
					(typeof response.body === 'string' ? response.body : ''),
			),
		);
		// Fields beside code/message (e.g. the failedUserId of a 51019) stay readable in the error details.
		const extra = { ...body };
		for (const key of ['code', 'message', 'errorMessage']) delete extra[key];
		const details: JsonObject = { code: effective, message, httpStatus: status };
		if (Object.keys(extra).length) details.body = JSON.parse(scrub(JSON.stringify(extra)));
		const error = { ...explainWeLinkError(effective, message), details };
		if (WELINK_TOKEN_ERRORS.has(effective) || status === 401)
			return { kind: 'token-rejected', error };
		if (WELINK_RATE_LIMIT_ERRORS.has(effective) || status === 429)
			return { kind: 'rate-limited', error };
		// start-10: a missing permission "returns 501"; as a status it is no server fault to retry.
		if (effective === WELINK_PERMISSION_ERROR) return { kind: 'error', error };
		if (status >= 500 && code === undefined) return { kind: 'transient', error };
		if (code === undefined && status >= 200 && status < 300) {
			// A 2xx answer without the envelope: treat as success (e.g. an endpoint that returns data directly).
			return { kind: 'ok' };
		}
		return { kind: 'error', error };
	},
};

/** Runs that got a 501: they do not refresh the token, as a new one would be refused the same way. */
const runsThatSawDenial = new WeakSet<object>();

/**
 * The one request path of every WeLink operation: token in `x-wlk-Authorization`, fetched once
 * and persisted in the credential, `code` explained, a rejected token refreshed once, retries on
 * 48503, and a 501 explained with the permission to request.
 */
export async function weLinkApiRequest(
	this: ApiContext,
	request: ApiRequest,
): Promise<IDataObject> {
	const session = await apiSession(this, weLink);
	if (weLinkTokens.deniedKeys.has(session.tokenKey) && !runsThatSawDenial.has(session)) {
		weLinkTokens.deniedKeys.delete(session.tokenKey);
		session.forceRefresh = true;
	}
	let response: FullResponse | undefined;
	let failure: unknown;
	try {
		response = await platformRequest(this, weLink, request);
	} catch (error) {
		failure = error;
	}
	if (weLinkCodeOf(failure) === WELINK_PERMISSION_ERROR) {
		weLinkTokens.deniedKeys.add(session.tokenKey);
		runsThatSawDenial.add(session);
		(failure as { description?: string }).description = permissionHint(request.path);
	}
	if (failure || !response) throw failure;
	return typeof response.body === 'object' && response.body !== null ? response.body : {};
}

export interface PageListOptions {
	/** Response key holding the page's items (`data`, `departmentInfo`, …). */
	listKey: string;
	/** Query names for the page number and size. */
	pageParam: string;
	sizeParam: string;
	pageSize: number;
	/** Stop after this many items; undefined = all. */
	limit?: number;
}

/**
 * Page-numbered WeLink lists start at 1. New endpoints say `hasMore`; old ones give `pages`/`total`
 * (`totalCount` on department lists); otherwise a short page ends the walk.
 */
export async function weLinkApiRequestAllItems(
	this: ApiContext,
	request: ApiRequest,
	options: PageListOptions,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(async (page) => {
		const pageNo = Number(page ?? 1);
		const response = await weLinkApiRequest.call(this, {
			...request,
			qs: {
				...(request.qs ?? {}),
				[options.pageParam]: pageNo,
				[options.sizeParam]: options.pageSize,
			},
		});
		const items = (response[options.listKey] as IDataObject[] | undefined) ?? [];
		return {
			items,
			next: hasMorePages(response, pageNo, items.length, options.pageSize) ? pageNo + 1 : undefined,
		};
	}, options.limit);
}

function hasMorePages(response: IDataObject, pageNo: number, received: number, pageSize: number) {
	if (received === 0) return false;
	if (response.hasMore !== undefined)
		return response.hasMore === true || Number(response.hasMore) === 1;
	if (response.pages !== undefined) return pageNo < Number(response.pages);
	const total = response.total ?? response.totalCount;
	if (total !== undefined) return pageNo * pageSize < Number(total);
	return received >= pageSize;
}
