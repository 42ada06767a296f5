import { HarnessCredentialsHelper } from '../../harness/credentials.cjs';
import { runNode } from '../../harness/run.cjs';
import { credentials, fakeWeLink, resetWeLink, type Answer, type Call } from './fake';

/** A contact read of one record picked by ID. */
const read = (resource: string, field: string, value: string) => ({
	type: 'weLink',
	parameters: {
		resource,
		operation: 'get',
		[field]: { __rl: true, mode: 'id', value },
	},
});
const getUser = read('user', 'user', 'zhangsan@welink');
const getDepartment = read('department', 'department', '1001');

let issued = 0;
/** The token endpoint issues NEW-1, NEW-2 …; every other call gets `answer(call)`. */
const welink = (answer: (call: Call) => Answer) =>
	fakeWeLink((call) =>
		call.path === '/auth/v2/tickets'
			? { code: '0', message: 'ok', access_token: `NEW-${++issued}`, expires_in: 7200 }
			: answer(call),
	);
const tokenFetches = (calls: Call[]) => calls.filter((c) => c.path === '/auth/v2/tickets').length;

beforeEach(() => {
	resetWeLink();
	issued = 0;
});

describe('WeLink transport: 501 is a missing API permission (start-10), not a token error', () => {
	it.each([
		['code 501 in the body', { code: '501', message: '第三方接口无权限' } as Answer],
		['HTTP status 501', [501, { message: '第三方接口无权限' }] as Answer],
	])(
		'%s: one call, no token refresh, and the error names the permission and where to request it',
		async (_name, answer) => {
			const calls = welink(() => answer);
			const run = await runNode(getUser, { credentials });
			expect(calls.map((c) => [c.path, c.token])).toEqual([['/contact/v2/user/detail', 'TOKEN']]);
			expect(run.error?.message).toBe(
				'WeLink: the app has no permission for this API (第三方接口无权限) (501)',
			);
			expect(run.error?.description).toBe(
				'Request the API permission 用户详细信息 (it covers /contact/v2/user/detail) in the WeLink developer console → 应用开发 → 企业内部应用 → your We码 or 轻应用 → 版本管理 → 接口权限, and have it approved. WeLink grants a new permission only to tokens issued after it (start-10): the next run fetches a new token.',
			);
		},
	);

	it('names the API address when start-10 lists no permission name for it', async () => {
		welink(() => ({ code: '501', message: '第三方接口无权限' }));
		const run = await runNode(getDepartment, { credentials });
		expect(run.error?.description).toMatch(
			/^Request the API permission that lists \/contact\/v2\/department\/detail in the WeLink developer console/,
		);
	});

	it('the next run starts with a new token, which carries a permission granted meanwhile', async () => {
		let granted = false;
		const calls = welink((call) =>
			granted && call.token !== 'TOKEN'
				? { code: '0', message: 'ok', userId: 'zhangsan@welink' }
				: { code: '501', message: '第三方接口无权限' },
		);
		const helper = new HarnessCredentialsHelper();
		const first = await runNode(getUser, { credentials, credentialsHelper: helper });
		expect(first.error?.message).toMatch(/\(501\)$/);
		expect(tokenFetches(calls)).toBe(0);
		granted = true;
		const second = await runNode(getUser, { credentialsHelper: helper });
		expect(second.error).toBeUndefined();
		expect(calls.map((c) => [c.path, c.token])).toEqual([
			['/contact/v2/user/detail', 'TOKEN'],
			['/auth/v2/tickets', undefined],
			['/contact/v2/user/detail', 'NEW-1'],
		]);
		// Only the run after a 501 refreshes: a third run keeps the new token.
		await runNode(getUser, { credentialsHelper: helper });
		expect(tokenFetches(calls)).toBe(1);
		expect(calls.at(-1)?.token).toBe('NEW-1');
	});

	it('a token WeLink rejects (47103, staff_query.html) is still refreshed once and the call repeated', async () => {
		const calls = welink((call) =>
			call.token === 'TOKEN'
				? { code: '47103', message: 'Authentication failed' }
				: { code: '0', message: 'ok', userId: 'zhangsan@welink' },
		);
		const run = await runNode(getUser, { credentials });
		expect(run.error).toBeUndefined();
		expect(calls.map((c) => [c.path, c.token])).toEqual([
			['/contact/v2/user/detail', 'TOKEN'],
			['/auth/v2/tickets', undefined],
			['/contact/v2/user/detail', 'NEW-1'],
		]);
	});
});
