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
