import nock from 'nock';

/**
 * Shared by the unit tests of the customer, approval and sign-in resources: a credential with a
 * stored token (no gettoken call) and POST stubs that record the bodies they got, in order.
 */
export const BASE = 'https://wecom.test';

export function weComCredential(agentId = '1000002', corpId = 'ww-unit') {
	return {
		wecomWelinkWeComApi: {
			corpId,
			secret: 'dummy-secret',
			agentId,
			baseUrl: BASE,
			accessToken: 'TOKEN',
			accessTokenRefreshAt: Date.now() + 3600_000,
		},
	};
}

export const ok = (extra: Record<string, unknown> = {}) => ({ errcode: 0, errmsg: 'ok', ...extra });

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** One stubbed answer per call, in order; a reply with an errcode is sent as it is. */
export function posts(path: string, replies: Array<Record<string, unknown>>) {
	const bodies: unknown[] = [];
	const scope = nock(BASE);
	for (const reply of replies)
		scope
			.post(path, (body) => {
				bodies.push(body);
				return true;
			})
			.query({ access_token: 'TOKEN' })
			.reply(200, reply.errcode ? reply : ok(reply));
	return { scope, bodies };
}

/** A credential (either WeCom type) holding a stored token: no gettoken call, the token names it. */
export const storedToken = (accessToken: string) => ({
	corpId: 'ww-unit',
	secret: `secret-${accessToken}`,
	baseUrl: BASE,
	accessToken,
	accessTokenRefreshAt: new Date(Date.now() + 3600_000).toISOString(),
});

export interface Call {
	/** The access token the call carried. */
	as: string;
	path: string;
	query: Record<string, unknown>;
	body?: Record<string, unknown>;
}

/** A WeCom whose answers come from `answer`; every call is recorded with the token it used. */
export function recordWeCom(answer: (call: Call) => Record<string, unknown> | undefined) {
	const calls: Call[] = [];
	const handler = (uri: string, body: unknown) => {
		const url = new URL(uri, BASE);
		const query: Record<string, unknown> = Object.fromEntries(url.searchParams);
		const as = String(query.access_token);
		delete query.access_token;
		const call: Call = {
			as,
			path: url.pathname,
			query,
			...(body ? { body: body as Record<string, unknown> } : {}),
		};
		calls.push(call);
		return { errcode: 0, errmsg: 'ok', ...(answer(call) ?? {}) };
	};
	nock(BASE).get(/.*/).query(true).reply(200, handler).persist();
	nock(BASE).post(/.*/).query(true).reply(200, handler).persist();
	return calls;
}
