import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { SANDBOX_WELINK_CLIENT_SECRET } from '../../sandbox/welink/world.cjs';
import { CREDENTIAL_IDS, sandboxCredentials } from './fixtures.cjs';
import { cleanup, startN8n, type N8n } from './lab.cjs';
import wecomApiRequest from './workflows/wecom-api-request.json';
import welinkApiRequest from './workflows/welink-api-request.json';

/**
 * Foundation end to end: the built pack in a real n8n (1.123.81, or 2.41.1 with N8N_E2E_MAJOR=2),
 * API Request on both platforms against the sandbox, a token revoked mid-run, rate-limit bursts,
 * and credential tests.
 */
describe('foundation in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const credential = (id: string) => sandboxCredentials(sandbox).find((c) => c.id === id)!;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({
			credentials: sandboxCredentials(sandbox),
			workflows: [wecomApiRequest, welinkApiRequest],
		});
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	beforeEach(() => {
		sandbox.state.log.clear();
		sandbox.state.faults.clear();
	});

	const wecomUsers = (n: number) =>
		Array.from({ length: n }, (_, i) => ({ userid: ['zhangsan', 'lisi', 'wangwu'][i % 3] }));

	it('loads the pack: WeCom API Request reads members with one token for the whole run', async () => {
		const { status, data } = await n8n.webhook('e2e-wecom-api-request', { items: wecomUsers(3) });
		expect(status).toBe(200);
		expect((data as Array<{ name: string }>).map((d) => d.name)).toEqual(['张三', '李四', '王五']);
		expect(sandbox.state.log.counts({ platform: 'wecom' })['/cgi-bin/user/get']).toBe(3);
		expect(
			sandbox.state.log.counts({ platform: 'wecom' })['/cgi-bin/gettoken'] ?? 0,
		).toBeLessThanOrEqual(1);
		const stored = await n8n.storedCredential(CREDENTIAL_IDS.wecomApp);
		expect(String(stored.accessToken)).toMatch(/^WECOM_TOKEN_/);
	});

	it('recovers a token revoked mid-run with no failed item (WeCom)', async () => {
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/user/get',
			kind: 'revoke-tokens',
			after: 5,
		});
		const { status, data } = await n8n.webhook('e2e-wecom-api-request', { items: wecomUsers(12) });
		expect(status).toBe(200);
		expect(data).toHaveLength(12);
		expect((data as Array<{ errcode: number }>).every((d) => d.errcode === 0)).toBe(true);
		const calls = sandbox.state.log.all({ platform: 'wecom' });
		expect(calls.filter((c) => c.path === '/cgi-bin/gettoken')).toHaveLength(1);
		expect(calls.filter((c) => c.code === '40014')).toHaveLength(1);
		expect(calls.filter((c) => c.path === '/cgi-bin/user/get' && c.code === '0')).toHaveLength(12);
	});

	it('rides out a burst of 45009 without failing an item', async () => {
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/user/get',
			kind: 'errcode',
			errcode: 45009,
			times: 3,
			after: 1,
		});
		const { data } = await n8n.webhook('e2e-wecom-api-request', { items: wecomUsers(4) });
		expect((data as Array<{ errcode: number }>).map((d) => d.errcode)).toEqual([0, 0, 0, 0]);
		const calls = sandbox.state.log.all({ platform: 'wecom', path: '/cgi-bin/user/get' });
		expect(calls.filter((c) => c.fault === 'errcode')).toHaveLength(3);
		expect(calls).toHaveLength(7);
	});

	it('WeLink API Request recovers a revoked token and a 48503 burst', async () => {
		sandbox.state.faults.add({
			platform: 'welink',
			path: '/api/contact/v2/user/detail',
			kind: 'revoke-tokens',
			after: 2,
		});
		sandbox.state.faults.add({
			platform: 'welink',
			path: '/api/contact/v2/user/detail',
			kind: 'errcode',
			errcode: '48503',
			times: 2,
			after: 4,
		});
		const items = ['zhangsan', 'lisi', 'wangwu', 'zhangsan', 'lisi'].map((n) => ({
			userId: `${n}@d9d92e24e5`,
		}));
		const { status, data } = await n8n.webhook('e2e-welink-api-request', { items });
		expect(status).toBe(200);
		expect((data as Array<{ userNameEn: string }>).map((d) => d.userNameEn)).toEqual([
			'Zhang San',
			'Li Si',
			'Wang Wu',
			'Zhang San',
			'Li Si',
		]);
		const calls = sandbox.state.log.all({ platform: 'welink' });
		expect(calls.filter((c) => c.code === '47103')).toHaveLength(1);
		expect(calls.filter((c) => c.fault === 'errcode')).toHaveLength(2);
	});

	it('credential tests fail on a wrong secret with the platform’s reason, and pass on the right one', async () => {
		expect(await n8n.testCredential(credential(CREDENTIAL_IDS.wecomWrongSecret))).toEqual({
			status: 'Error',
			message: 'WeCom: invalid credential (40001)',
		});
		expect(await n8n.testCredential(credential(CREDENTIAL_IDS.welinkWrongSecret))).toEqual({
			status: 'Error',
			message: 'WeLink: client ID or client secret is wrong (10007)',
		});
		expect(await n8n.testCredential(credential(CREDENTIAL_IDS.wecomRobotWrong))).toEqual({
			status: 'Error',
			message: 'WeCom does not know this robot webhook key (93000): copy the webhook URL again',
		});
		for (const id of [CREDENTIAL_IDS.wecomApp, CREDENTIAL_IDS.welink, CREDENTIAL_IDS.wecomRobot]) {
			expect(await n8n.testCredential(credential(id))).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
		}
	});

	it('lists, opens, edits and tests every credential again after it fetched a token, as the editor does', async () => {
		// Every API credential uses its token once (a stored token is what broke n8n 1.x's Credentials page).
		await n8n.webhook('e2e-wecom-api-request', { items: wecomUsers(1) });
		await n8n.webhook('e2e-welink-api-request', { items: [{ userId: 'zhangsan@d9d92e24e5' }] });
		const stored = await n8n.storedCredential(CREDENTIAL_IDS.welink);
		expect(stored.accessToken).toEqual(expect.any(String));
		for (const value of Object.values(stored)) expect(typeof value).not.toBe('number');

		const listed = await n8n.rest.get('/rest/credentials');
		const ids = (listed.data.data as Array<{ id: string }>).map((c) => c.id);
		for (const fixture of sandboxCredentials(sandbox)) {
			expect(ids).toContain(fixture.id);
			const opened = await n8n.rest.get(`/rest/credentials/${fixture.id}`, {
				params: { includeData: true },
			});
			const { name, type, data } = opened.data.data as {
				name: string;
				type: string;
				data: Record<string, unknown>;
			};
			// The modal saves back what it was shown (secrets blanked); n8n restores the stored values.
			await n8n.rest.patch(`/rest/credentials/${fixture.id}`, {
				name: `${name} (edited)`,
				type,
				data,
			});
			await n8n.rest.patch(`/rest/credentials/${fixture.id}`, { name, type, data });
		}
		expect((await n8n.rest.get('/rest/credentials')).status).toBe(200);

		// Edit the WeLink secret as a person would: wrong, tested; right again, tested; still works.
		const welink = credential(CREDENTIAL_IDS.welink);
		const edit = async (clientSecret: string) => {
			const data = { ...welink.data, clientSecret };
			await n8n.rest.patch(`/rest/credentials/${welink.id}`, {
				name: welink.name,
				type: welink.type,
				data,
			});
			return await n8n.testCredential({ ...welink, data });
		};
		expect(await edit('not-the-secret')).toEqual({
			status: 'Error',
			message: 'WeLink: client ID or client secret is wrong (10007)',
		});
		expect(await edit(SANDBOX_WELINK_CLIENT_SECRET)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const again = await n8n.webhook('e2e-welink-api-request', {
			items: [{ userId: 'lisi@d9d92e24e5' }],
		});
		expect((again.data as Array<{ userNameEn: string }>).map((d) => d.userNameEn)).toEqual([
			'Li Si',
		]);
	});

	it('never writes a secret or token into the n8n log', async () => {
		const log = n8n.logs();
		for (const secret of [
			SANDBOX_SECRETS.app,
			SANDBOX_WELINK_CLIENT_SECRET,
			'this-is-not-the-secret-at-all',
		]) {
			expect(log).not.toContain(secret);
		}
		expect(log).not.toMatch(/WECOM_TOKEN_\d+_[0-9a-f]{24}/);
	});
});
