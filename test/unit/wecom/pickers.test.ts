import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
} from 'n8n-workflow';

import { IDS_ONLY } from '../../../nodes/WeCom/methods/directory';
import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { pickFrom } from '../../harness/loadOptions.cjs';
import { recordWeCom, storedToken, type Call } from './weComStub';

/**
 * The department and member pickers at the request level: which credential reads, what each call
 * sends, and the fallback to IDs when WeCom refuses names to the contacts-sync secret (48009).
 */

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const REFUSED = { errcode: 48009, errmsg: 'api forbidden for contact assistant' };
type Credentials = Record<string, ICredentialDataDecryptedObject>;
const SYNC: Credentials = { wecomWelinkWeComApi: { ...storedToken('SYNC'), agentId: '' } };
const WITH_READER: Credentials = { ...SYNC, wecomWelinkWeComReaderApi: storedToken('APP') };
const MEMBER = { resource: 'member', operation: 'create' };
const CONTACTS_SYNC = { resource: 'contactsSync', operation: 'syncToWeCom' };

/** A tenant set up today: the contacts-sync secret (token SYNC) may list IDs only. */
function tenant(answer: (call: Call) => Record<string, unknown> | undefined = () => undefined) {
	return recordWeCom((call) => {
		const special = answer(call);
		if (special) return special;
		const names = call.as === 'APP';
		if (call.path === '/cgi-bin/department/list')
			return names
				? {
						department: [
							{ id: 1, parentid: 0, name: '总公司' },
							{ id: 2, parentid: 1, name: '研发部' },
						],
					}
				: REFUSED;
		if (call.path === '/cgi-bin/department/simplelist')
			return {
				department_id: [
					{ id: 1, parentid: 0, order: 100 },
					{ id: 2, parentid: 1, order: 90 },
				],
			};
		if (call.path === '/cgi-bin/user/simplelist')
			return names
				? { userlist: [{ userid: 'zhangsan', name: '张三', department: [1] }] }
				: REFUSED;
		return undefined;
	});
}

const load = async (method: string, parameters: INodeParameters, credentials = SYNC) =>
	(await pickFrom({
		type: 'weCom',
		method,
		parameters,
		credentials,
	})) as INodePropertyOptions[];
const search = async (
	method: string,
	parameters: INodeParameters,
	listSearch: { filter?: string; paginationToken?: string } = {},
	credentials = SYNC,
) =>
	(await pickFrom({
		type: 'weCom',
		method,
		parameters,
		credentials,
		listSearch,
	})) as INodeListSearchResult;
const sent = (calls: Call[]) => calls.map((c) => [c.as, c.path, c.query, c.body]);

describe('WeCom pickers', () => {
	it('departments: names refused (48009) → department/simplelist with the same secret, as IDs with the reason', async () => {
		const calls = tenant();
		expect(await load('getDepartments', MEMBER)).toEqual([
			{ name: '1 (ID only)', value: 1, description: IDS_ONLY },
			{ name: '2 (ID only)', value: 2, description: IDS_ONLY },
		]);
		expect(sent(calls)).toEqual([
			['SYNC', '/cgi-bin/department/list', {}, undefined],
			['SYNC', '/cgi-bin/department/simplelist', {}, undefined],
		]);
	});

	it('members: names refused → pages of user/list_id, one entry per member, the cursor as the next page', async () => {
		const calls = tenant((call) =>
			call.path === '/cgi-bin/user/list_id'
				? call.body?.cursor
					? { next_cursor: '', dept_user: [{ userid: 'wangwu', department: 2 }] }
					: {
							next_cursor: 'C1',
							dept_user: [
								{ userid: 'zhangsan', department: 1 },
								{ userid: 'zhangsan', department: 2 },
								{ userid: 'lisi', department: 2 },
							],
						}
				: undefined,
		);
		const first = await search('searchMembers', MEMBER);
		expect(first).toEqual({
			results: [
				{ name: 'zhangsan (ID only)', value: 'zhangsan', description: IDS_ONLY },
				{ name: 'lisi (ID only)', value: 'lisi', description: IDS_ONLY },
			],
			paginationToken: 'ids:C1',
		});
		const next = await search('searchMembers', MEMBER, { paginationToken: 'ids:C1' });
		expect(next).toEqual({
			results: [{ name: 'wangwu (ID only)', value: 'wangwu', description: IDS_ONLY }],
			paginationToken: undefined,
		});
		expect(sent(calls)).toEqual([
			['SYNC', '/cgi-bin/department/list', {}, undefined],
			['SYNC', '/cgi-bin/department/simplelist', {}, undefined],
			['SYNC', '/cgi-bin/user/list_id', {}, { limit: 1000 }],
			// The next page goes straight on with the cursor.
			['SYNC', '/cgi-bin/user/list_id', {}, { cursor: 'C1', limit: 1000 }],
		]);
	});

	it('a refusal other than 48009 is not hidden behind IDs', async () => {
		const calls = tenant((call) =>
			call.path === '/cgi-bin/department/list'
				? { errcode: 60011, errmsg: 'no privilege to access/modify contact/party/agent' }
				: undefined,
		);
		await expect(load('getDepartments', MEMBER)).rejects.toThrow(/60011/);
		expect(calls.map((c) => c.path)).toEqual(['/cgi-bin/department/list']);
	});

	it('Contacts Sync with a Contacts Reader credential: names through the reader app', async () => {
		const calls = tenant();
		expect(await load('getDepartments', CONTACTS_SYNC, WITH_READER)).toEqual([
			{ name: '总公司 (1)', value: 1 },
			{ name: '研发部 (2)', value: 2 },
		]);
		expect((await search('searchMembers', CONTACTS_SYNC, {}, WITH_READER)).results).toEqual([
			{ name: '张三 (zhangsan)', value: 'zhangsan' },
		]);
		expect(sent(calls)).toEqual([
			['APP', '/cgi-bin/department/list', {}, undefined],
			['APP', '/cgi-bin/department/list', {}, undefined],
			['APP', '/cgi-bin/user/simplelist', { department_id: '1' }, undefined],
			['APP', '/cgi-bin/user/simplelist', { department_id: '2' }, undefined],
		]);
	});

	it('a reader credential that refuses names (it holds the contacts-sync secret) is an error, not IDs', async () => {
		tenant((call) => (call.as === 'APP' ? REFUSED : undefined));
		await expect(load('getDepartments', CONTACTS_SYNC, WITH_READER)).rejects.toThrow(/48009/);
	});

	it('Contacts Sync reading with the WeCom API credential ignores the reader credential', async () => {
		const calls = tenant();
		const parameters = { ...CONTACTS_SYNC, readWith: 'credential' };
		expect(await load('getDepartments', parameters, WITH_READER)).toHaveLength(2);
		expect(calls.map((c) => c.as)).toEqual(['SYNC', 'SYNC']);
	});
});
