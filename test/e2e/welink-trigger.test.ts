import { sleep } from 'n8n-workflow';

import { sendWeLinkCallback } from '../../sandbox/callbacks.cjs';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import {
	SANDBOX_WELINK_CLIENT_SECRET,
	SANDBOX_WELINK_TENANT_ID as T,
} from '../../sandbox/welink/world.cjs';
import { VECTORS, VECTOR_SECRET, VECTOR_TIMESTAMP, sdkBody } from '../unit/welink/vectors.cjs';
import { CREDENTIAL_IDS, sandboxCredentials, triggerUrl, triggerWorkflow } from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n } from './lab.cjs';

const TRIGGER = 'e2eWeLinkTrig001';
const VECTOR_TRIGGER = 'e2eWeLinkVect001';
const WELINK = { wecomWelinkWeLinkApi: { id: CREDENTIAL_IDS.welink, name: 'WeLink (sandbox)' } };
/** An app whose secret is the one Huawei's SDK made vector set A with. */
const VECTOR_APP = { id: 'e2eWeLinkVector1', name: 'WeLink (vector set A)' };

const workflows = [
	triggerWorkflow(TRIGGER, {
		type: 'n8n-nodes-wecom-welink.weLinkTrigger',
		parameters: { events: ['corpEditUser', 'corpAuth'], includeDetails: true },
		credentials: WELINK,
	}),
	// The vectors date from 2024: the timestamp window is switched off for them.
	triggerWorkflow(VECTOR_TRIGGER, {
		type: 'n8n-nodes-wecom-welink.weLinkTrigger',
		parameters: { events: ['*'], options: { toleranceSeconds: 0 } },
		credentials: { wecomWelinkWeLinkApi: VECTOR_APP },
	}),
];

