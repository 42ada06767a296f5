import axios from 'axios';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { runNode } from '../harness/run.cjs';

describe('WeCom API Request in the n8n engine against the sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.state.reset());

	const credentials = () => ({
		wecomWelinkWeComApi: {
			corpId: SANDBOX_CORP_ID,
			secret: SANDBOX_SECRETS.app,
			agentId: '1000002',
			baseUrl: sandbox.wecomBaseUrl,
		},
	});

	it('fetches one token and reads a member for each item', async () => {
		const result = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					method: 'GET',
					path: '/cgi-bin/user/get',
					query: { parameter: [{ name: 'userid', value: '={{ $json.id }}' }] },
				},
			},
			{ credentials: credentials(), items: [{ id: 'zhangsan' }, { id: 'lisi' }, { id: 'wangwu' }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Node').map((o) => o.name)).toEqual(['张三', '李四', '王五']);
		expect(sandbox.state.log.counts()).toEqual({ '/cgi-bin/gettoken': 1, '/cgi-bin/user/get': 3 });
		const { data } = await axios.get(`${sandbox.url}/__sandbox/log/counts`);
		expect(data.counts['/cgi-bin/user/get']).toBe(3);
	});
});
