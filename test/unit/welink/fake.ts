import nock from 'nock';

import { weLinkTokens } from '../../../nodes/WeLink/transport/token';

/** A WeLink API stand-in for unit tests: records every call exactly as sent and answers per call. */
export const ORIGIN = 'https://welink.test';
export const BASE = `${ORIGIN}/api`;

export const credentials = {
	wecomWelinkWeLinkApi: {
		clientId: 'unit-client',
		clientSecret: 'dummy-secret',
		baseUrl: BASE,
		accessToken: 'TOKEN',
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
};

export interface Call {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	token: string | undefined;
}

export type Answer = Record<string, unknown> | [number, Record<string, unknown> | string];

/** Answers `{code: "0"}` unless `respond` says otherwise; an answer may be [status, body]. */
export function fakeWeLink(
	respond: (call: Call, n: number) => Answer = () => ({ code: '0', message: 'ok' }),
): Call[] {
	const calls: Call[] = [];
	const scope = nock(ORIGIN).persist();
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		scope
			.intercept(/.*/, method)
			.query(true)
			.reply(function (uri, body) {
				const url = new URL(uri, ORIGIN);
				const header = this.req.headers['x-wlk-authorization'];
				const call: Call = {
					method,
					path: url.pathname.replace(/^\/api/, ''),
					query: Object.fromEntries(url.searchParams.entries()),
					body: body === '' ? undefined : body,
					token: Array.isArray(header) ? header[0] : header,
				};
				calls.push(call);
				const answer = respond(call, calls.length);
				return Array.isArray(answer) ? answer : [200, answer];
			});
	}
	return calls;
}

export function resetWeLink() {
	weLinkTokens.clear();
	nock.cleanAll();
	nock.disableNetConnect();
}
