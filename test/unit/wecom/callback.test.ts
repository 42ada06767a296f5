import type { IDataObject } from 'n8n-workflow';

import {
	decryptWeCom,
	encryptWeCom,
	parseEncodingAesKey,
	weComSignature,
} from '../../../nodes/shared/crypto/wecom';
import { parseXml } from '../../../nodes/shared/xml';
import {
	dedupKey,
	eventKey,
	passiveReply,
	readWeComCallback,
	type CallbackConfig,
} from '../../../nodes/WeCom/callback/read';
import { weComCallbackCredentialTest } from '../../../nodes/WeCom/callback/common';
import { WeComExternalContactTrigger } from '../../../nodes/WeComExternalContactTrigger/WeComExternalContactTrigger.node';
import { WeComTrigger } from '../../../nodes/WeComTrigger/WeComTrigger.node';
import { freshNodeClass, webhookHarness } from '../../harness/webhook.cjs';

// Official WeCom vector set A (reference §7).
const TOKEN = 'QDG6eK';
const VECTOR_A_ENCODING = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORP = 'wx5823bf96d3bd56c7';
const config: CallbackConfig = {
	token: TOKEN,
	key: parseEncodingAesKey(VECTOR_A_ENCODING),
	receiveId: CORP,
};
const ECHO =
	'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
const ENCRYPT =
	'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const envelope = (encrypted: string) =>
	Buffer.from(
		`<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`,
	);

