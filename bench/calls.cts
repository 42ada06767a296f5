import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../sandbox/server.cjs';
import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../sandbox/wecom/apps.cjs';
import { seedLargeContacts } from '../sandbox/wecom/contacts.cjs';
import { seedLargeCustomers } from '../sandbox/wecom/customers.cjs';
import { checkinPacer } from '../nodes/WeCom/actions/checkin/limits';
import { weComTokens } from '../nodes/WeCom/transport/token';
import { HarnessCredentialsHelper } from '../test/harness/credentials.cjs';
import { credentialId, runNode } from '../test/harness/run.cjs';
import { fmt, progress, type Row } from './report.cjs';

/**
 * Rows 1–3: how many calls the pack makes, counted in the sandbox's request log, for work whose
 * minimum number of calls is known from WeCom's documented limits. The nodes run in-process on
 * n8n-core's real engine (test/harness); the sandbox runs in the same process.
 */

const credentials = (sandbox: Sandbox) => ({
	wecomWelinkWeComApi: {
		corpId: SANDBOX_CORP_ID,
		secret: SANDBOX_SECRETS.app,
		agentId: '1000002',
		baseUrl: sandbox.wecomBaseUrl,
	},
});

/** A fresh start per row: a new sandbox world, and no token or pacing left from the row before. */
function reset(sandbox: Sandbox) {
	sandbox.state.reset();
	weComTokens.clear();
	checkinPacer.clear();
}

function countOf(sandbox: Sandbox, path: string) {
	return sandbox.state.log.all({ path }).length;
}

/**
 * Row 1: 10 executions of the same workflow started at once, 1,000 items each (Message → Send, one
 * text per item), all on one credential. n8n keeps credentials in its database, shared by every
 * execution: here one credentials helper plays that part. WeCom tokens live 7,200 s; the whole run
 * is one token lifetime, so the minimum is one gettoken call.
 */
async function tokenFetches(sandbox: Sandbox): Promise<Row> {
	const EXECUTIONS = 10;
	const ITEMS = 1000;
	reset(sandbox);
	seedLargeContacts(sandbox.state.wecom.contacts, 20, ITEMS);
	const helper = new HarnessCredentialsHelper();
	helper.set(
		credentialId('wecomWelinkWeComApi'),
		'wecomWelinkWeComApi',
		credentials(sandbox).wecomWelinkWeComApi,
	);
	const started = performance.now();
	const runs = await Promise.all(
		Array.from({ length: EXECUTIONS }, async (_, e) => {
			const items = Array.from({ length: ITEMS }, (_, i) => ({ user: `u${i}`, n: `${e}-${i}` }));
			return await runNode(
				{
					type: 'weCom',
					parameters: {
						resource: 'message',
						operation: 'send',
						recipients: { members: '={{ $json.user }}' },
						messageType: 'text',
						content: '=Bench notice {{ $json.n }}',
					},
				},
				{ credentialsHelper: helper, items },
			);
		}),
	);
	const elapsed = performance.now() - started;
	const failed = runs.filter((r) => r.error).map((r) => r.error?.message);
	if (failed.length) throw new Error(`row 1: ${failed.length} executions failed: ${failed[0]}`);
	const outputs = runs.reduce((n, r) => n + r.output('Node').length, 0);
	const sends = sandbox.state.log.all({ path: '/cgi-bin/message/send' });
	const okSends = sends.filter((e) => e.code === '0').length;
	const tokens = countOf(sandbox, '/cgi-bin/gettoken');
	const issued = sandbox.state.wecom.tokens.issued;
	const persisted = helper.updates.get(credentialId('wecomWelinkWeComApi')) ?? 0;
	return {
		id: '1',
		what: 'Token fetches per credential per token lifetime (10 parallel executions × 1,000 items, WeCom Message → Send)',
		measured: `${tokens}`,
		target: '1',
		pass: tokens === 1 && okSends === EXECUTIONS * ITEMS && outputs === EXECUTIONS * ITEMS,
		notes: `${fmt.int(okSends)} message/send calls answered errcode 0 (${fmt.int(outputs)} output items) in ${fmt.s(elapsed)}; tokens issued by the sandbox: ${issued}; token written to the credential ${persisted}×`,
	};
}

/** Row 2: one text to 10,000 members; WeCom takes 1,000 members per message/send call. */
async function messageCalls(sandbox: Sandbox): Promise<Row> {
	const MEMBERS = 10_000;
	reset(sandbox);
	seedLargeContacts(sandbox.state.wecom.contacts, 100, MEMBERS);
	const members = Array.from({ length: MEMBERS }, (_, i) => `u${i}`);
	const started = performance.now();
	const run = await runNode(
		{
			type: 'weCom',
			parameters: {
				resource: 'message',
				operation: 'send',
				recipients: { members: '={{ $json.members }}' },
				messageType: 'text',
				content: '全员通知：benchmark',
			},
		},
		{ credentials: credentials(sandbox), items: [{ members }] },
	);
	const elapsed = performance.now() - started;
	if (run.error) throw new Error(`row 2: ${run.error.message}`);
	const calls = countOf(sandbox, '/cgi-bin/message/send');
	const delivered = sandbox.state.wecom.messages.sent.reduce((n, m) => n + m.delivered.length, 0);
	const minimum = Math.ceil(MEMBERS / 1000);
	return {
		id: '2',
		what: 'API calls for one message to 10,000 members',
		measured: `${calls}`,
		target: `${minimum} (1,000 members per call)`,
		pass: calls === minimum && delivered === MEMBERS,
		notes: `delivered to ${fmt.int(delivered)} members; plus ${countOf(sandbox, '/cgi-bin/gettoken')} gettoken; ${fmt.s(elapsed)}`,
	};
}

