import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';
import { BASE, weComCredential } from './weComStub';

const credential = (agentId?: string) => weComCredential(agentId, 'ww0123456789abcdef');

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const run = async (
	resource: string,
	operation: string,
	parameters: Record<string, unknown>,
	agentId?: string,
) =>
	await runNode(
		{ type: 'weCom', parameters: { resource, operation, ...parameters } },
		{ credentials: credential(agentId) },
	);

describe('Sign-In → Build Sign-In Link', () => {
	it('builds the documented link with the parameters in order, without calling WeCom', async () => {
		const result = await run('oauth', 'buildLink', {
			redirectUri: 'https://n8n.example.com/webhook/sign-in?from=menu',
			scope: 'snsapi_privateinfo',
			state: 'order42',
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Node')).toEqual([
			{
				url:
					'https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww0123456789abcdef' +
					'&redirect_uri=https%3A%2F%2Fn8n.example.com%2Fwebhook%2Fsign-in%3Ffrom%3Dmenu' +
					'&response_type=code&scope=snsapi_privateinfo&state=order42&agentid=1000002#wechat_redirect',
				redirectUri: 'https://n8n.example.com/webhook/sign-in?from=menu',
				scope: 'snsapi_privateinfo',
				state: 'order42',
				agentId: 1000002,
			},
		]);
	});

	it('leaves the agent ID out when the credential has none (snsapi_base)', async () => {
		const result = await run(
			'oauth',
			'buildLink',
			{ redirectUri: 'https://n8n.example.com/form', scope: 'snsapi_base' },
			'',
		);
		expect(result.output('Node')[0].url).toBe(
			'https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww0123456789abcdef' +
				'&redirect_uri=https%3A%2F%2Fn8n.example.com%2Fform&response_type=code&scope=snsapi_base&state=#wechat_redirect',
		);
	});

	it.each([
		[
			{ redirectUri: 'n8n.example.com/form' },
			'',
			'Redirect URL: "n8n.example.com/form" is not an http(s) address [item 0]',
		],
		[
			{ redirectUri: 'https://n8n.example.com/', state: 'order-42' },
			'',
			'State: "order-42" is not 0–128 letters and digits [item 0]',
		],
		[
			{ redirectUri: 'https://n8n.example.com/', scope: 'snsapi_privateinfo' },
			'',
			'Scope: snsapi_privateinfo needs the app’s Agent ID, and the credential has none [item 0]',
		],
	])('refuses %j', async (parameters, agentId, message) => {
		const result = await run('oauth', 'buildLink', parameters, agentId);
		expect(result.error?.message).toBe(message);
	});
});

describe('Sign-In → Get Member From Code', () => {
	it('sends the code once and reads the private details with the user ticket', async () => {
		let detailBody: unknown;
		const scope = nock(BASE)
			.get('/cgi-bin/auth/getuserinfo')
			.query({ access_token: 'TOKEN', code: 'CODE1' })
			.reply(200, { errcode: 0, errmsg: 'ok', userid: 'zhangsan', user_ticket: 'T1' })
			.post('/cgi-bin/auth/getuserdetail', (body) => {
				detailBody = body;
				return true;
			})
			.query({ access_token: 'TOKEN' })
			.reply(200, {
				errcode: 0,
				errmsg: 'ok',
				userid: 'zhangsan',
				mobile: '13800000001',
				email: 'zs@example.com',
				gender: '1',
			});
		const result = await run('oauth', 'getMember', { code: 'CODE1', privateDetails: true });
		expect(result.error).toBeUndefined();
		expect(detailBody).toEqual({ user_ticket: 'T1' });
		expect(result.output('Node')[0]).toMatchObject({
			isMember: true,
			userid: 'zhangsan',
			userTicket: 'T1',
			mobile: '13800000001',
			email: 'zs@example.com',
			gender: '1',
		});
		expect(scope.isDone()).toBe(true);
	});

	it('tells a WeChat user (not a member) apart', async () => {
		nock(BASE)
			.get('/cgi-bin/auth/getuserinfo')
			.query(true)
			.reply(200, { errcode: 0, errmsg: 'ok', openid: 'oW1', external_userid: 'wm1' });
		const result = await run('oauth', 'getMember', { code: 'CODE2', privateDetails: true });
		expect(result.output('Node')).toEqual([
			{
				isMember: false,
				openid: 'oW1',
				externalUserId: 'wm1',
				privateDetailsNote:
					'WeCom sent no user_ticket: the link used snsapi_base, or the member is outside the app’s visible range.',
			},
		]);
	});

	it('never repeats the call: a code is spent by the first one, even when WeCom answers busy', async () => {
		const scope = nock(BASE)
			.get('/cgi-bin/auth/getuserinfo')
			.query(true)
			.reply(200, { errcode: -1, errmsg: 'system busy' });
		const result = await run('oauth', 'getMember', { code: 'CODE3' });
		// A repeat would find no interceptor left and fail with nock's error instead.
		expect(result.error?.message).toBe('WeCom: system busy (-1)');
		expect(scope.isDone()).toBe(true);
	});

	it('explains a spent or expired code (40029)', async () => {
		const scope = nock(BASE)
			.get('/cgi-bin/auth/getuserinfo')
			.query(true)
			.reply(200, { errcode: 40029, errmsg: 'invalid code' });
		const result = await run('oauth', 'getMember', { code: 'USED' });
		expect(result.error?.message).toBe('WeCom: invalid code (40029)');
		expect(result.error?.description).toContain('A sign-in code works once and for 5 minutes');
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a missing code before any call', async () => {
		const result = await run('oauth', 'getMember', { code: '={{ "" }}' });
		expect(result.error?.message).toBe('Code: is required [item 0]');
	});

	it('explains an invalid user ticket (84015)', async () => {
		nock(BASE)
			.post('/cgi-bin/auth/getuserdetail', { user_ticket: 'OLD' })
			.query(true)
			.reply(200, { errcode: 84015, errmsg: 'invalid user ticket' });
		const result = await run('oauth', 'getMemberDetail', { userTicket: 'OLD' });
		expect(result.error?.message).toBe('WeCom: invalid user ticket (84015)');
	});
});

describe('IP List', () => {
	it.each([
		['getApiIps', '/cgi-bin/get_api_domain_ip', 'api', 'egress'],
		['getCallbackIps', '/cgi-bin/getcallbackip', 'callback', 'ingress'],
	])('%s reads %s', async (operation, path, list, direction) => {
		nock(BASE)
			.get(path)
			.query({ access_token: 'TOKEN' })
			.twice()
			.reply(200, { errcode: 0, errmsg: 'ok', ip_list: ['1.2.3.4', '101.226.103.0/25'] });
		const one = await run('ipList', operation, {});
		expect(one.output('Node')).toEqual([
			{
				list,
				direction,
				ipList: ['1.2.3.4', '101.226.103.0/25'],
				count: 2,
				retrievedAt: expect.stringMatching(/\+08:00$/),
			},
		]);
		const split = await run('ipList', operation, { output: 'split' });
		expect(split.output('Node').map((r) => [r.ip, r.isRange])).toEqual([
			['1.2.3.4', false],
			['101.226.103.0/25', true],
		]);
	});
});