describe('reading a WeCom callback (official vectors and hostile requests)', () => {
	const opts = { toleranceSeconds: 300, nowSeconds: 1409659813 };

	it('answers the URL verification (A1) with the decrypted echostr', () => {
		const outcome = readWeComCallback(
			{
				method: 'GET',
				query: {
					msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
					timestamp: '1409659589',
					nonce: '263014780',
					echostr: ECHO,
				},
			},
			config,
			{ toleranceSeconds: 300, nowSeconds: 1409659589 },
		);
		expect(outcome).toEqual({ kind: 'verify', echo: '1616140317555161061' });
	});

	it('decrypts the message (A2) and parses it', () => {
		const outcome = readWeComCallback(
			{
				method: 'POST',
				query: {
					msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
					timestamp: '1409659813',
					nonce: '1372623149',
				},
				rawBody: envelope(ENCRYPT),
			},
			config,
			opts,
		);
		expect(outcome).toMatchObject({
			kind: 'event',
			message: {
				ToUserName: CORP,
				FromUserName: 'mycreate',
				CreateTime: '1409659813',
				MsgType: 'text',
				Content: 'hello',
				MsgId: '4561255354251345929',
				AgentID: '218',
			},
		});
	});

	const signed = (encrypted: string, timestamp = '1409659813', nonce = 'n1') => ({
		method: 'POST',
		query: { msg_signature: weComSignature(TOKEN, timestamp, nonce, encrypted), timestamp, nonce },
		rawBody: envelope(encrypted),
	});

	it.each([
		[
			'a forged signature',
			{
				...signed(ENCRYPT),
				query: { msg_signature: '0'.repeat(40), timestamp: '1409659813', nonce: 'n1' },
			},
			403,
		],
		[
			'a missing signature',
			{ ...signed(ENCRYPT), query: { timestamp: '1409659813', nonce: 'n1' } },
			403,
		],
		['a stale timestamp (replay)', signed(ENCRYPT, String(1409659813 - 301)), 403],
		['a timestamp in the future', signed(ENCRYPT, String(1409659813 + 301)), 403],
		[
			'a payload for another corp',
			signed(encryptWeCom(config.key, '<xml><MsgType>text</MsgType></xml>', 'wwother')),
			403,
		],
		['ciphertext that is not base64', signed('@@@@'), 400],
		['ciphertext of a wrong length', signed(Buffer.alloc(20).toString('base64')), 400],
		['no body', { method: 'POST', query: {}, rawBody: Buffer.alloc(0) }, 400],
		[
			'a body that is not XML',
			{ method: 'POST', query: {}, rawBody: Buffer.from('{"encrypt":"x"}') },
			400,
		],
		[
			'XML without Encrypt',
			{ method: 'POST', query: {}, rawBody: Buffer.from('<xml><A>1</A></xml>') },
			400,
		],
		[
			'an oversized body',
			{ method: 'POST', query: {}, rawBody: Buffer.alloc(300 * 1024, 60) },
			400,
		],
		[
			'a GET without echostr',
			{ method: 'GET', query: { msg_signature: 'x', timestamp: '1', nonce: '1' } },
			400,
		],
	])('refuses %s with %s', (_case, request, status) => {
		expect(readWeComCallback(request as never, config, opts)).toMatchObject({
			kind: 'reject',
			status,
		});
	});

	it('refuses a decrypted payload that is not XML as malformed', () => {
		const outcome = readWeComCallback(
			signed(encryptWeCom(config.key, 'plain text', CORP)),
			config,
			opts,
		);
		expect(outcome).toMatchObject({ kind: 'reject', status: 400 });
	});

	it('keys events for filtering and de-duplication', () => {
		const value = (xml: string) => parseXml(xml).value as never;
		expect(eventKey(value('<xml><MsgType>text</MsgType></xml>'))).toBe('msg:text');
		expect(
			eventKey(
				value(
					'<xml><MsgType>event</MsgType><Event>change_contact</Event><ChangeType>update_user</ChangeType></xml>',
				),
			),
		).toBe('contact:update_user');
		expect(
			eventKey(value('<xml><MsgType>event</MsgType><Event>template_card_event</Event></xml>')),
		).toBe('event:template_card_event');
		expect(dedupKey(value('<xml><MsgId>42</MsgId></xml>'))).toBe('msg:42');
		expect(
			dedupKey(
				value(
					'<xml><FromUserName>sys</FromUserName><CreateTime>1</CreateTime><Event>change_contact</Event><ChangeType>create_user</ChangeType><UserID>a</UserID></xml>',
				),
			),
		).toBe('sys|1|change_contact|create_user|||a||');
		// External-contact events all come from "sys": the member, the customer, the state and the
		// welcome code identify them.
		expect(
			dedupKey(
				value(
					'<xml><FromUserName>sys</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType><UserID>a</UserID><ExternalUserID>wm1</ExternalUserID><State>expo</State><WelcomeCode>W1</WelcomeCode></xml>',
				),
			),
		).toBe('external:add_external_contact|a|wm1|expo|W1|1');
		// Two approvals decided in the same second are two events.
		const approval = (spNo: string, status: number) =>
			dedupKey(
				value(
					`<xml><FromUserName>sys</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>sys_approval_change</Event><ApprovalInfo><SpNo>${spNo}</SpNo><SpStatus>${status}</SpStatus></ApprovalInfo></xml>`,
				),
			);
		expect(approval('202612010001', 2)).toBe('approval:sys_approval_change|1|202612010001|2');
		expect(new Set([approval('1', 2), approval('2', 2), approval('1', 3)]).size).toBe(3);
	});

	it('builds encrypted passive replies WeCom can verify (text, and a card button update)', () => {
		const message = parseXml(
			'<xml><ToUserName>wx5823bf96d3bd56c7</ToUserName><FromUserName>zhangsan</FromUserName></xml>',
		).value as never;
		for (const reply of [
			{ type: 'text' as const, content: '收到 ]]> ok' },
			{ type: 'updateButton' as const, replaceName: '已处理' },
		]) {
			const xml = passiveReply(config, message, reply, '1700000000', 'nonce1');
			const outer = parseXml(xml).value as Record<string, string>;
			expect(outer.MsgSignature).toBe(weComSignature(TOKEN, '1700000000', 'nonce1', outer.Encrypt));
			const inner = parseXml(decryptWeCom(config.key, outer.Encrypt).message).value as Record<
				string,
				unknown
			>;
			expect(inner).toMatchObject({ ToUserName: 'zhangsan', FromUserName: CORP });
			if (reply.type === 'text')
				expect(inner).toMatchObject({ MsgType: 'text', Content: '收到 ]]> ok' });
			else
				expect(inner).toMatchObject({
					MsgType: 'update_button',
					Button: { ReplaceName: '已处理' },
				});
		}
	});
});

