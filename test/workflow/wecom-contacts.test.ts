import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import { seedLargeContacts } from '../../sandbox/wecom/contacts.cjs';
import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('WeCom contacts against the sandbox', () => {
	// Reads with the contacts-sync secret: a tenant whose n8n IP was trusted before 2022-08-15.
	const { sandbox, weComCredentials } = sandboxForTests({ wecomProfile: 'legacy' });
	const credentials = (secret: string = SANDBOX_SECRETS.contacts) => weComCredentials(secret);
	const op = async (
		resource: string,
		operation: string,
		parameters: Record<string, unknown>,
		options: { items?: IDataObject[]; continueOnFail?: boolean; secret?: string } = {},
	) =>
		await runNode(
			{
				type: 'weCom',
				parameters: { resource, operation, ...parameters },
				continueOnFail: options.continueOnFail,
			},
			{ credentials: credentials(options.secret), items: options.items },
		);
	const contacts = () => sandbox.state.wecom.contacts;
	const calls = (path: string) => sandbox.state.log.all({ path }).length;
	const apiCalls = () =>
		sandbox.state.log.all({ platform: 'wecom' }).filter((e) => e.path !== '/cgi-bin/gettoken')
			.length;

	describe('Department', () => {
		it('creates, renames, moves, reads, lists with paths and deletes a department', async () => {
			const created = await op('department', 'create', {
				name: '质量部',
				parent: byId('2'),
				options: { order: 7, id: 40 },
			});
			expect(created.error?.message).toBeUndefined();
			expect(created.output('Node')).toEqual([{ name: '质量部', parentid: 2, order: 7, id: 40 }]);
			expect(contacts().departments.get(40)).toMatchObject({ name: '质量部', parentid: 2 });

			await op('department', 'update', {
				department: byId('40'),
				updateFields: { name: '质量保障部', parentId: '3' },
			});
			expect(contacts().departments.get(40)).toMatchObject({ name: '质量保障部', parentid: 3 });

			const got = await op('department', 'get', { department: byId('40') });
			expect(got.output('Node')[0]).toMatchObject({ id: 40, name: '质量保障部', parentid: 3 });

			const list = await op('department', 'getAll', { department: byId('1'), returnAll: true });
			const paths = Object.fromEntries(list.output('Node').map((d) => [d.id, d.path]));
			expect(paths[40]).toBe('Sandbox Corp/销售部/质量保障部');
			expect(paths[4]).toBe('Sandbox Corp/研发中心/后端组');

			const direct = await op('department', 'getAll', {
				department: byId('2'),
				returnAll: true,
				options: { directOnly: true, idsOnly: true },
			});
			expect(direct.output('Node').map((d) => d.id)).toEqual([4, 5]);
			expect(calls('/cgi-bin/department/simplelist')).toBe(1);

			const deleted = await op('department', 'delete', { department: byId('40') });
			expect(deleted.output('Node')).toEqual([{ id: 40, deleted: true }]);
			expect(contacts().departments.has(40)).toBe(false);
		});

		it('refuses bad names, the root and empty updates before any call', async () => {
			const bad = await op('department', 'create', { name: 'R&D: core', parent: byId('1') });
			expect(bad.error?.message).toBe(
				'Name: contains ":", which WeCom does not allow in department names [item 0]',
			);
			const root = await op('department', 'delete', { department: byId('1') });
			expect(root.error?.message).toContain('Department: is the root department (1)');
			const empty = await op('department', 'update', { department: byId('2'), updateFields: {} });
			expect(empty.error?.message).toBe('Update Fields: has nothing to change [item 0]');
			const order = await op('department', 'create', {
				name: 'X',
				parent: byId('1'),
				options: { order: -1 },
			});
			expect(order.error?.message).toContain(
				'Order: -1 is not a whole number from 0 to 4294967295',
			);
			expect(apiCalls()).toBe(0);
		});

		it('explains WeCom’s refusal to delete a department that still has members', async () => {
			const run = await op('department', 'delete', { department: byId('4') });
			expect(run.error?.message).toContain('60005');
			expect(contacts().departments.has(4)).toBe(true);
		});
	});

	describe('Member', () => {
		it('creates a member with every documented field, then updates, reads and deletes them', async () => {
			const created = await op('member', 'create', {
				userId: 'chenjiu',
				name: '陈九',
				departments: [2, 4],
				mobile: '+86 13900000009',
				email: '',
				additionalFields: {
					position: '架构师',
					gender: '2',
					leaderIn: '4',
					mainDepartment: '4',
					orders: '10,20',
					directLeaders: 'zhangsan',
					toInvite: false,
					extraAttributes: { attribute: [{ name: '工号', type: 'text', value: 'E0009' }] },
				},
			});
			expect(created.error?.message).toBeUndefined();
			const body = sandbox.state.log.all({ path: '/cgi-bin/user/create' })[0].body as IDataObject;
			expect(body).toEqual({
				userid: 'chenjiu',
				name: '陈九',
				department: [2, 4],
				mobile: '+86 13900000009',
				position: '架构师',
				gender: '2',
				direct_leader: ['zhangsan'],
				order: [10, 20],
				is_leader_in_dept: [0, 1],
				main_department: 4,
				extattr: { attrs: [{ type: 0, name: '工号', text: { value: 'E0009' } }] },
				to_invite: false,
			});

			await op('member', 'update', {
				member: byId('chenjiu'),
				updateFields: { position: '首席架构师', enabled: false },
			});
			expect(contacts().members.get('chenjiu')).toMatchObject({
				position: '首席架构师',
				enable: 0,
				status: 2,
			});

			const got = await op('member', 'get', { member: byId('chenjiu') });
			expect(got.output('Node')[0]).toMatchObject({
				userid: 'chenjiu',
				name: '陈九',
				position: '首席架构师',
			});

			await op('member', 'delete', { member: byId('chenjiu') });
			expect(contacts().members.has('chenjiu')).toBe(false);
		});

		it('checks every member field limit before any call', async () => {
			const cases: Array<[Record<string, unknown>, string]> = [
				[
					{ userId: '-bad', name: 'A', departments: [1], mobile: '13900000000' },
					'Member ID: "-bad" is not a valid member ID',
				],
				[
					{ userId: 'a', name: 'A'.repeat(65), departments: [1], mobile: '13900000000' },
					'Name: is 65 characters, over the limit of 64',
				],
				[{ userId: 'a', name: 'A', departments: [1] }, 'Mobile: and Email are both empty'],
				[
					{ userId: 'a', name: 'A', departments: [1], mobile: '139-call-me' },
					'Mobile: "139-call-me" is not a phone number',
				],
				[
					{ userId: 'a', name: 'A', departments: [1], email: 'a@b' },
					'Email: is 3 bytes, under the minimum of 6',
				],
				[
					{
						userId: 'a',
						name: 'A',
						departments: Array.from({ length: 101 }, (_, n) => n + 1),
						mobile: '13900000000',
					},
					"over WeCom's limit of 100",
				],
				[
					{
						userId: 'a',
						name: 'A',
						departments: [1],
						mobile: '1',
						additionalFields: { position: 'P'.repeat(129) },
					},
					'Position: is 129 characters',
				],
				[
					{
						userId: 'a',
						name: 'A',
						departments: [1],
						mobile: '1',
						additionalFields: { directLeaders: 'a,b,c,d,e,f' },
					},
					"Direct Leaders: has 6 members, over WeCom's limit of 5",
				],
				[
					{
						userId: 'a',
						name: 'A',
						departments: [1, 2],
						mobile: '1',
						additionalFields: { orders: '1' },
					},
					'Orders In Departments: has 1 values for 2 departments',
				],
				[
					{
						userId: 'a',
						name: 'A',
						departments: [2],
						mobile: '1',
						additionalFields: { mainDepartment: '3' },
					},
					'Main Department ID: 3 is not one of the member’s departments',
				],
				[
					{
						userId: 'a',
						name: 'A',
						departments: [2],
						mobile: '1',
						additionalFields: { externalPosition: '一二三四五六七八九十一二三' },
					},
					'External Position: is 13 characters, over the limit of 12',
				],
			];
			for (const [parameters, message] of cases) {
				const run = await op('member', 'create', parameters);
				expect(run.error?.message).toContain(message);
			}
			expect(apiCalls()).toBe(0);
		});

		it('needs the contacts-sync secret to write, and says so', async () => {
			const run = await op(
				'member',
				'create',
				{ userId: 'x1', name: 'X', departments: [1], mobile: '13900000077' },
				{ secret: SANDBOX_SECRETS.app },
			);
			expect(run.error?.message).toContain('48002');
			expect(contacts().members.has('x1')).toBe(false);
		});

		it('deletes 450 members in 3 calls; a call WeCom refuses for one member goes one by one to name it', async () => {
			seedLargeContacts(contacts(), 10, 450);
			contacts().creator = 'u420';
			const ids = [...Array.from({ length: 449 }, (_, n) => `u${n}`), 'ghost'];
			const run = await op('member', 'deleteMany', { members: ids.join(',') });
			expect(run.error?.message).toBe('1 of 450 members could not be deleted');
			expect(run.error?.description).toMatch(
				/^u420: WeCom: not allow to delete creator \(301005\)/,
			);
			expect(calls('/cgi-bin/user/batchdelete')).toBe(3);
			// The third call (u400…u448 + ghost) was refused; its 50 members went one by one.
			expect(calls('/cgi-bin/user/delete')).toBe(50);
			expect(contacts().members.has('u0')).toBe(false);
			expect(contacts().members.has('u420')).toBe(true);
			expect(contacts().members.has('u449')).toBe(true);

			// With Continue On Fail, one result per member; a member not there counts as deleted.
			const report = await op(
				'member',
				'deleteMany',
				{ members: 'u420,u421,ghost' },
				{ continueOnFail: true },
			);
			expect(report.output('Node')).toEqual([
				expect.objectContaining({ userid: 'u420', deleted: false }),
				{ userid: 'u421', deleted: true, alreadyGone: true },
				{ userid: 'ghost', deleted: true, alreadyGone: true },
			]);
		});

		it('lists a department’s members, recursively without duplicates, with Limit', async () => {
			const direct = await op('member', 'getAll', { department: byId('2'), returnAll: true });
			expect(direct.output('Node').map((m) => m.userid)).toEqual(['zhangsan']);
			const all = await op('member', 'getAll', {
				department: byId('2'),
				includeSubDepartments: true,
				returnAll: true,
				options: { detailed: false },
			});
			expect(all.output('Node').map((m) => m.userid)).toEqual(['zhangsan', 'wangwu', 'zhaoliu']);
			const limited = await op('member', 'getAll', {
				department: byId('1'),
				includeSubDepartments: true,
				returnAll: false,
				limit: 2,
			});
			expect(limited.output('Node')).toHaveLength(2);
		});

		it('lists every member ID over several list_id pages, one item per member', async () => {
			seedLargeContacts(contacts(), 20, 12_000);
			// A member in two departments gives two rows; the node merges them.
			contacts().members.get('u5')?.department.push(1);
			const run = await op('member', 'getAllIds', { returnAll: true });
			const out = run.output('Node');
			expect(out).toHaveLength(12_006);
			expect(out.find((m) => m.userid === 'u5')?.department).toHaveLength(2);
			expect(calls('/cgi-bin/user/list_id')).toBe(2);
			const limited = await op('member', 'getAllIds', { returnAll: false, limit: 3 });
			expect(limited.output('Node')).toHaveLength(3);
		});

		it('finds IDs by mobile and email and converts to and from openid', async () => {
			const mobile = await op('member', 'getIdByMobile', { mobile: '+86 13800000002' });
			expect(mobile.output('Node')[0]).toEqual({ mobile: '+86 13800000002', userid: 'lisi' });
			const email = await op('member', 'getIdByEmail', {
				email: 'wangwu@sandbox.example.com',
				emailType: 2,
			});
			expect(email.output('Node')[0]).toMatchObject({ userid: 'wangwu' });
			const openid = await op('member', 'convertToOpenId', { member: byId('zhaoliu') });
			const back = await op('member', 'convertToUserId', {
				openId: openid.output('Node')[0].openid,
			});
			expect(back.output('Node')[0]).toMatchObject({ userid: 'zhaoliu' });
		});
	});

	describe('Tag', () => {
		it('creates a tag, adds 2,500 members in 3 calls with the invalid ones named, reads, removes, lists and deletes', async () => {
			seedLargeContacts(contacts(), 10, 2_499);
			const created = await op('tag', 'create', { name: '值班' });
			const tagid = String(created.output('Node')[0].tagid);
			const members = [...Array.from({ length: 2_499 }, (_, n) => `u${n}`), 'ghost'];
			const added = await op('tag', 'addMembers', { tag: byId(tagid), members, departments: '2' });
			expect(added.error).toBeUndefined();
			expect(calls('/cgi-bin/tag/addtagusers')).toBe(3);
			expect(added.output('Node')[0]).toMatchObject({
				invalidMembers: ['ghost'],
				addedDepartments: [2],
			});
			expect((added.output('Node')[0].addedMembers as string[]).length).toBe(2_499);

			const got = await op('tag', 'get', { tag: byId(tagid) });
			expect((got.output('Node')[0].userlist as unknown[]).length).toBe(2_499);

			const removed = await op('tag', 'removeMembers', {
				tag: byId(tagid),
				members: 'u1,u2',
				departments: [],
			});
			expect(removed.output('Node')[0]).toMatchObject({ removedMembers: ['u1', 'u2'] });

			const list = await op('tag', 'getAll', { returnAll: true });
			expect(list.output('Node').map((t) => t.tagname)).toContain('值班');
			await op('tag', 'delete', { tag: byId(tagid) });
			const after = await op('tag', 'getAll', { returnAll: true });
			expect(after.output('Node').map((t) => t.tagname)).not.toContain('值班');
		});

		it('checks the tag name and the member list before any call', async () => {
			const long = await op('tag', 'create', { name: '标'.repeat(33) });
			expect(long.error?.message).toContain('Name: is 33 characters, over the limit of 32');
			const none = await op('tag', 'addMembers', { tag: byId('1'), members: [], departments: [] });
			expect(none.error?.message).toContain('Members: and Departments are both empty');
			expect(apiCalls()).toBe(0);
		});
	});

	describe('Contacts Import', () => {
		const people = [
			{ userid: 'imp1', name: '导入一', department: [2], mobile: '13700000001' },
			{ userid: 'imp2', name: '导入, "二"', department: '3;1', email: 'imp2@sandbox.example.com' },
			{ userid: 'imp3', name: '导入三', department: [999], mobile: '13700000003' },
		];

		it('imports members from items through a CSV job and reports each row', async () => {
			const run = await op(
				'contactsImport',
				'syncUsers',
				{ options: { toInvite: false } },
				{ items: people },
			);
			expect(run.error).toBeUndefined();
			const out = run.output('Node');
			expect(out.map((r) => [r.userid, r.success])).toEqual([
				['imp1', true],
				['imp2', true],
				['imp3', false],
			]);
			expect(out[2]).toMatchObject({ errcode: 60003 });
			expect(contacts().members.get('imp2')).toMatchObject({
				name: '导入, "二"',
				department: [3, 1],
			});
			// Upload, submit, then polls until done.
			expect(calls('/cgi-bin/media/upload')).toBe(1);
			expect(calls('/cgi-bin/batch/syncuser')).toBe(1);
			expect(calls('/cgi-bin/batch/getresult')).toBe(2);
			expect(sandbox.state.log.all({ path: '/cgi-bin/batch/syncuser' })[0].body).toMatchObject({
				to_invite: false,
			});
		});

		it('refuses a member given twice, naming both items, before uploading', async () => {
			const run = await op('contactsImport', 'replaceUsers', {}, { items: [people[0], people[0]] });
			expect(run.error?.message).toBe('Member ID: "imp1" is also in item 0 [item 1]');
			expect(apiCalls()).toBe(0);
		});

		it('replaces the department tree from items', async () => {
			const tree = [
				{ id: 2, name: '研发中心', parentid: 1 },
				{ id: 4, name: '后端组', parentid: 2 },
				{ id: 5, name: '前端组', parentid: 2 },
				{ id: 3, name: '销售部', parentid: 1 },
				{ id: 6, name: '人力资源部', parentid: 1 },
				{ id: 50, name: '新部门', parentid: 3 },
			];
			const run = await op('contactsImport', 'replaceDepartments', {}, { items: tree });
			expect(run.error).toBeUndefined();
			expect(run.output('Node').map((r) => r.success)).toEqual([
				true,
				true,
				true,
				true,
				true,
				true,
			]);
			expect(contacts().departments.get(50)).toMatchObject({ name: '新部门', parentid: 3 });
		});
	});
});
