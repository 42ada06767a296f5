import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';

const BASE = 'https://wecom.test';
const credentials = {
	wecomWelinkWeComApi: {
		corpId: 'ww-unit',
		secret: 'dummy-secret',
		agentId: '',
		baseUrl: BASE,
		accessToken: 'TOKEN',
		accessTokenRefreshAt: new Date(Date.now() + 3600_000).toISOString(),
	},
};

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const deleteMany = async (members: string, continueOnFail = false) =>
	await runNode(
		{
			type: 'weCom',
			continueOnFail,
			parameters: { resource: 'member', operation: 'deleteMany', members },
		},
		{ credentials },
	);

/** Records every call; answers batchdelete and delete from the given tables. */
function wecom(answers: { batch: (ids: string[]) => number; single?: (id: string) => number }) {
	const calls: string[] = [];
	nock(BASE)
		.post('/cgi-bin/user/batchdelete')
		.query(true)
		.reply(200, (_uri, body) => {
			const ids = (body as { useridlist: string[] }).useridlist;
			calls.push(`batch:${ids.join(',')}`);
			const errcode = answers.batch(ids);
			return { errcode, errmsg: errcode ? 'refused' : 'deleted' };
		})
		.persist();
	nock(BASE)
		.get('/cgi-bin/user/delete')
		.query(true)
		.reply(200, (uri) => {
			const id = new URL(uri, BASE).searchParams.get('userid') as string;
			calls.push(`single:${id}`);
			const errcode = answers.single?.(id) ?? 0;
			return { errcode, errmsg: errcode ? 'refused' : 'deleted' };
		})
		.persist();
	return calls;
}

describe('Member → Delete Many', () => {
	it('counts a member WeCom no longer has (60111) as deleted, after one by one', async () => {
		const calls = wecom({
			batch: (ids) => (ids.includes('ghost') ? 40031 : 0),
			single: (id) => (id === 'ghost' ? 60111 : 0),
		});
		const run = await deleteMany('a,ghost,b');
		expect(run.error).toBeUndefined();
		expect(run.output('Node')).toEqual([
			{ userid: 'a', deleted: true },
			{ userid: 'ghost', deleted: true, alreadyGone: true },
			{ userid: 'b', deleted: true },
		]);
		expect(calls).toEqual(['batch:a,ghost,b', 'single:a', 'single:ghost', 'single:b']);
	});

	it('goes one by one only when WeCom blames a member: a permission refusal fails all, with no more calls', async () => {
		const calls = wecom({ batch: () => 48002 });
		const ids = Array.from({ length: 250 }, (_, n) => `m${n}`).join(',');
		const run = await deleteMany(ids);
		expect(run.error?.message).toBe('250 of 250 members could not be deleted');
		expect(run.error?.description).toContain('m0: WeCom: refused (48002)');
		// The first batch was refused: the second was not even sent.
		expect(calls).toHaveLength(1);

		const report = await deleteMany(ids, true);
		expect(report.output('Node')).toHaveLength(250);
		expect(report.output('Node')[249]).toMatchObject({ userid: 'm249', deleted: false });
	});

	it('names the member WeCom refuses (the creator, 301005) and fails the node unless Continue On Fail', async () => {
		wecom({
			batch: (ids) => (ids.includes('boss') ? 301005 : 0),
			single: (id) => (id === 'boss' ? 301005 : 0),
		});
		const run = await deleteMany('a,boss');
		expect(run.error?.message).toBe('1 of 2 members could not be deleted');
		expect(run.error?.description).toMatch(/^boss: WeCom: .*\(301005\)/);
		const report = await deleteMany('a,boss', true);
		expect(report.output('Node')).toEqual([
			{ userid: 'a', deleted: true },
			expect.objectContaining({ userid: 'boss', deleted: false }),
		]);
	});

	it('stops going one by one when a single delete is refused for a reason that is not the member', async () => {
		const calls = wecom({ batch: () => 40031, single: (id) => (id === 'b' ? 60020 : 0) });
		const run = await deleteMany('a,b,c', true);
		expect(run.output('Node')).toEqual([
			{ userid: 'a', deleted: true },
			expect.objectContaining({ userid: 'b', deleted: false }),
			expect.objectContaining({ userid: 'c', deleted: false }),
		]);
		expect(calls).toEqual(['batch:a,b,c', 'single:a', 'single:b']);
	});
});
