import type { Router } from '../http.cjs';
import type { WeComApp } from './apps.cjs';
import type { Member } from './contacts.cjs';
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
	if (!app.sensitiveFields) for (const key of SENSITIVE) delete view[key];
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

	wecomRoute(router, world, 'GET', '/cgi-bin/user/get', {}, ({ req, app }) => {
		const member = store().members.get(req.query.userid ?? '');
		if (!member) fail(60111, 'userid not found');
		if (!world.canSee(app, member))
			fail(60011, 'no privilege to access/modify contact/party/agent');
		return memberView(member, app);
	});

	for (const path of ['/cgi-bin/user/simplelist', '/cgi-bin/user/list']) {
		wecomRoute(router, world, 'GET', path, {}, ({ req, app }) => {
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

	wecomRoute(router, world, 'GET', '/cgi-bin/department/simplelist', {}, ({ req, app }) => {
		const id = departmentId(req.query.id, false) ?? 1;
		if (!store().departments.has(id)) fail(60003, 'department not found');
		const list = store().subtree(id).filter((d) => world.canSeeDepartment(app, d.id));
		return { department_id: list.map((d) => ({ id: d.id, parentid: d.parentid, order: d.order })) };
	});

	wecomRoute(router, world, 'GET', '/cgi-bin/department/list', {}, ({ req, app }) => {
		const id = departmentId(req.query.id, false) ?? 1;
		if (!store().departments.has(id)) fail(60003, 'department not found');
		return { department: store().subtree(id).filter((d) => world.canSeeDepartment(app, d.id)) };
	});

	wecomRoute(router, world, 'GET', '/cgi-bin/department/get', {}, ({ req, app }) => {
		const id = departmentId(req.query.id, true) as number;
		const department = store().departments.get(id);
		if (!department) fail(60003, 'department not found');
		if (!world.canSeeDepartment(app, id))
			fail(60011, 'no privilege to access/modify contact/party/agent');
		return { department };
	});

	// Only the contacts-sync secret may list all member IDs; one row per member-department pair.
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
