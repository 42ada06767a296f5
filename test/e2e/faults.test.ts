import { sleep } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/retry';
import { sendWeComCallback, type XmlObject } from '../../sandbox/callbacks.cjs';
import type { FaultSpec } from '../../sandbox/faults.cjs';
import type { LogEntry } from '../../sandbox/log.cjs';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../../sandbox/wecom/apps.cjs';
import { seedLargeContacts } from '../../sandbox/wecom/contacts.cjs';
import { seedLargeWeLinkContacts } from '../../sandbox/welink/contacts.cjs';
import { findLeaks, scanText } from '../harness/secrets.cjs';
import {
	CREDENTIAL_IDS,
	fixtureSecrets,
	itemsWorkflow,
	sandboxCredentials,
	triggerUrl,
	triggerWorkflow,
	WECOM_APP,
	WECOM_CALLBACK,
} from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n } from './lab.cjs';

/**
 * Fault matrix in real n8n: a multi-item WeCom message send (and a WeLink one) while the sandbox
 * revokes tokens, answers -1 / 45009 / 48503 / HTTP 500, answers slowly, drops connections or
 * loses answers. Every item must complete, no message may be delivered twice, and the calls stay
 * within the retry policy's bound. Then a representative set of callback attacks on both WeCom
 * triggers, and last a scan of everything n8n kept (log, executions) for credential secrets.
 */

const SEND = 'e2eFaultSend0001';
const WELINK = 'e2eFaultWeLink01';
const APP_TRIGGER = 'e2eFaultAppTrig1';
const EXT_TRIGGER = 'e2eFaultExtTrig1';
const SEND_PATH = '/cgi-bin/message/send';
const WELINK_PATH = '/api/messages/v2/card/common';

/**
 * Calls one item may make to one endpoint: the first attempt, at most maxRetries retries
 * (nodes/shared/retry.ts), and one repeat after a rejected token (nodes/shared/transport.ts).
 */
const MAX_CALLS_PER_ITEM = 1 + DEFAULT_RETRY_POLICY.maxRetries + 1;

const workflows = [
	itemsWorkflow(SEND, 'e2e-fault-send', {
		type: 'n8n-nodes-wecom-welink.weCom',
		parameters: {
			resource: 'message',
			operation: 'send',
			recipients: { members: '={{ $json.member }}' },
			messageType: 'text',
			content: '={{ $json.text }}',
		},
		credentials: WECOM_APP,
		continueOnFail: true,
	}),
	itemsWorkflow(WELINK, 'e2e-fault-welink', {
		type: 'n8n-nodes-wecom-welink.weLink',
		parameters: {
			resource: 'message',
			operation: 'sendPlainCard',
			sendTo: 'users',
			users: '={{ $json.user }}',
			sender: '通知',
			title: '={{ $json.text }}',
			content: '请查看',
		},
		credentials: { wecomWelinkWeLinkApi: { id: CREDENTIAL_IDS.welink, name: 'WeLink (sandbox)' } },
		continueOnFail: true,
	}),
	triggerWorkflow(APP_TRIGGER, {
		type: 'n8n-nodes-wecom-welink.weComTrigger',
		parameters: { events: ['msg:text'] },
		credentials: WECOM_CALLBACK,
	}),
	triggerWorkflow(EXT_TRIGGER, {
		type: 'n8n-nodes-wecom-welink.weComExternalContactTrigger',
		parameters: {
			events: ['external:add_external_contact'],
			includeDetails: false,
			sendWelcome: false,
		},
		credentials: WECOM_CALLBACK,
	}),
];

