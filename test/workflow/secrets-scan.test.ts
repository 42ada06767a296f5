import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { SANDBOX_WELINK_CLIENT_ID } from '../../sandbox/welink/world.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';
import { FIXTURE_SECRETS, credentialSecrets, findLeaks, scanText } from '../harness/secrets.cjs';

/**
 * Every harness run scans its run data and error for credential secrets (harness/run.cts) and
 * every webhook-harness call its answer, items and logs (harness/webhook.cts). These tests show
 * the scan catches a leak, and drive the failure paths most likely to echo a secret.
 */
describe('secret-leak scan', () => {
	const { sandbox } = sandboxForTests();

	it('finds secrets, URL-encoded secrets, robot keys inside webhook addresses and sandbox tokens', () => {
		const robot = credentialSecrets('wecomWelinkWeComRobotApi', {
			webhookSecret: `https://qyapi.example/cgi-bin/webhook/send?key=${FIXTURE_SECRETS.robotKey}`,
		});
		expect(robot).toContain(FIXTURE_SECRETS.robotKey);
		expect(
			credentialSecrets('wecomWelinkWeComApi', { corpId: 'wwcorp000001', secret: 'abcdefgh1234' }),
		).toEqual(['abcdefgh1234']);
		expect(findLeaks(`… key=${FIXTURE_SECRETS.robotKey} …`, robot)).toHaveLength(1);
		expect(findLeaks(encodeURIComponent('a b/c+d=e&f'), ['a b/c+d=e&f'])).toHaveLength(1);
		expect(findLeaks('token WECOM_TOKEN_3_0123456789abcdef01234567 used', [])).toHaveLength(1);
		expect(findLeaks('token welink-12-0123456789abcdef01234567 used', [])).toHaveLength(1);
		expect(findLeaks('nothing secret here, item 12345678', ['12345678', 'short'])).toEqual([]);
		const error = Object.assign(new Error('failed'), { context: { secret: 'zzzzzzzzzz' } });
		expect(scanText({ error })).toContain('zzzzzzzzzz');
	});

	it('fails a harness run whose output holds a credential secret', async () => {
		await expect(
			runNode(
				{
					type: 'weCom',
					parameters: {
						resource: 'message',
						operation: 'send',
						recipients: { members: 'lisi' },
						messageType: 'text',
						content: '={{ $json.none }}',
					},
				},
				{
					credentials: {
						wecomWelinkWeComApi: {
							corpId: 'ww1',
							secret: FIXTURE_SECRETS.weComSecret,
							baseUrl: sandbox.url,
						},
					},
					// Refused before any call; the Input node's output still holds the value.
					items: [{ leaked: `prefix ${FIXTURE_SECRETS.weComSecret} suffix` }],
				},
			),
		).rejects.toThrow(/Credential secret leaked in the run data .*: fixtur…/);
	});

	it('keeps secrets out of failures: wrong secret, wrong robot key, wrong WeLink secret, revoked token', async () => {
		const wrongSecret = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					method: 'GET',
					path: '/cgi-bin/user/get',
					query: { parameter: [{ name: 'userid', value: 'zhangsan' }] },
				},
				continueOnFail: true,
			},
			{
				credentials: {
					wecomWelinkWeComApi: {
						corpId: SANDBOX_CORP_ID,
						secret: FIXTURE_SECRETS.weComSecret,
						agentId: '1000002',
						baseUrl: sandbox.wecomBaseUrl,
					},
				},
			},
		);
		expect(String(wrongSecret.output('Node')[0].error)).toMatch(/secret|credential|40001/i);

		const wrongKey = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'groupRobot',
					operation: 'send',
					robotMessageType: 'text',
					content: '构建成功',
				},
				continueOnFail: true,
			},
			{
				credentials: {
					wecomWelinkWeComRobotApi: {
						webhookSecret: `${sandbox.url}/cgi-bin/webhook/send?key=${FIXTURE_SECRETS.robotKey}`,
					},
				},
			},
		);
		expect(wrongKey.output('Node')[0].error).toBeTruthy();

		const wrongWeLink = await runNode(
			{
				type: 'weLink',
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					method: 'GET',
					path: '/contact/v2/user/detail',
				},
				continueOnFail: true,
			},
			{
				credentials: {
					wecomWelinkWeLinkApi: {
						clientId: SANDBOX_WELINK_CLIENT_ID,
						clientSecret: FIXTURE_SECRETS.weLinkSecret,
						baseUrl: sandbox.welinkBaseUrl,
					},
				},
			},
		);
		expect(wrongWeLink.output('Node')[0].error).toBeTruthy();

		// A token revoked mid-run and then refused again: the error names the code, not the token.
		sandbox.state.faults.add({
			platform: 'wecom',
			path: '/cgi-bin/user/get',
			kind: 'revoke-tokens',
			times: 2,
		});
		const revoked = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					method: 'GET',
					path: '/cgi-bin/user/get',
					query: { parameter: [{ name: 'userid', value: 'zhangsan' }] },
				},
				continueOnFail: true,
			},
			{
				credentials: {
					wecomWelinkWeComApi: {
						corpId: SANDBOX_CORP_ID,
						secret: SANDBOX_SECRETS.app,
						agentId: '1000002',
						baseUrl: sandbox.wecomBaseUrl,
					},
				},
			},
		);
		expect(String(revoked.output('Node')[0].error)).toContain('40014');
		// The harness scan passed for each run above; say so explicitly for the last one.
		expect(findLeaks(scanText(revoked.run.data), revoked.credentialsHelper.secrets())).toEqual([]);
	});
});