/** Row 3: check-in records of 1,000 members × 90 days; WeCom takes 100 members × 30 days per call. */
async function checkinCalls(sandbox: Sandbox): Promise<Row> {
	const MEMBERS = 1000;
	const DAYS = 90;
	reset(sandbox);
	seedLargeContacts(sandbox.state.wecom.contacts, 20, MEMBERS);
	const ids = Array.from({ length: MEMBERS }, (_, i) => `u${i}`);
	const end = DateTime.now().setZone('Asia/Shanghai').startOf('day').minus({ days: 1 });
	const start = end.minus({ days: DAYS - 1 });
	const started = performance.now();
	const run = await runNode(
		{
			type: 'weCom',
			parameters: {
				resource: 'checkin',
				operation: 'getRecords',
				returnAll: true,
				who: 'members',
				members: '={{ $json.ids }}',
				period: 'custom',
				start: start.toISODate(),
				end: end.toISODate(),
				options: { outputMode: 'member' },
			},
		},
		{ credentials: credentials(sandbox), items: [{ ids }] },
	);
	const elapsed = performance.now() - started;
	if (run.error) throw new Error(`row 3: ${run.error.message}`);
	const calls = sandbox.state.log.all({ path: '/cgi-bin/checkin/getcheckindata' });
	const ok = calls.every((c) => c.code === '0');
	const out = run.output('Node');
	const records = out.reduce((sum, m) => sum + Number(m.count), 0);
	const minimum = Math.ceil(MEMBERS / 100) * Math.ceil(DAYS / 30);
	return {
		id: '3',
		what: 'API calls for check-in records of 1,000 members × 90 days',
		measured: `${calls.length}`,
		target: `${minimum} (100 members × 30 days per call)`,
		pass: calls.length === minimum && ok && out.length === MEMBERS,
		notes: `${fmt.int(records)} punches for ${fmt.int(out.length)} members, every call errcode 0; ${fmt.s(elapsed)}`,
	};
}

/**
 * Row 8: the seed's "manual sync of the external-contact list" for 1,000 members with 3 customers
 * each (one in three tagged), Customer → Get Many of all members. WeCom allows 100 members per
 * batch/get_by_user call and 100 records per page; the members come from one
 * get_follow_user_list call and tag names from one get_corp_tag_list call.
 */
async function customerCalls(sandbox: Sandbox): Promise<Row> {
	const MEMBERS = 1000;
	const PER_MEMBER = 3;
	reset(sandbox);
	seedLargeContacts(sandbox.state.wecom.contacts, 20, MEMBERS);
	seedLargeCustomers(sandbox.state.wecom, MEMBERS, PER_MEMBER);
	const started = performance.now();
	const run = await runNode(
		{
			type: 'weCom',
			parameters: {
				resource: 'externalContact',
				operation: 'getAll',
				customersOf: 'all',
				returnAll: true,
			},
		},
		{
			credentials: {
				wecomWelinkWeComApi: {
					...credentials(sandbox).wecomWelinkWeComApi,
					secret: SANDBOX_SECRETS.customer,
					agentId: '',
				},
			},
		},
	);
	const elapsed = performance.now() - started;
	if (run.error) throw new Error(`row 8: ${run.error.message}`);
	const batch = countOf(sandbox, '/cgi-bin/externalcontact/batch/get_by_user');
	const members = countOf(sandbox, '/cgi-bin/externalcontact/get_follow_user_list');
	const tags = countOf(sandbox, '/cgi-bin/externalcontact/get_corp_tag_list');
	const calls = batch + members + tags;
	const rows = MEMBERS * PER_MEMBER;
	// Each batch of 100 members holds 300 records: 3 pages of 100; plus the member list and tag library.
	const minimum = (MEMBERS / 100) * Math.ceil((100 * PER_MEMBER) / 100) + 2;
	const out = run.output('Node');
	const named = out.filter((r) =>
		(r.tags as Array<{ name?: string }>).some((t) => t.name === 'VIP'),
	).length;
	return {
		id: '8',
		what: 'API calls for the customers of 1,000 members (3 each, Customer → Get Many of all members)',
		measured: `${calls}`,
		target: `${minimum} (100 members × 100 records per call + member list + tag library)`,
		pass: calls === minimum && out.length === rows,
		notes: `${fmt.int(out.length)} relationships (${fmt.int(named)} with tag names); ${batch} batch/get_by_user + ${members} get_follow_user_list + ${tags} get_corp_tag_list; per member and customer (externalcontact/list + get) it would be ${fmt.int(MEMBERS + rows + 1)} calls; ${fmt.s(elapsed)}`,
	};
}

export async function runCallCounts(): Promise<Row[]> {
	const sandbox = await startSandbox();
	try {
		progress('row 1: 10 executions × 1,000 items, one credential…');
		const rows = [await tokenFetches(sandbox)];
		progress('row 2: message to 10,000 members…');
		rows.push(await messageCalls(sandbox));
		progress('row 3: check-in 1,000 members × 90 days…');
		rows.push(await checkinCalls(sandbox));
		progress('row 8: customers of 1,000 members…');
		rows.push(await customerCalls(sandbox));
		return rows;
	} finally {
		await sandbox.close();
	}
}