describe('fault matrix, callback attacks and secret scan in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	/** Every answer n8n gave the tests, scanned for secrets at the end. */
	const answers: unknown[] = [];
	let run = 0;

	beforeAll(async () => {
		sandbox = await startSandbox();
		seedLargeContacts(sandbox.state.wecom.contacts, 5, 50);
		seedLargeWeLinkContacts(sandbox.state.welink, 5, 50);
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	beforeEach(() => {
		sandbox.state.faults.clear();
		run++;
	});

	/** Items with a text unique to this test (WeCom's duplicate check would merge equal texts). */
	const items = (n: number, label: string) =>
		Array.from({ length: n }, (_, i) => ({
			member: `u${i}`,
			user: `u${i}@${sandbox.state.welink.tenantId}`,
			text: `故障演练 ${run} ${label} #${i}`,
		}));

	const sendCalls = (since: number, path = SEND_PATH) => sandbox.state.log.all({ path, since });
	const textOf = (e: LogEntry) =>
		String(((e.body as { text?: { content?: string } })?.text ?? {}).content ?? '');

	async function weComSend(label: string, faults: FaultSpec[], n = 6) {
		const since = sandbox.state.log.lastSeq;
		const rules = faults.map((f) => sandbox.state.faults.add(f));
		const batch = items(n, label);
		const { status, data } = await n8n.webhook('e2e-fault-send', { items: batch });
		answers.push(data);
		return { since, rules, batch, status, data: data as Array<Record<string, unknown>> };
	}

	function expectEveryItemOnceWithinBounds(
		result: Awaited<ReturnType<typeof weComSend>>,
		extraCalls: number,
	) {
		const { since, batch, status, data, rules } = result;
		expect(status).toBe(200);
		// Every item completes: one output item each, none an error.
		expect(data).toHaveLength(batch.length);
		expect(data.filter((d) => d.error)).toEqual([]);
		// Every fault fired as planned.
		for (const rule of rules) expect(rule.hits).toBe(rule.times);
		// No message is delivered twice: each text reached WeCom's store exactly once.
		const stored = sandbox.state.wecom.messages.sent.map((m) =>
			String((m.payload as { content?: string }).content ?? ''),
		);
		for (const { text } of batch) expect(stored.filter((t) => t === text)).toHaveLength(1);
		// Retries stay bounded: per item, and in total exactly one extra call per injected failure.
		const calls = sendCalls(since);
		for (const { text } of batch)
			expect(calls.filter((c) => textOf(c) === text).length).toBeLessThanOrEqual(
				MAX_CALLS_PER_ITEM,
			);
		expect(calls).toHaveLength(batch.length + extraCalls);
		return calls;
	}

	const tokenFetches = (since: number) =>
		sandbox.state.log.all({ path: '/cgi-bin/gettoken', since }).length;

	it('a token revoked mid-run (40014): refreshed once, every item sent once', async () => {
		const result = await weComSend('revoked', [
			{ platform: 'wecom', path: SEND_PATH, kind: 'revoke-tokens', after: 2 },
		]);
		const calls = expectEveryItemOnceWithinBounds(result, 1);
		expect(calls.filter((c) => c.code === '40014')).toHaveLength(1);
		expect(tokenFetches(result.since)).toBeLessThanOrEqual(2);
	}, 180_000);

	it('a token expired mid-run (42001): refreshed once, every item sent once', async () => {
		const result = await weComSend('expired', [
			{ platform: 'wecom', path: SEND_PATH, kind: 'expire-tokens', after: 3 },
		]);
		const calls = expectEveryItemOnceWithinBounds(result, 1);
		expect(calls.filter((c) => c.code === '42001')).toHaveLength(1);
		expect(tokenFetches(result.since)).toBeLessThanOrEqual(2);
	}, 180_000);

	it.each([
		['-1 (system busy)', -1],
		['45009 (frequency limit)', 45009],
		['45033 (concurrency limit)', 45033],
	])(
		'a burst of %s: backed off and retried, every item sent once',
		async (label, errcode) => {
			const result = await weComSend(`burst ${errcode}`, [
				{ platform: 'wecom', path: SEND_PATH, kind: 'errcode', errcode, times: 3, after: 1 },
			]);
			const calls = expectEveryItemOnceWithinBounds(result, 3);
			expect(calls.filter((c) => c.code === String(errcode))).toHaveLength(3);
			expect(label).toBeTruthy();
		},
		180_000,
	);

	it('HTTP 500 twice: retried (the duplicate check makes it safe), every item sent once', async () => {
		const result = await weComSend('http500', [
			{ platform: 'wecom', path: SEND_PATH, kind: 'http-status', status: 500, times: 2, after: 2 },
		]);
		expectEveryItemOnceWithinBounds(result, 2);
	}, 180_000);

	it('slow answers within the timeout: waited for, not repeated', async () => {
		const result = await weComSend('slow', [
			{ platform: 'wecom', path: SEND_PATH, kind: 'delay', delayMs: 2_000, times: 2, after: 1 },
		]);
		expectEveryItemOnceWithinBounds(result, 0);
	}, 180_000);

	it('connections dropped before WeCom handled the call: repeated, every item sent once', async () => {
		const result = await weComSend('dropped', [
			{ platform: 'wecom', path: SEND_PATH, kind: 'drop', times: 2, after: 1 },
		]);
		expectEveryItemOnceWithinBounds(result, 2);
	}, 180_000);

	it('answers lost after WeCom handled the call: repeated, and the duplicate check delivers once', async () => {
		const suppressed = sandbox.state.wecom.messages.duplicatesSuppressed;
		const result = await weComSend('lost', [
			{ platform: 'wecom', path: SEND_PATH, kind: 'drop-after', times: 2, after: 1 },
		]);
		expectEveryItemOnceWithinBounds(result, 2);
		expect(sandbox.state.wecom.messages.duplicatesSuppressed - suppressed).toBe(2);
	}, 180_000);

	it('everything at once on 12 items: every item completes, each message once, calls bounded', async () => {
		const faults: FaultSpec[] = [
			{ platform: 'wecom', path: SEND_PATH, kind: 'drop-after', after: 1 },
			{ platform: 'wecom', path: SEND_PATH, kind: 'errcode', errcode: 45009, times: 2, after: 2 },
			{ platform: 'wecom', path: SEND_PATH, kind: 'revoke-tokens', after: 4 },
			{ platform: 'wecom', path: SEND_PATH, kind: 'http-status', status: 502, after: 6 },
			{ platform: 'wecom', path: SEND_PATH, kind: 'errcode', errcode: -1, after: 8 },
			{ platform: 'wecom', path: SEND_PATH, kind: 'drop', after: 10 },
		];
		const result = await weComSend('mixed', faults, 12);
		const calls = expectEveryItemOnceWithinBounds(result, 7);
		expect(calls.length).toBeLessThanOrEqual(12 * MAX_CALLS_PER_ITEM);
	}, 240_000);

	it('an answer slower than the 30 s request timeout: repeated once under the duplicate check, delivered once', async () => {
		// The retry budget starts at the first failure, so a send that used the whole 30 s request
		// timeout is repeated; WeCom's duplicate check (on by default) keeps it from arriving twice.
		const since = sandbox.state.log.lastSeq;
		const rule = sandbox.state.faults.add({
			platform: 'wecom',
			path: SEND_PATH,
			kind: 'delay',
			delayMs: 32_000,
		});
		const [item] = items(1, 'timeout');
		const { status, data } = await n8n.webhook('e2e-fault-send', { items: [item] });
		answers.push(data);
		expect(status).toBe(200);
		const [out] = data as Array<Record<string, unknown>>;
		expect(out.error).toBeUndefined();
		// The late first call is still answered by the sandbox: wait for it, then count.
		await waitFor(async () => sendCalls(since).length >= 2, 60_000);
		await sleep(3_000);
		expect(rule.hits).toBe(1);
		expect(sendCalls(since)).toHaveLength(2);
		const stored = sandbox.state.wecom.messages.sent.filter(
			(m) => (m.payload as { content?: string }).content === item.text,
		);
		expect(stored).toHaveLength(1);
	}, 180_000);

	it('WeLink: token revoked (47103) and a 48503 burst mid-run: every item sent once, calls bounded', async () => {
		const since = sandbox.state.log.lastSeq;
		const rules = [
			sandbox.state.faults.add({
				platform: 'welink',
				path: WELINK_PATH,
				kind: 'revoke-tokens',
				after: 1,
			}),
			sandbox.state.faults.add({
				platform: 'welink',
				path: WELINK_PATH,
				kind: 'errcode',
				errcode: '48503',
				times: 3,
				after: 1,
			}),
		];
		const batch = items(6, 'welink');
		const { status, data } = await n8n.webhook('e2e-fault-welink', { items: batch });
		answers.push(data);
		expect(status).toBe(200);
		const out = data as Array<Record<string, unknown>>;
		expect(out).toHaveLength(batch.length);
		expect(out.filter((d) => d.error)).toEqual([]);
		for (const rule of rules) expect(rule.hits).toBe(rule.times);
		const delivered = sandbox.state.welink.messages.messages.filter((m) =>
			batch.some((b) => b.text === m.body.msgTitle),
		);
		for (const { text } of batch)
			expect(delivered.filter((m) => m.body.msgTitle === text)).toHaveLength(1);
		const calls = sandbox.state.log.all({ path: WELINK_PATH, since });
		expect(calls.filter((c) => c.code === '47103')).toHaveLength(1);
		expect(calls).toHaveLength(batch.length + 1 + 3);
		expect(calls.length).toBeLessThanOrEqual(batch.length * MAX_CALLS_PER_ITEM);
	}, 180_000);

	it('WeLink: an answer lost after the send is not repeated (no duplicate check there): delivered once, the item says so', async () => {
		const since = sandbox.state.log.lastSeq;
		sandbox.state.faults.add({ platform: 'welink', path: WELINK_PATH, kind: 'drop-after' });
		const batch = items(2, 'welink lost');
		const { data } = await n8n.webhook('e2e-fault-welink', { items: batch });
		answers.push(data);
		const out = data as Array<Record<string, unknown>>;
		expect(out).toHaveLength(2);
		expect(String(out[0].error)).toContain('the connection was closed before an answer came');
		expect(String(out[0].description)).toContain('not repeated automatically');
		expect(out[1].error).toBeUndefined();
		expect(sandbox.state.log.all({ path: WELINK_PATH, since })).toHaveLength(2);
		for (const { text } of batch)
			expect(
				sandbox.state.welink.messages.messages.filter((m) => m.body.msgTitle === text),
			).toHaveLength(1);
	}, 180_000);

	// ---- Callback attacks (the cases triggers.test.ts does not already send) ----

	const target = (workflowId: string) => ({
		url: triggerUrl(n8n.url, workflowId),
		token: SANDBOX_CALLBACK.token,
		encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
		receiveId: SANDBOX_CORP_ID,
	});
	const executions = async (workflowId: string) => (await n8n.executions(workflowId)).length;
	let contact = 0;
	const added = (): XmlObject => ({
		ToUserName: SANDBOX_CORP_ID,
		FromUserName: 'sys',
		CreateTime: Math.floor(Date.now() / 1000) + ++contact,
		MsgType: 'event',
		Event: 'change_external_contact',
		ChangeType: 'add_external_contact',
		UserID: 'zhangsan',
		ExternalUserID: `wmFault${contact}`,
	});

	it('External Contact Trigger: forged, unsigned, stale, misaddressed and undecryptable callbacks get 4xx and start nothing', async () => {
		const before = await executions(EXT_TRIGGER);
		const stale = String(Math.floor(Date.now() / 1000) - 3600);
		const results = [
			await sendWeComCallback(target(EXT_TRIGGER), added(), { tamper: 'signature' }),
			await sendWeComCallback(target(EXT_TRIGGER), added(), { tamper: 'no-signature' }),
			await sendWeComCallback(target(EXT_TRIGGER), added(), { timestamp: stale }),
			await sendWeComCallback(target(EXT_TRIGGER), added(), { tamper: 'receive-id' }),
			await sendWeComCallback(target(EXT_TRIGGER), added(), { tamper: 'not-base64' }),
		];
		answers.push(results);
		expect(results.map((r) => r.status)).toEqual([403, 403, 403, 403, 400]);
		await sleep(2_000);
		expect(await executions(EXT_TRIGGER)).toBe(before);
	}, 120_000);

	it('External Contact Trigger: an event delivered three times starts one execution', async () => {
		const before = await executions(EXT_TRIGGER);
		const event = added();
		const results = [];
		for (let i = 0; i < 3; i++) results.push(await sendWeComCallback(target(EXT_TRIGGER), event));
		answers.push(results);
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		await waitFor(async () => (await executions(EXT_TRIGGER)) === before + 1, 20_000);
		await sleep(2_000);
		expect(await executions(EXT_TRIGGER)).toBe(before + 1);
	}, 120_000);

	it('WeCom Trigger: malformed XML and an oversize body get 4xx and start nothing', async () => {
		const before = await executions(APP_TRIGGER);
		const post = async (body: string) => {
			const response = await fetch(
				`${triggerUrl(n8n.url, APP_TRIGGER)}?msg_signature=${'a'.repeat(40)}&timestamp=${Math.floor(Date.now() / 1000)}&nonce=n`,
				{ method: 'POST', headers: { 'content-type': 'text/xml' }, body },
			);
			const text = await response.text();
			answers.push(text);
			return response.status;
		};
		const malformed = await post('<xml><Encrypt><![CDATA[abc</xml>');
		const oversize = await post(`<xml><Encrypt>${'A'.repeat(300 * 1024)}</Encrypt></xml>`);
		expect(malformed).toBeGreaterThanOrEqual(400);
		expect(malformed).toBeLessThan(500);
		expect(oversize).toBeGreaterThanOrEqual(400);
		expect(oversize).toBeLessThan(500);
		await sleep(2_000);
		expect(await executions(APP_TRIGGER)).toBe(before);
	}, 120_000);

	// ---- Last: nothing n8n kept may hold a secret ----

	it('no credential secret or issued token in n8n’s log, its stored executions or any answer', async () => {
		const secrets = fixtureSecrets(sandboxCredentials(sandbox));
		// Tokens the sandbox issued and saw in use (WeCom sends them in the query string).
		for (const entry of sandbox.state.log.all())
			if (entry.query.access_token) secrets.push(entry.query.access_token);
		expect(secrets.length).toBeGreaterThan(5);

		expect(findLeaks(n8n.logs(), secrets)).toEqual([]);
		expect(findLeaks(scanText(answers), secrets)).toEqual([]);

		const list = await n8n.executionIds();
		expect(list.length).toBeGreaterThan(10);
		for (const id of list) {
			const execution = await n8n.rest.get(`/rest/executions/${id}`);
			expect({ id, leaks: findLeaks(JSON.stringify(execution.data), secrets) }).toEqual({
				id,
				leaks: [],
			});
		}
	}, 180_000);
});
