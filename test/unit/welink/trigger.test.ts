import axios from 'axios';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	decryptWeLink,
	encryptWeLink,
	weLinkCallbackKey,
	weLinkCallbackReply,
} from '../../../nodes/shared/crypto/welink';
import {
	DEFAULT_TOLERANCE_SECONDS,
	MAX_CALLBACK_BODY,
	dedupKey,
	readWeLinkCallback,
} from '../../../nodes/WeLink/callback/read';
import { MAX_DETAIL_LOOKUPS } from '../../../nodes/WeLink/callback/details';
import { WeLinkTrigger } from '../../../nodes/WeLinkTrigger/WeLinkTrigger.node';
import { freshNodeClass, webhookHarness, type FakeRequest } from '../../harness/webhook.cjs';
import { credentials, fakeWeLink, resetWeLink, type Call } from './fake';

const SECRET = credentials.wecomWelinkWeLinkApi.clientSecret;
const key = weLinkCallbackKey(SECRET);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Each test sends different content, as the trigger remembers deliveries for the whole process. */
let serial = 0;
const tenant = () => `tenant-${++serial}`;

const body = (payload: unknown, secretKey = key) =>
	JSON.stringify({ encrypt: encryptWeLink(secretKey, JSON.stringify(payload)) });
const post = (rawBody: string | Buffer): FakeRequest => ({
	method: 'POST',
	rawBody,
	headers: { 'content-type': 'application/json' },
});
const event = (eventType: string, extra: IDataObject = {}, timestamp = String(nowSeconds())) => ({
	eventType,
	timestamp,
	...extra,
});
const replyOf = (result: { body?: unknown }) =>
	JSON.parse(decryptWeLink(key, (JSON.parse(String(result.body)) as { encrypt: string }).encrypt));

/** The WeLink node's authenticated request, as the credential would make it (token header added). */
const authenticatedRequest = async (_type: string, options: IDataObject) => {
	const request = options as unknown as IHttpRequestOptions;
	const response = await axios.request({
		method: request.method,
		url: request.url,
		params: request.qs,
		data: request.body,
		headers: { ...(request.headers as Record<string, string>), 'x-wlk-Authorization': 'TOKEN' },
		validateStatus: () => true,
	});
	return { statusCode: response.status, body: response.data };
};

const trigger = (parameters: IDataObject = { events: ['*'] }) =>
	webhookHarness(new WeLinkTrigger(), parameters, credentials, {
		httpRequestWithAuthentication: authenticatedRequest,
	});

beforeEach(resetWeLink);

