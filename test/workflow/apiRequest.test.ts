import axios from 'axios';

import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('WeCom API Request in the n8n engine against the sandbox', () => {
	const { sandbox, weComCredentials: credentials } = sandboxForTests();

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
