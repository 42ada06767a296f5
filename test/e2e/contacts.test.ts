import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { CREDENTIAL_IDS, itemsWorkflow, sandboxCredentials } from './fixtures.cjs';
import { cleanup, startN8n, type N8n } from './lab.cjs';

const CONTACTS = {
	wecomWelinkWeComApi: { id: CREDENTIAL_IDS.wecomContacts, name: 'WeCom contacts sync (sandbox)' },
};
const node = (resource: string, operation: string, parameters: Record<string, unknown>) => ({
	type: 'n8n-nodes-wecom-welink.weCom',
	parameters: { resource, operation, ...parameters },
	credentials: CONTACTS,
	continueOnFail: true,
});
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const workflows = [
	itemsWorkflow(
		'e2eContDeptNew01',
		'e2e-department-create',
		node('department', 'create', {
			name: '={{ $json.name }}',
			parent: { __rl: true, mode: 'id', value: '={{ $json.parent }}' },
		}),
	),
	itemsWorkflow(
		'e2eContDeptAll01',
		'e2e-department-list',
		// Saved with version 1, whose name for Get Many was `list` (shared/versions.ts).
		node('department', 'list', { department: byId('1'), returnAll: true }),
	),
	itemsWorkflow(
		'e2eContMembNew01',
		'e2e-member-create',
		node('member', 'create', {
			userId: '={{ $json.userid }}',
			name: '={{ $json.name }}',
			departments: '={{ $json.departments }}',
			mobile: '={{ $json.mobile }}',
			email: '',
		}),
	),
	itemsWorkflow(
		'e2eContMembDel01',
		'e2e-member-delete-many',
		node('member', 'deleteMany', { members: '={{ $json.members }}' }),
	),
	itemsWorkflow(
		'e2eContTagAdd001',
		'e2e-tag-add',
		node('tag', 'addMembers', {
			tag: { __rl: true, mode: 'id', value: '={{ $json.tag }}' },
			members: '={{ $json.members }}',
			departments: [],
		}),
	),
	itemsWorkflow(
		'e2eContImport001',
		'e2e-contacts-import',
		node('contactsImport', 'syncUsers', { options: { toInvite: false } }),
	),
];

describe('WeCom contacts in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const contacts = () => sandbox.state.wecom.contacts;
	const post = async (path: string, items: unknown[]) => {
		const { status, data } = await n8n.webhook(path, { items });
		expect(status).toBe(200);
		return (Array.isArray(data) ? data : [data]) as Array<Record<string, unknown>>;
	};

	beforeAll(async () => {
		// Reads with the contacts-sync secret: a tenant whose n8n IP was trusted before 2022-08-15.
		sandbox = await startSandbox({ wecomProfile: 'legacy' });
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('creates departments, refuses an illegal name before any call, and lists the tree with paths', async () => {
		const out = await post('e2e-department-create', [
			{ name: '质量部', parent: '2' },
			{ name: 'QA: 测试', parent: '2' },
		]);
		expect(out[0]).toMatchObject({ name: '质量部', parentid: 2 });
		expect(out[1].error).toBe(
			'Name: contains ":", which WeCom does not allow in department names [item 1]',
		);
		expect(sandbox.state.log.all({ path: '/cgi-bin/department/create' })).toHaveLength(1);
		const tree = await post('e2e-department-list', [{}]);
		expect(tree.find((d) => d.id === out[0].id)).toMatchObject({
			path: 'Sandbox Corp/研发中心/质量部',
		});
	});

	it('creates members, then deletes them in one batch call with a per-member result', async () => {
		const created = await post('e2e-member-create', [
			{ userid: 'e2e1', name: '端一', departments: [2], mobile: '13500000001' },
			{ userid: 'e2e2', name: '端二', departments: [3], mobile: '13500000002' },
		]);
		expect(created.map((m) => m.created)).toEqual([true, true]);
		expect(contacts().members.get('e2e2')).toMatchObject({ name: '端二', department: [3] });
		const deleted = await post('e2e-member-delete-many', [{ members: 'e2e1,e2e2' }]);
		expect(deleted).toEqual([
			{ userid: 'e2e1', deleted: true },
			{ userid: 'e2e2', deleted: true },
		]);
		expect(sandbox.state.log.all({ path: '/cgi-bin/user/batchdelete' })).toHaveLength(1);
	});

	it('tags members and names the invalid ones', async () => {
		const tagid = sandbox.state.wecom.messages.tags.size + 100;
		sandbox.state.wecom.messages.tags.set(tagid, { tagname: '值班', userlist: [], partylist: [] });
		const [out] = await post('e2e-tag-add', [{ tag: String(tagid), members: 'zhangsan,ghost' }]);
		expect(out).toMatchObject({ addedMembers: ['zhangsan'], invalidMembers: ['ghost'] });
	});

	it('imports members from items through a CSV job, one result per item', async () => {
		const out = await post('e2e-contacts-import', [
			{ userid: 'imp1', name: '导入一', department: [2], mobile: '13600000001' },
			{ userid: 'imp2', name: '导入二', department: [999], mobile: '13600000002' },
		]);
		expect(out.map((r) => [r.userid, r.success])).toEqual([
			['imp1', true],
			['imp2', false],
		]);
		expect(contacts().members.get('imp1')).toMatchObject({ name: '导入一' });
	});
});