describe('WeLink Trigger in real n8n (production webhook URL)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const target = () => ({
		url: triggerUrl(n8n.url, TRIGGER),
		clientSecret: SANDBOX_WELINK_CLIENT_SECRET,
	});
	const count = async () => (await n8n.executions(TRIGGER)).length;

	beforeAll(async () => {
		sandbox = await startSandbox();
		const vectorApp = {
			...VECTOR_APP,
			type: 'wecomWelinkWeLinkApi',
			data: { clientId: 'vector-app', clientSecret: VECTOR_SECRET, baseUrl: sandbox.welinkBaseUrl },
		};
		n8n = await startN8n({
			credentials: [...sandboxCredentials(sandbox), vectorApp],
			workflows,
		});
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('decrypts every request Huawei’s SDK made (vector set A), answers each with the reply the SDK accepts, and starts A2 and A3 once', async () => {
		const url = triggerUrl(n8n.url, VECTOR_TRIGGER);
		const before = (await n8n.executions(VECTOR_TRIGGER)).length;
		const sendVector = async (transmitted: string) =>
			await sendWeLinkCallback(
				{ url, clientSecret: VECTOR_SECRET },
				{},
				{ rawBody: sdkBody(transmitted), nowSeconds: Number(VECTOR_TIMESTAMP) },
			);
		for (const vector of VECTORS) {
			// The SDK's own request, then the same event sealed with another IV (a retry to WeLink).
			for (const transmitted of [vector.sdk, vector.node]) {
				const sent = await sendVector(transmitted);
				expect([vector.name, sent.status, sent.problem]).toEqual([vector.name, 200, undefined]);
				expect(sent.reply).toEqual({ msg: 'success', timestamp: VECTOR_TIMESTAMP });
			}
		}
		await waitFor(async () => (await n8n.executions(VECTOR_TRIGGER)).length === before + 2, 20_000);
		await sleep(1500);
		const executions = (await n8n.executions(VECTOR_TRIGGER)).slice(0, 2).reverse();
		expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
		expect(executions.map((e) => e.nodeOutputs.Trigger)).toEqual(
			VECTORS.slice(1).map((v) => [
				{ ...(JSON.parse(v.plaintext) as object), createdAt: '2024-06-10T14:13:20.000+08:00' },
			]),
		);
	});

	it('passes WeLink’s URL check (test event) with the encrypted success reply, starting nothing', async () => {
		const before = await count();
		const timestamp = String(Math.floor(Date.now() / 1000) - 30);
		const check = await sendWeLinkCallback(target(), { eventType: 'test', timestamp });
		expect(check).toMatchObject({ ok: true, status: 200, reply: { msg: 'success', timestamp } });
		expect(check.headers['content-type']).toMatch(/^application\/json/);
		await sleep(1500);
		expect(await count()).toBe(before);
	});

	it('starts one execution with the decrypted event and the changed user read from WeLink', async () => {
		const before = await count();
		const userId = `zhangsan@${T}`;
		const sent = await sendWeLinkCallback(target(), {
			eventType: 'corpEditUser',
			data: [{ tenantId: T, userId }],
		});
		expect(sent).toMatchObject({ ok: true, status: 200 });
		expect(sent.reply?.timestamp).toBe(sent.payload.timestamp);
		expect(sent.latencyMs).toBeLessThan(1000);
		await waitFor(async () => (await count()) === before + 1, 20_000);
		const [execution] = await n8n.executions(TRIGGER);
		expect(execution.status).toBe('success');
		expect(execution.nodeOutputs.Trigger).toHaveLength(1);
		expect(execution.nodeOutputs.Trigger[0]).toMatchObject({
			eventType: 'corpEditUser',
			timestamp: sent.payload.timestamp,
			createdAt: expect.stringMatching(/\+08:00$/),
			data: [{ tenantId: T, userId, user: { userId, userNameCn: '张三', corpUserId: 'E001' } }],
		});
		expect(execution.nodeOutputs.Trigger[0].detailsError).toBeUndefined();
	});

	it('starts one execution for a delivery sent twice and replayed byte for byte', async () => {
		const before = await count();
		const event = {
			eventType: 'corpAuth',
			tenantId: T,
			timestamp: String(Math.floor(Date.now() / 1000)),
		};
		const first = await sendWeLinkCallback(target(), event);
		const retry = await sendWeLinkCallback(target(), event);
		const replay = await sendWeLinkCallback(target(), event, { rawBody: first.sentBody });
		expect([first.ok, retry.ok, replay.ok]).toEqual([true, true, true]);
		await waitFor(async () => (await count()) === before + 1, 20_000);
		await sleep(2000);
		expect(await count()).toBe(before + 1);
		const [execution] = await n8n.executions(TRIGGER);
		expect(execution.nodeOutputs.Trigger[0]).toMatchObject({ eventType: 'corpAuth', tenantId: T });
	});

	it('refuses forged, foreign, stale, future, malformed, incomplete and oversize requests with 4xx and starts nothing', async () => {
		const before = await count();
		const event = { eventType: 'corpEditUser', data: [{ tenantId: T, userId: `lisi@${T}` }] };
		const statuses: Array<[string, number]> = [];
		for (const tamper of [
			'tag',
			'wrong-secret',
			'stale',
			'future',
			'not-json',
			'no-encrypt',
			'no-timestamp',
			'oversize',
		] as const) {
			const result = await sendWeLinkCallback(target(), event, { tamper });
			expect(result.ok).toBe(false);
			statuses.push([tamper, result.status]);
		}
		// "not-json" may be refused by n8n's own body parser before the trigger runs: any 4xx will do.
		for (const [, status] of statuses) expect(status >= 400 && status < 500).toBe(true);
		expect(Object.fromEntries(statuses)).toMatchObject({
			tag: 403,
			'wrong-secret': 403,
			stale: 403,
			future: 403,
			'no-encrypt': 400,
			'no-timestamp': 400,
			oversize: 413,
		});
		await sleep(2000);
		expect(await count()).toBe(before);
	});

	it('acknowledges events outside the filter without starting the workflow', async () => {
		const before = await count();
		const result = await sendWeLinkCallback(target(), {
			eventType: 'corpDelDept',
			data: [{ tenantId: T, deptCode: '1002' }],
		});
		expect(result.ok).toBe(true);
		await sleep(1500);
		expect(await count()).toBe(before);
	});
});
