import type { Router } from '../http.cjs';
import { seesSensitiveFields, type WeComApp } from './apps.cjs';
import { attributeValue, type ExtAttr, type Member } from './contacts.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

const SENSITIVE = [
	'mobile',
	'email',
	'biz_mail',
	'gender',
	'avatar',
	'thumb_avatar',
	'qr_code',
	'address',
] as const;

export function memberView(member: Member, app: WeComApp): Record<string, unknown> {
	const view: Record<string, unknown> = {
		...member,
		order: member.order ?? member.department.map(() => 0),
	};
	delete view.to_invite;
	// path/96260: hidden fields are left out of the answer, not sent empty.
	if (!seesSensitiveFields(app)) for (const key of SENSITIVE) delete view[key];
	// UNCONFIRMED whether WeCom lists a defined attribute that has no value: the sandbox leaves it out.
	const attrs = ((member.extattr as { attrs?: ExtAttr[] } | undefined)?.attrs ?? []).filter(
		(a) => attributeValue(a) !== '',
	);
	if (attrs.length) view.extattr = { attrs };
	else delete view.extattr;
	return view;
}

function departmentId(raw: string | undefined, required: boolean): number | undefined {
	if (raw === undefined || raw === '') {
		if (required) fail(40063, 'id is required');
		return undefined;
	}
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 1) fail(60123, 'invalid department id');
	return id;
}

/** Contact reads (reference §4.1, §4.2). Writes are added by the contacts feature. */
export function registerContactReadRoutes(router: Router, world: WeComWorld) {
	// Read the store on each call: a sandbox reset replaces it.
	const store = () => world.contacts;

	// path/96255: user/get carries the 2022-08-15 warning (no reads by 通讯录同步 from new IPs).
	wecomRoute(router, world, 'GET', '/cgi-bin/user/get', { detailRead: true }, ({ req, app }) => {
		const member = store().members.get(req.query.userid ?? '');
		if (!member) fail(60111, 'userid not found');
		if (!world.canSee(app, member))
			fail(60011, 'no privilege to access/modify contact/party/agent');
		return memberView(member, app);
	});

	// path/90200 and 96260 carry the 2022-08-15 warning for both member lists.
	for (const path of ['/cgi-bin/user/simplelist', '/cgi-bin/user/list']) {
		wecomRoute(router, world, 'GET', path, { detailRead: true }, ({ req, app }) => {
			const id = departmentId(req.query.department_id, true) as number;
			if (!store().departments.has(id)) fail(60003, 'department not found');
			if (!world.canSeeDepartment(app, id))
				fail(60011, 'no privilege to access/modify contact/party/agent');
			const members = store().membersOf(id);
			return {
				userlist: members.map((m) =>
					path.endsWith('simplelist')
						? { userid: m.userid, name: m.name, department: m.department }
						: memberView(m, app),
				),
			};
		});
	}

	// path/95406: the contacts-sync secret lists every department ID, whatever the IP; apps their visible range.
	wecomRoute(router, world, 'GET', '/cgi-bin/department/simplelist', {}, ({ req, app }) => {
		const id = departmentId(req.query.id, false) ?? 1;
		if (!store().departments.has(id)) fail(60003, 'department not found');
		const list = store()
			.subtree(id)
			.filter((d) => world.canSeeDepartment(app, d.id));
		return { department_id: list.map((d) => ({ id: d.id, parentid: d.parentid, order: d.order })) };
	});

	// path/90344: refused to 通讯录同步 on IPs added after 2022-08-15 (48009 per opsre/go-ldap-admin#378).
	wecomRoute(
		router,
		world,
		'GET',
		'/cgi-bin/department/list',
		{ detailRead: true },
		({ req, app }) => {
			const id = departmentId(req.query.id, false) ?? 1;
			if (!store().departments.has(id)) fail(60003, 'department not found');
			return {
				department: store()
					.subtree(id)
					.filter((d) => world.canSeeDepartment(app, d.id)),
			};
		},
	);

	// path/95407: department/get carries the same 2022-08-15 warning as department/list.
	wecomRoute(
		router,
		world,
		'GET',
		'/cgi-bin/department/get',
		{ detailRead: true },
		({ req, app }) => {
			const id = departmentId(req.query.id, true) as number;
			const department = store().departments.get(id);
			if (!department) fail(60003, 'department not found');
			if (!world.canSeeDepartment(app, id))
				fail(60011, 'no privilege to access/modify contact/party/agent');
			return { department };
		},
	);

	// path/96067: only the contacts-sync secret may list all member IDs; one row per member-department pair.
	wecomRoute(router, world, 'POST', '/cgi-bin/user/list_id', { only: ['contacts'] }, ({ body }) => {
		const { cursor, limit } = validate(body, {
			cursor: { type: 'string' },
			limit: { type: 'uint', min: 1, max: 10000 },
		}) as { cursor?: string; limit?: number };
		const rows: Array<{ userid: string; department: number }> = [];
		for (const member of store().members.values()) {
			for (const department of member.department) rows.push({ userid: member.userid, department });
		}
		const start = cursor
			? Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10)
			: 0;
		if (!Number.isInteger(start) || start < 0) fail(40058, 'invalid cursor');
		const size = limit ?? 10000;
		const page = rows.slice(start, start + size);
		const end = start + page.length;
		return {
			next_cursor: end < rows.length ? Buffer.from(String(end)).toString('base64url') : '',
			dept_user: page,
		};
	});
}
