import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { credentialId, runNode } from '../../harness/run.cjs';

const BASE = 'https://wecom.test';
const SECRET = 'dummy-unit-test-corp-secret-0001';

const credentials = (extra: Record<string, unknown> = {}) => ({
	wecomWelinkWeComApi: {
		corpId: 'ww-unit',
		secret: SECRET,
		agentId: '1000002',
		baseUrl: BASE,
		...extra,
	},
});

const apiRequest = (parameters: Record<string, unknown> = {}) => ({
	type: 'weCom',
	parameters: {
		resource: 'apiRequest',
		operation: 'request',
		method: 'GET',
		path: '/cgi-bin/user/get',
		query: { parameter: [{ name: 'userid', value: '={{ $json.id }}' }] },
		...parameters,
	},
});

function tokenEndpoint(...tokens: string[]) {
	const scope = nock(BASE);
	for (const token of tokens) {
		scope
			.get('/cgi-bin/gettoken')
			.query({ corpid: 'ww-unit', corpsecret: SECRET })
			.reply(200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
	}
	return scope;
}

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('WeCom transport', () => {
	it('fetches one token for all items, sends it as access_token and persists it in the credential', async () => {
		tokenEndpoint('T1');
		const api = nock(BASE)
			.get('/cgi-bin/user/get')
			.query((q) => q.access_token === 'T1' && typeof q.userid === 'string')
			.times(3)
			.reply(200, (uri) => ({
				errcode: 0,
				errmsg: 'ok',
				userid: new URL(uri, BASE).searchParams.get('userid'),
			}));
		const run = await runNode(apiRequest(), {
			credentials: credentials(),
			items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
		});
		expect(run.error).toBeUndefined();
		expect(run.output('Node').map((o) => o.userid)).toEqual(['a', 'b', 'c']);
		expect(api.isDone()).toBe(true);
		const stored = run.credentialsHelper.data(credentialId('wecomWelinkWeComApi'));
		expect(stored?.accessToken).toBe('T1');
		// Strings only: n8n 1.x redacts hidden password fields with startsWith (a number broke the UI).
		for (const value of Object.values(stored ?? {})) expect(typeof value).toBe('string');
		expect(Date.parse(String(stored?.accessTokenRefreshAt))).toBeGreaterThan(Date.now() + 6000_000);
		expect(run.items('Node').map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('reuses a token stored in the credential without calling gettoken', async () => {
		const api = nock(BASE)
			.get('/cgi-bin/user/get')
			.query({ access_token: 'STORED', userid: 'a' })
			.reply(200, { errcode: 0, userid: 'a' });
		const run = await runNode(apiRequest(), {
			credentials: credentials({
				accessToken: 'STORED',
				accessTokenRefreshAt: Date.now() + 3600_000,
			}),
			items: [{ id: 'a' }],
		});
		expect(run.error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('refreshes a token that is about to expire before the first call', async () => {
		tokenEndpoint('FRESH');
		const api = nock(BASE)
			.get('/cgi-bin/user/get')
			.query({ access_token: 'FRESH', userid: 'a' })
			.reply(200, { errcode: 0 });
		const run = await runNode(apiRequest(), {
			credentials: credentials({ accessToken: 'OLD', accessTokenRefreshAt: Date.now() - 1 }),
			items: [{ id: 'a' }],
		});
		expect(run.error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(run.credentialsHelper.data(credentialId('wecomWelinkWeComApi'))?.accessToken).toBe(
			'FRESH',
		);
	});

	// The hash a token of another app (another secret) was stored with.
	const OTHER_APP = 'f'.repeat(16);

	it('replaces a stored token issued for other settings (the secret was edited) before the first call', async () => {
		tokenEndpoint('NEW-APP');
		const api = nock(BASE)
			.get('/cgi-bin/user/get')
			.query({ access_token: 'NEW-APP', userid: 'a' })
			.reply(200, { errcode: 0 });
		const run = await runNode(apiRequest(), {
			credentials: credentials({
				accessToken: 'OLD-APP',
				accessTokenRefreshAt: new Date(Date.now() + 3600_000).toISOString(),
				accessTokenIssuedFor: OTHER_APP,
			}),
			items: [{ id: 'a' }],
		});
		expect(run.error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		const stored = run.credentialsHelper.data(credentialId('wecomWelinkWeComApi'));
		expect(stored?.accessToken).toBe('NEW-APP');
		expect(stored?.accessTokenIssuedFor).toMatch(/^[0-9a-f]{16}$/);
		expect(stored?.accessTokenIssuedFor).not.toBe(OTHER_APP);
	});

	it.each([40014, 42001, 41001])(
		'drops a rejected token (%i), fetches a new one and retries once',
		async (errcode) => {
			tokenEndpoint('T2');
			const api = nock(BASE)
				.get('/cgi-bin/user/get')
				.query({ access_token: 'STALE', userid: 'a' })
				.reply(200, { errcode, errmsg: 'access_token expired' })
				.get('/cgi-bin/user/get')
				.query({ access_token: 'T2', userid: 'a' })
				.reply(200, { errcode: 0, userid: 'a' })
				.get('/cgi-bin/user/get')
				.query({ access_token: 'T2', userid: 'b' })
				.reply(200, { errcode: 0, userid: 'b' });
			const run = await runNode(apiRequest(), {
				credentials: credentials({
					accessToken: 'STALE',
					accessTokenRefreshAt: Date.now() + 3600_000,
				}),
				items: [{ id: 'a' }, { id: 'b' }],
			});
			expect(run.error).toBeUndefined();
			expect(api.isDone()).toBe(true);
			expect(run.credentialsHelper.data(credentialId('wecomWelinkWeComApi'))?.accessToken).toBe(
				'T2',
			);
		},
	);

	it('gives up after one refresh when the new token is rejected too', async () => {
		tokenEndpoint('T1', 'T2');
		nock(BASE)
			.get('/cgi-bin/user/get')
			.query(true)
			.times(2)
			.reply(200, { errcode: 40014, errmsg: 'invalid access_token' });
		const run = await runNode(apiRequest(), { credentials: credentials(), items: [{ id: 'a' }] });
		expect(run.error?.message).toBe('WeCom: invalid access_token (40014)');
		expect(nock.isDone()).toBe(true); // two tokens, two calls, then the error
	});

	it('rides out rate limiting (45009, 45033) even for writes, with bounded retries', async () => {
		tokenEndpoint('T1');
		const api = nock(BASE)
			.post('/cgi-bin/message/send', { touser: 'a' })
			.query({ access_token: 'T1' })
			.reply(200, { errcode: 45009, errmsg: 'api freq out of limit' })
			.post('/cgi-bin/message/send')
			.query(true)
			.reply(200, { errcode: 45033, errmsg: 'api concurrent out of limit' })
			.post('/cgi-bin/message/send')
			.query(true)
			.reply(200, { errcode: 0, msgid: 'm1' });
		const run = await runNode(
			apiRequest({
				method: 'POST',
				path: '/cgi-bin/message/send',
				query: {},
				body: '{"touser":"a"}',
			}),
			{ credentials: credentials() },
		);
		expect(run.error).toBeUndefined();
		expect(run.output('Node')[0].msgid).toBe('m1');
		expect(api.isDone()).toBe(true);
	});

	it('does not repeat a write after an ambiguous failure (-1 or HTTP 500) unless it is safe to repeat', async () => {
		tokenEndpoint('T1');
		const once = nock(BASE).post('/cgi-bin/meeting/create').query(true).reply(500, 'busy');
		const run = await runNode(
			apiRequest({ method: 'POST', path: '/cgi-bin/meeting/create', query: {}, body: '{}' }),
			{ credentials: credentials() },
		);
		expect(once.isDone()).toBe(true);
		expect(run.error?.message).toBe('WeCom request POST /cgi-bin/meeting/create failed: HTTP 500');
		expect(run.error?.description).toContain('not repeated automatically');

		nock(BASE)
			.post('/cgi-bin/user/list_id')
			.query(true)
			.reply(200, { errcode: -1, errmsg: 'system busy' })
			.post('/cgi-bin/user/list_id')
			.query(true)
			.reply(500)
			.post('/cgi-bin/user/list_id')
			.query(true)
			.reply(200, { errcode: 0, dept_user: [] });
		const safe = await runNode(
			apiRequest({
				method: 'POST',
				path: '/cgi-bin/user/list_id',
				query: {},
				body: '{}',
				options: { safeToRepeat: true },
			}),
			{
				credentials: credentials({
					accessToken: 'T1',
					accessTokenRefreshAt: Date.now() + 3600_000,
				}),
			},
		);
		expect(safe.error).toBeUndefined();
		expect(nock.isDone()).toBe(true);
	});

	it('retries GET requests after server errors and dropped connections', async () => {
		tokenEndpoint('T1');
		nock(BASE)
			.get('/cgi-bin/user/get')
			.query(true)
			.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
			.get('/cgi-bin/user/get')
			.query(true)
			.reply(502)
			.get('/cgi-bin/user/get')
			.query(true)
			.reply(200, { errcode: 0, userid: 'a' });
		const run = await runNode(apiRequest(), { credentials: credentials(), items: [{ id: 'a' }] });
		expect(run.error).toBeUndefined();
		expect(nock.isDone()).toBe(true);
	});

	it('explains 60020 with the IP WeCom saw and where to allow-list it', async () => {
		tokenEndpoint('T1');
		nock(BASE).get('/cgi-bin/user/get').query(true).reply(200, {
			errcode: 60020,
			errmsg:
				'not allow to access from your ip, hint: [1700-abc], from ip: 203.0.113.9, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
		});
		const run = await runNode(apiRequest(), { credentials: credentials(), items: [{ id: 'a' }] });
		expect(run.error?.message).toBe('WeCom: not allow to access from your ip (60020)');
		expect(run.error?.description).toContain('WeCom saw the call coming from IP 203.0.113.9.');
		expect(run.error?.description).toContain('企业可信IP');
	});

	it('reports a wrong secret with WeCom’s reason and never shows the secret', async () => {
		nock(BASE)
			.get('/cgi-bin/gettoken')
			.query(true)
			.reply(200, {
				errcode: 40001,
				errmsg: `invalid credential, hint: [x], from ip: 1.2.3.4 secret ${SECRET}`,
			});
		const run = await runNode(apiRequest(), { credentials: credentials(), items: [{ id: 'a' }] });
		expect(run.error?.message).toBe('WeCom: invalid credential (40001)');
		expect(run.error?.description).toMatch(
			/^WeCom's error list gives 40001 as: invalid corpsecret\./,
		);
		expect(run.error?.description).toContain('应用管理');
		expect(JSON.stringify(run.run.data)).not.toContain(SECRET);
	});

	it('outputs an error item with the errcode under Continue On Fail, keeping the other items', async () => {
		tokenEndpoint('T1');
		nock(BASE)
			.get('/cgi-bin/user/get')
			.query((q) => q.userid === 'good')
			.reply(200, { errcode: 0, userid: 'good' })
			.get('/cgi-bin/user/get')
			.query((q) => q.userid === 'missing')
			.reply(200, { errcode: 60111, errmsg: 'userid not found' });
		const run = await runNode(
			{ ...apiRequest(), continueOnFail: true },
			{ credentials: credentials(), items: [{ id: 'good' }, { id: 'missing' }] },
		);
		expect(run.error).toBeUndefined();
		expect(run.output('Node')).toEqual([
			{ errcode: 0, userid: 'good' },
			{
				error: 'WeCom: userid not found (60111)',
				errcode: 60111,
				errmsg: 'userid not found',
			},
		]);
		expect(run.items('Node')[1].pairedItem).toEqual({ item: 1 });
	});

	it('follows next_cursor and emits one item per list entry', async () => {
		tokenEndpoint('T1');
		nock(BASE)
			.post('/cgi-bin/user/list_id', { limit: 2 })
			.query(true)
			.reply(200, { errcode: 0, next_cursor: 'c1', dept_user: [{ userid: 'a' }, { userid: 'b' }] })
			.post('/cgi-bin/user/list_id', { limit: 2, cursor: 'c1' })
			.query(true)
			.reply(200, { errcode: 0, next_cursor: '', dept_user: [{ userid: 'c' }] });
		const run = await runNode(
			apiRequest({
				method: 'POST',
				path: '/cgi-bin/user/list_id',
				query: {},
				body: '{"limit": 2}',
				options: { followCursor: true, listField: 'dept_user' },
			}),
			{ credentials: credentials() },
		);
		expect(run.error).toBeUndefined();
		expect(run.output('Node')).toEqual([{ userid: 'a' }, { userid: 'b' }, { userid: 'c' }]);
	});
});

describe('WeCom API Request input checks (before any call)', () => {
	it.each([
		[
			{ path: 'https://qyapi.weixin.qq.com/cgi-bin/user/get' },
			'Path: must be a path, not a full URL [item 0]',
		],
		[
			{ path: 'cgi-bin/user/get' },
			'Path: must start with / and contain no spaces, ? or # [item 0]',
		],
		[
			{ path: '/cgi-bin/user/get?userid=a' },
			'Path: must start with / and contain no spaces, ? or # [item 0]',
		],
		[
			{ query: { parameter: [{ name: 'access_token', value: 'x' }] } },
			'Query Parameters: must not contain "access_token" [item 0]',
		],
		[{ method: 'POST', body: '{ not json' }, 'Body (JSON): is not valid JSON [item 0]'],
		[{ method: 'POST', body: '[1,2]' }, 'Body (JSON): must be a JSON object [item 0]'],
		[{ options: { followCursor: true } }, 'List Field: is required with Follow Cursor [item 0]'],
	])('%j → %s', async (parameters, message) => {
		const run = await runNode(apiRequest(parameters), { credentials: credentials() });
		expect(run.error?.message).toBe(message);
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('checks every item before sending anything', async () => {
		const run = await runNode(apiRequest({ path: '={{ $json.path }}', query: {} }), {
			credentials: credentials(),
			items: [{ path: '/cgi-bin/user/get' }, { path: 'oops' }],
		});
		// nock refuses every connection: any call would have failed with a network error instead
		expect(run.error?.message).toBe(
			'Path: must start with / and contain no spaces, ? or # [item 1]',
		);
	});
});