describe('reading a WeLink callback (reference §6.2)', () => {
	const options = { toleranceSeconds: DEFAULT_TOLERANCE_SECONDS, nowSeconds: 1562752619 };
	// The reference's own example of the URL check payload (isv/app_callback.html).
	const TEST_EVENT = '{"eventType":"test","timestamp":"1562752619"}';

	it('reads the documented test event as the URL check, keeping its timestamp', () => {
		const encrypted = encryptWeLink(key, TEST_EVENT, Buffer.alloc(16, 7));
		expect(encrypted.slice(0, 24)).toBe(Buffer.alloc(16, 7).toString('base64'));
		const outcome = readWeLinkCallback(
			{ rawBody: Buffer.from(JSON.stringify({ encrypt: encrypted })) },
			key,
			options,
		);
		expect(outcome).toEqual({ kind: 'test', timestamp: '1562752619' });
	});

	it('reads an event; a numeric or millisecond timestamp is Unix time too', () => {
		const read = (payload: unknown) =>
			readWeLinkCallback({ rawBody: Buffer.from(body(payload)) }, key, options);
		expect(read({ eventType: 'corpAuth', tenantId: 't1', timestamp: '1562752000' })).toEqual({
			kind: 'event',
			event: { eventType: 'corpAuth', tenantId: 't1', timestamp: '1562752000' },
			eventType: 'corpAuth',
			timestamp: '1562752000',
			seconds: 1562752000,
		});
		expect(read({ eventType: 'corpAuth', timestamp: 1562752000 })).toMatchObject({
			seconds: 1562752000,
			timestamp: '1562752000',
		});
		expect(read({ eventType: 'corpAuth', timestamp: '1562752000123' })).toMatchObject({
			seconds: 1562752000,
			timestamp: '1562752000123',
		});
	});

	it.each([
		['an empty body', Buffer.alloc(0), 400],
		['a body that is not JSON', Buffer.from('encrypt='), 400],
		['a JSON array', Buffer.from('[]'), 400],
		['no "encrypt"', Buffer.from('{"data":"x"}'), 400],
		['"encrypt" not a string', Buffer.from('{"encrypt":42}'), 400],
		['"encrypt" not base64', Buffer.from(`{"encrypt":"${'A'.repeat(24)}!!!!"}`), 400],
		[
			'an IV of the wrong length',
			Buffer.from(`{"encrypt":"${'A'.repeat(20)}AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}`),
			400,
		],
		[
			'a payload that is not JSON',
			Buffer.from(JSON.stringify({ encrypt: encryptWeLink(key, 'hello') })),
			400,
		],
		[
			'a payload that is a JSON string',
			Buffer.from(JSON.stringify({ encrypt: encryptWeLink(key, '"x"') })),
			400,
		],
		['no eventType', Buffer.from(body({ timestamp: '1562752619', tenantId: 't' })), 400],
		['no timestamp', Buffer.from(body({ eventType: 'corpAuth', tenantId: 't' })), 400],
		[
			'a timestamp that is not Unix seconds',
			Buffer.from(body({ eventType: 'corpAuth', timestamp: '2019-07-10' })),
			400,
		],
		[
			'a forged tag',
			Buffer.from(
				JSON.stringify({ encrypt: `${encryptWeLink(key, TEST_EVENT).slice(0, -4)}AAAA` }),
			),
			403,
		],
		[
			'another secret',
			Buffer.from(body(JSON.parse(TEST_EVENT), weLinkCallbackKey(`${SECRET}x`))),
			403,
		],
		[
			'a timestamp 31 minutes old',
			Buffer.from(body({ eventType: 'corpAuth', timestamp: String(1562752619 - 1860) })),
			403,
		],
		[
			'a timestamp 31 minutes ahead',
			Buffer.from(body({ eventType: 'corpAuth', timestamp: String(1562752619 + 1860) })),
			403,
		],
		[
			'an oversize body',
			Buffer.from(
				JSON.stringify({
					encrypt: encryptWeLink(key, TEST_EVENT),
					pad: 'x'.repeat(MAX_CALLBACK_BODY),
				}),
			),
			413,
		],
	])('refuses %s', (_name, rawBody, status) => {
		expect(readWeLinkCallback({ rawBody }, key, options)).toMatchObject({ kind: 'reject', status });
	});

	it('accepts a timestamp just inside the 30-minute window, and any when the window is off', () => {
		const at = (offset: number, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS) =>
			readWeLinkCallback(
				{
					rawBody: Buffer.from(
						body({ eventType: 'corpAuth', timestamp: String(1562752619 + offset) }),
					),
				},
				key,
				{ toleranceSeconds, nowSeconds: 1562752619 },
			).kind;
		expect([at(-1800), at(1800), at(-1801), at(1801)]).toEqual([
			'event',
			'event',
			'reject',
			'reject',
		]);
		expect(at(-86400, 0)).toBe('event');
	});

	it('gives equal content the same de-duplication key, whatever the key order', () => {
		expect(dedupKey({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
			dedupKey({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
		);
		expect(dedupKey({ a: 1, timestamp: '1' })).not.toBe(dedupKey({ a: 1, timestamp: '2' }));
	});

	it('builds the success reply WeLink expects: {"encrypt"} of {msg, timestamp}', () => {
		const reply = JSON.parse(weLinkCallbackReply(key, '1562752619')) as { encrypt: string };
		expect(Object.keys(reply)).toEqual(['encrypt']);
		expect(JSON.parse(decryptWeLink(key, reply.encrypt))).toEqual({
			msg: 'success',
			timestamp: '1562752619',
		});
	});
});

describe('WeLink Trigger webhook', () => {
	it('answers the test event (URL check) with the encrypted success reply and starts nothing', async () => {
		const harness = trigger();
		const timestamp = String(nowSeconds() - 42);
		const result = await harness.call(post(body(event('test', {}, timestamp))));
		expect(result).toMatchObject({
			status: 200,
			contentType: 'application/json',
			noWebhookResponse: true,
		});
		expect(replyOf(result)).toEqual({ msg: 'success', timestamp });
		expect(result.workflowData).toBeUndefined();
	});

	it('emits one item with the decrypted event and echoes the request’s timestamp', async () => {
		const harness = trigger({ events: ['corpEditUser'] });
		const timestamp = String(nowSeconds() - 600);
		const id = tenant();
		const payload = event(
			'corpEditUser',
			{ data: [{ tenantId: id, userId: 'zhangsan@welink' }] },
			timestamp,
		);
		const result = await harness.call(post(body(payload)));
		expect(result).toMatchObject({ status: 200, noWebhookResponse: true });
		expect(replyOf(result)).toEqual({ msg: 'success', timestamp });
		expect(result.workflowData).toHaveLength(1);
		const item = result.workflowData?.[0][0].json as IDataObject;
		expect(item).toEqual({
			eventType: 'corpEditUser',
			timestamp,
			data: [{ tenantId: id, userId: 'zhangsan@welink' }],
			createdAt: expect.stringMatching(/\+08:00$/),
		});
	});

	it('starts one execution for a retried or replayed delivery (same content, any IV)', async () => {
		const harness = trigger();
		const payload = event('corpAuth', { tenantId: tenant() });
		const sent = body(payload);
		const first = await harness.call(post(sent));
		const retried = await harness.call(post(body(payload)));
		const replayed = await harness.call(post(sent));
		expect(first.workflowData).toHaveLength(1);
		for (const again of [retried, replayed]) {
			expect(again.status).toBe(200);
			expect(replyOf(again).msg).toBe('success');
			expect(again.workflowData).toBeUndefined();
		}
		// The same event at another time is another event.
		const later = await harness.call(
			post(body({ ...payload, timestamp: String(Number(payload.timestamp) + 1) })),
		);
		expect(later.workflowData).toHaveLength(1);
		// Remembered in the workflow's static data too (another process, or after a restart).
		expect(Object.keys(harness.staticData.seenCallbacks as IDataObject)).toHaveLength(2);
	});

	it('de-duplicates per workflow: one delivery to two workflows starts each once, a retry to each none', async () => {
		const payload = event('corpAuth', { tenantId: tenant() });
		const workflows = ['first', 'second'].map((workflowId) =>
			webhookHarness(new WeLinkTrigger(), { events: ['*'] }, credentials, { workflowId }),
		);
		for (const workflow of workflows)
			expect((await workflow.call(post(body(payload)))).workflowData).toHaveLength(1);
		for (const workflow of workflows)
			expect((await workflow.call(post(body(payload)))).workflowData).toBeUndefined();
	});

	it('drops a retry that reaches another process, through the workflow’s static data', async () => {
		const payload = event('corpAuth', { tenantId: tenant() });
		const first = trigger();
		expect((await first.call(post(body(payload)))).workflowData).toHaveLength(1);
		// A new copy of the module: its in-process memory is empty, as in another webhook process.
		const Fresh = freshNodeClass<typeof WeLinkTrigger>(
			'nodes/WeLinkTrigger/WeLinkTrigger.node',
			'WeLinkTrigger',
		);
		expect(Fresh).not.toBe(WeLinkTrigger);
		const other = webhookHarness(new Fresh(), { events: ['*'] }, credentials);
		const blank = await other.call(post(body(event('corpAuth', { tenantId: tenant() }))));
		expect(blank.workflowData).toHaveLength(1);
		Object.assign(other.staticData, JSON.parse(JSON.stringify(first.staticData)));
		const retry = await other.call(post(body(payload)));
		expect(retry.status).toBe(200);
		expect(retry.workflowData).toBeUndefined();
	});

	const refused: Array<[string, number, () => string]> = [
		[
			'forged tag',
			403,
			() =>
				JSON.stringify({
					encrypt: `${encryptWeLink(key, JSON.stringify(event('corpAuth'))).slice(0, -4)}AAAA`,
				}),
		],
		[
			'wrong secret',
			403,
			() =>
				body(event('corpAuth', { tenantId: tenant() }), weLinkCallbackKey('another-app-secret')),
		],
		[
			'stale timestamp',
			403,
			() => body(event('corpAuth', { tenantId: tenant() }, String(nowSeconds() - 3600))),
		],
		[
			'future timestamp',
			403,
			() => body(event('corpAuth', { tenantId: tenant() }, String(nowSeconds() + 3600))),
		],
		['not JSON', 400, () => 'encrypt=abc'],
		[
			'decrypted payload not JSON',
			400,
			() => JSON.stringify({ encrypt: encryptWeLink(key, '<xml/>') }),
		],
		['missing encrypt', 400, () => JSON.stringify({ msg: 'x' })],
		['missing eventType', 400, () => body({ timestamp: String(nowSeconds()), tenantId: tenant() })],
		['missing timestamp', 400, () => body({ eventType: 'corpAuth', tenantId: tenant() })],
		['oversize body', 413, () => JSON.stringify({ encrypt: 'A'.repeat(MAX_CALLBACK_BODY + 1) })],
	];

	it.each(refused)(
		'refuses a %s with HTTP %s and starts nothing; nothing secret in the logs',
		async (_name, status, make) => {
			const harness = trigger();
			const result = await harness.call(post(make()));
			expect(result).toMatchObject({ status, noWebhookResponse: true, contentType: 'text/plain' });
			expect(result.workflowData).toBeUndefined();
			expect(harness.staticData.seenCallbacks).toBeUndefined();
			expect(harness.logs.join('\n')).toMatch(/warn WeLink callback refused/);
			expect(harness.logs.join('\n')).not.toContain(SECRET);
			expect(harness.logs.join('\n')).not.toContain(key.toString('base64'));
		},
	);

	it('refuses a stale test event too (the URL check is held to the same window)', async () => {
		const result = await trigger().call(post(body(event('test', {}, String(nowSeconds() - 3600)))));
		expect(result.status).toBe(403);
	});

	it('acknowledges events outside the filter without starting the workflow', async () => {
		const harness = trigger({ events: ['corpEditUser', 'corpDelUser'] });
		const result = await harness.call(post(body(event('corpAuth', { tenantId: tenant() }))));
		expect(result.status).toBe(200);
		expect(replyOf(result).msg).toBe('success');
		expect(result.workflowData).toBeUndefined();
		const wanted = await harness.call(
			post(body(event('corpDelUser', { data: [{ tenantId: tenant(), userId: 'u' }] }))),
		);
		expect(wanted.workflowData).toHaveLength(1);
	});

	it('passes any event type, undocumented ones included, with "All Events"', async () => {
		const result = await trigger({ events: ['*'] }).call(
			post(body(event('appDisabled', { tenantId: tenant() }))),
		);
		expect(result.workflowData?.[0][0].json).toMatchObject({ eventType: 'appDisabled' });
	});

	it('lets the timestamp window be widened or switched off', async () => {
		const old = String(nowSeconds() - 7200);
		const open = trigger({ events: ['*'], options: { toleranceSeconds: 0 } });
		expect(
			(await open.call(post(body(event('corpAuth', { tenantId: tenant() }, old))))).workflowData,
		).toHaveLength(1);
		const wide = trigger({ events: ['*'], options: { toleranceSeconds: 3 * 3600 } });
		expect(
			(await wide.call(post(body(event('corpAuth', { tenantId: tenant() }, old))))).workflowData,
		).toHaveLength(1);
	});

	it('answers 500 and starts nothing when the credential has no secret (a setup problem)', async () => {
		const harness = webhookHarness(
			new WeLinkTrigger(),
			{ events: ['*'] },
			{
				wecomWelinkWeLinkApi: { ...credentials.wecomWelinkWeLinkApi, clientSecret: '' },
			},
		);
		const result = await harness.call(post(body(event('corpAuth', { tenantId: tenant() }))));
		expect(result).toMatchObject({ status: 500, body: 'callback credential misconfigured' });
		expect(result.workflowData).toBeUndefined();
	});

	describe('Include Details', () => {
		const user = (userId: string) => ({
			userId,
			userNameCn: '张三',
			mainDeptCode: '1001',
			userStatus: 3,
		});
		const welink = () =>
			fakeWeLink((call: Call) => {
				if (call.path === '/contact/v2/user/detail') {
					const { userId } = call.body as { userId: string };
					return userId === 'gone@welink'
						? { code: '47001', message: 'user not found' }
						: { code: '0', message: 'ok', ...user(userId) };
				}
				if (call.path === '/contact/v2/department/detail')
					return { code: '0', message: 'ok', deptCode: call.query.deptCode, deptNameCn: '研发部' };
				return { code: '404', message: 'unexpected' };
			});

		it('reads the changed users into their entries', async () => {
			const calls = welink();
			const id = tenant();
			const result = await trigger({ events: ['*'], includeDetails: true }).call(
				post(
					body(
						event('corpEditUser', {
							data: [
								{ tenantId: id, userId: 'zhangsan@welink' },
								{ tenantId: id, userId: 'lisi@welink' },
							],
						}),
					),
				),
			);
			expect(calls.map((c) => [c.method, c.path, c.body, c.token])).toEqual([
				['POST', '/contact/v2/user/detail', { userId: 'zhangsan@welink' }, 'TOKEN'],
				['POST', '/contact/v2/user/detail', { userId: 'lisi@welink' }, 'TOKEN'],
			]);
			const item = result.workflowData?.[0][0].json as IDataObject;
			expect(item.data).toEqual([
				{ tenantId: id, userId: 'zhangsan@welink', user: user('zhangsan@welink') },
				{ tenantId: id, userId: 'lisi@welink', user: user('lisi@welink') },
			]);
			expect(item.detailsError).toBeUndefined();
		});

		it('reads the changed department', async () => {
			const calls = welink();
			const result = await trigger({ events: ['corpEditDept'], includeDetails: true }).call(
				post(body(event('corpEditDept', { data: [{ tenantId: tenant(), deptCode: '1001' }] }))),
			);
			expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
				['GET', '/contact/v2/department/detail', { deptCode: '1001' }],
			]);
			expect((result.workflowData?.[0][0].json as IDataObject).data).toEqual([
				expect.objectContaining({
					deptCode: '1001',
					department: { deptCode: '1001', deptNameCn: '研发部' },
				}),
			]);
		});

		it('outputs the event with detailsError when a read fails, instead of failing', async () => {
			welink();
			const id = tenant();
			const result = await trigger({ events: ['*'], includeDetails: true }).call(
				post(
					body(
						event('corpEditUser', {
							data: [
								{ tenantId: id, userId: 'gone@welink' },
								{ tenantId: id, userId: 'ok@welink' },
							],
						}),
					),
				),
			);
			expect(result.status).toBe(200);
			const item = result.workflowData?.[0][0].json as IDataObject;
			expect(item.detailsError).toBe('WeLink: user not found (47001)');
			expect(item.data).toEqual([
				{ tenantId: id, userId: 'gone@welink', detailsError: 'WeLink: user not found (47001)' },
				{ tenantId: id, userId: 'ok@welink', user: user('ok@welink') },
			]);
		});

		it('reports an event without entries, and a refused read, as detailsError', async () => {
			fakeWeLink(() => ({ code: '47000', message: 'no permission' }));
			const empty = await trigger({ events: ['*'], includeDetails: true }).call(
				post(body(event('corpEditUser', { tenantId: tenant() }))),
			);
			expect((empty.workflowData?.[0][0].json as IDataObject).detailsError).toMatch(/no user/);
			const down = await trigger({ events: ['*'], includeDetails: true }).call(
				post(body(event('corpEditDept', { data: [{ tenantId: tenant(), deptCode: '1002' }] }))),
			);
			expect(down.status).toBe(200);
			expect((down.workflowData?.[0][0].json as IDataObject).detailsError).toMatch(
				/^WeLink: no permission for this contact data \(47000\)/,
			);
		});

		it('reads nothing for deletions and authorisations, or when the option is off', async () => {
			const calls = welink();
			await trigger({ events: ['*'], includeDetails: true }).call(
				post(
					body(event('corpDelUser', { data: [{ tenantId: tenant(), userId: 'zhangsan@welink' }] })),
				),
			);
			await trigger({ events: ['*'], includeDetails: true }).call(
				post(body(event('corpAuth', { tenantId: tenant() }))),
			);
			await trigger({ events: ['*'] }).call(
				post(
					body(
						event('corpEditUser', { data: [{ tenantId: tenant(), userId: 'zhangsan@welink' }] }),
					),
				),
			);
			expect(calls).toEqual([]);
		});

		it(`reads at most ${MAX_DETAIL_LOOKUPS} records per event and says so`, async () => {
			const calls = welink();
			const id = tenant();
			const data = Array.from({ length: MAX_DETAIL_LOOKUPS + 5 }, (_, i) => ({
				tenantId: id,
				userId: `u${i}@welink`,
			}));
			const result = await trigger({ events: ['*'], includeDetails: true }).call(
				post(body(event('corpEditUser', { data }))),
			);
			expect(calls).toHaveLength(MAX_DETAIL_LOOKUPS);
			expect((result.workflowData?.[0][0].json as IDataObject).detailsError).toMatch(
				/5 more users not read/,
			);
		});
	});
});