describe('WeCom Trigger webhook', () => {
	const aes = parseEncodingAesKey('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
	const DUMMY_AES = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
	const callbackCredentials = {
		wecomWelinkWeComCallbackApi: {
			token: 'tok123',
			encodingAesSecret: DUMMY_AES,
			receiveId: 'wwcorp',
		},
	};
	const now = () => String(Math.floor(Date.now() / 1000));
	const post = (inner: string, timestamp = now()) => {
		const encrypted = encryptWeCom(aes, inner, 'wwcorp');
		return {
			method: 'POST' as const,
			query: {
				msg_signature: weComSignature('tok123', timestamp, 'n', encrypted),
				timestamp,
				nonce: 'n',
			},
			rawBody: `<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
		};
	};
	const cardClick = `<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1763712000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[approve]]></EventKey><TaskId><![CDATA[t1]]></TaskId><CardType><![CDATA[vote_interaction]]></CardType><ResponseCode><![CDATA[RC9]]></ResponseCode><AgentID>1000002</AgentID><SelectedItems><SelectedItem><QuestionKey><![CDATA[q]]></QuestionKey><OptionIds><OptionId><![CDATA[a]]></OptionId><OptionId><![CDATA[b]]></OptionId></OptionIds></SelectedItem></SelectedItems></xml>`;

	it('answers the URL check with the plain echostr', async () => {
		const echostr = encryptWeCom(aes, '998877', 'wwcorp');
		const t = now();
		const harness = webhookHarness(new WeComTrigger(), { events: ['*'] }, callbackCredentials);
		const result = await harness.call({
			method: 'GET',
			query: {
				msg_signature: weComSignature('tok123', t, 'n', echostr),
				timestamp: t,
				nonce: 'n',
				echostr,
			},
		});
		expect(result).toMatchObject({
			status: 200,
			body: '998877',
			contentType: 'text/plain',
			noWebhookResponse: true,
		});
		expect(result.workflowData).toBeUndefined();
	});

	it('emits one item with WeCom’s fields and normalised ones, and acks at once; a retry starts nothing', async () => {
		const harness = webhookHarness(
			new WeComTrigger(),
			{ events: ['event:template_card_event'] },
			callbackCredentials,
		);
		const first = await harness.call(post(cardClick));
		expect(first).toMatchObject({ status: 200, body: '', noWebhookResponse: true });
		const item = first.workflowData?.[0][0].json as IDataObject;
		expect(item).toMatchObject({
			event: 'template_card_event',
			type: 'event',
			eventKey: 'event:template_card_event',
			fromUser: 'lisi',
			createdAt: '2025-11-21T16:00:00.000+08:00',
			agentId: 1000002,
			ResponseCode: 'RC9',
			SelectedItems: { SelectedItem: { QuestionKey: 'q', OptionIds: { OptionId: ['a', 'b'] } } },
		});
		const retry = await harness.call(post(cardClick));
		expect(retry).toMatchObject({ status: 200 });
		expect(retry.workflowData).toBeUndefined();
	});

	it('acknowledges events outside the filter without starting the workflow', async () => {
		const harness = webhookHarness(
			new WeComTrigger(),
			{ events: ['msg:text'] },
			callbackCredentials,
		);
		const result = await harness.call(post(cardClick));
		expect(result).toMatchObject({ status: 200, body: '' });
		expect(result.workflowData).toBeUndefined();
	});

	it('replies passively: greys out the clicked card’s buttons', async () => {
		const harness = webhookHarness(
			new WeComTrigger(),
			{ events: ['*'], reply: { replaceButton: '已投票' } },
			callbackCredentials,
		);
		const result = await harness.call(post(cardClick.replace('RC9', 'RC10')));
		const outer = parseXml(String(result.body)).value as Record<string, string>;
		expect(parseXml(decryptWeCom(aes, outer.Encrypt).message).value).toMatchObject({
			MsgType: 'update_button',
			Button: { ReplaceName: '已投票' },
			ToUserName: 'lisi',
		});
		expect(result.workflowData).toHaveLength(1);
	});

	it.each([
		[
			'forged',
			(r: ReturnType<typeof post>) => ({
				...r,
				query: { ...r.query, msg_signature: 'f'.repeat(40) },
			}),
			403,
		],
		['stale', () => post(cardClick, String(Math.floor(Date.now() / 1000) - 3600)), 403],
		['malformed', (r: ReturnType<typeof post>) => ({ ...r, rawBody: 'garbage' }), 400],
	])(
		'refuses a %s callback (%s) and starts nothing; nothing secret in the logs',
		async (_name, spoil, status) => {
			const harness = webhookHarness(new WeComTrigger(), { events: ['*'] }, callbackCredentials);
			const result = await harness.call(spoil(post(cardClick)) as never);
			expect(result).toMatchObject({ status, noWebhookResponse: true });
			expect(result.workflowData).toBeUndefined();
			expect(harness.logs.join('\n')).not.toContain('tok123');
			expect(harness.logs.join('\n')).not.toContain('abcdefghijklmnop');
		},
	);

	it('lets the timestamp window be widened or switched off', async () => {
		const old = String(Math.floor(Date.now() / 1000) - 3600);
		const open = webhookHarness(
			new WeComTrigger(),
			{ events: ['*'], options: { toleranceSeconds: 0 } },
			callbackCredentials,
		);
		expect(
			(await open.call(post(cardClick.replace('RC9', 'RC11'), old))).workflowData,
		).toHaveLength(1);
	});

	const externalAdd = (welcomeCode: string) =>
		`<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1763712000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmEXT01]]></ExternalUserID><State><![CDATA[expo]]></State><WelcomeCode><![CDATA[${welcomeCode}]]></WelcomeCode></xml>`;
	/** A catch-all WeCom Trigger, a second one, and an External Contact Trigger, each in its workflow. */
	const threeWorkflows = (triggers: { WeComTrigger: typeof WeComTrigger } = { WeComTrigger }) => [
		webhookHarness(new triggers.WeComTrigger(), { events: ['*'] }, callbackCredentials, {
			workflowId: 'catch-all',
		}),
		webhookHarness(new triggers.WeComTrigger(), { events: ['*'] }, callbackCredentials, {
			workflowId: 'second-url',
		}),
		webhookHarness(
			new WeComExternalContactTrigger(),
			{ events: ['external:add_external_contact'] },
			callbackCredentials,
			{ workflowId: 'customers' },
		),
	];

	it('de-duplicates per workflow: one event sent to three workflows starts each once, a retry to each none', async () => {
		const event = externalAdd('W-three');
		const workflows = threeWorkflows();
		for (const workflow of workflows)
			expect((await workflow.call(post(event))).workflowData?.[0]).toHaveLength(1);
		for (const workflow of workflows) {
			const retry = await workflow.call(post(event));
			expect(retry).toMatchObject({ status: 200, body: '' });
			expect(retry.workflowData).toBeUndefined();
		}
		// Each workflow remembers it in its own static data.
		for (const workflow of workflows)
			expect(Object.keys(workflow.staticData.seenCallbacks as IDataObject)).toEqual([
				'external:add_external_contact|zhangsan|wmEXT01|expo|W-three|1763712000',
			]);
	});

	it('after a restart, each workflow’s static data still drops the retry, and only that workflow’s', async () => {
		const event = externalAdd('W-restart');
		const before = threeWorkflows();
		for (const workflow of before) await workflow.call(post(event));
		// A new copy of the module: its in-process memory is empty, as after a restart.
		const Fresh = freshNodeClass<typeof WeComTrigger>(
			'nodes/WeComTrigger/WeComTrigger.node',
			'WeComTrigger',
		);
		expect(Fresh).not.toBe(WeComTrigger);
		const after = threeWorkflows({ WeComTrigger: Fresh });
		Object.assign(after[0].staticData, JSON.parse(JSON.stringify(before[0].staticData)));
		expect((await after[0].call(post(event))).workflowData).toBeUndefined();
		// Another workflow's memory is not this one's: with empty static data it runs.
		expect((await after[1].call(post(event))).workflowData?.[0]).toHaveLength(1);
	});

	it('tells external-contact events apart by member, customer, state and welcome code', async () => {
		const [, , customers] = threeWorkflows();
		expect((await customers.call(post(externalAdd('W-first')))).workflowData?.[0]).toHaveLength(1);
		// Same member, customer and second, another welcome code: another event.
		expect((await customers.call(post(externalAdd('W-again')))).workflowData?.[0]).toHaveLength(1);
		expect((await customers.call(post(externalAdd('W-first')))).workflowData).toBeUndefined();
	});

	it('tests the callback credential locally', async () => {
		const ok = await weComCallbackCredentialTest.call({} as never, {
			id: '1',
			name: 'c',
			type: 'wecomWelinkWeComCallbackApi',
			data: callbackCredentials.wecomWelinkWeComCallbackApi,
		});
		expect(ok.status).toBe('OK');
		const bad = await weComCallbackCredentialTest.call({} as never, {
			id: '1',
			name: 'c',
			type: 'wecomWelinkWeComCallbackApi',
			data: { ...callbackCredentials.wecomWelinkWeComCallbackApi, encodingAesSecret: 'short' },
		});
		expect(bad).toEqual({
			status: 'Error',
			message:
				'EncodingAESKey must be exactly 43 letters and digits (copy it from the app’s 接收消息 settings)',
		});
		const badToken = await weComCallbackCredentialTest.call({} as never, {
			id: '1',
			name: 'c',
			type: 'wecomWelinkWeComCallbackApi',
			data: { ...callbackCredentials.wecomWelinkWeComCallbackApi, token: 'has space' },
		});
		expect(badToken.status).toBe('Error');
	});
});
