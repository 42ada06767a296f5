import { randomBytes } from 'node:crypto';

import type { Router } from '../http.cjs';
import { definedAttributes, type Member } from './contacts.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate, type Schema } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * Contact writes (reference §4): departments, members, tags, batch jobs. Member and department
 * writes need the contacts-sync secret (permission 'contacts:write'); tags belong to the app that
 * created them.
 */

const MEMBER: Schema = {
	userid: { type: 'string', required: true },
	new_userid: { type: 'string' },
	name: { type: 'string', min: 1, max: 64, unit: 'chars', errcode: 60112 },
	alias: { type: 'string', max: 64, unit: 'chars' },
	mobile: { type: 'string', max: 32, errcode: 60103 },
	department: { type: 'int[]', max: 100, errcode: 60110 },
	order: { type: 'uint[]' },
	position: { type: 'string', max: 128, unit: 'chars' },
	gender: { type: 'string', enum: ['1', '2'] },
	email: { type: 'string', min: 6, max: 64, errcode: 60105 },
	biz_mail: { type: 'string', min: 6, max: 64 },
	telephone: { type: 'string', max: 32 },
	is_leader_in_dept: { type: 'int[]' },
	direct_leader: { type: 'string[]', max: 5 },
	avatar_mediaid: { type: 'string' },
	enable: { type: 'int', enum: [0, 1] },
	extattr: { type: 'object' },
	to_invite: { type: 'bool' },
	external_profile: { type: 'object' },
	external_position: { type: 'string', max: 12, unit: 'chars' },
	nickname: { type: 'string' },
	address: { type: 'string', max: 128, unit: 'chars' },
	main_department: { type: 'int' },
};

export interface BatchJob {
	jobid: string;
	type: 'sync_user' | 'replace_user' | 'replace_party';
	result: Array<Record<string, unknown>>;
	/** Polls left before the job reports done (status 3). */
	pollsUntilDone: number;
}

function checkMemberFields(world: WeComWorld, body: Record<string, unknown>, self?: string) {
	if (body.mobile !== undefined && !/^[\d+\-\s]{1,32}$/.test(String(body.mobile))) fail(60103, 'mobile is invalid');
	if (body.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(body.email))) fail(60105, 'email is invalid');
	const departments = body.department as number[] | undefined;
	for (const d of departments ?? []) if (!world.contacts.departments.has(d)) fail(60003, `department ${d} not found`);
	for (const key of ['order', 'is_leader_in_dept'] as const) {
		const list = body[key] as unknown[] | undefined;
		if (list && departments && list.length !== departments.length) fail(40058, `${key} must match department in length`);
	}
	if (body.main_department !== undefined && departments && !departments.includes(Number(body.main_department))) {
		fail(40058, 'main_department must be one of department');
	}
	for (const other of world.contacts.members.values()) {
		if (other.userid === self) continue;
		if (body.mobile && other.mobile && other.mobile.replace(/\D/g, '').slice(-11) === String(body.mobile).replace(/\D/g, '').slice(-11)) fail(60104, 'mobile existed');
		if (body.email && other.email === body.email) fail(60106, 'email existed');
	}
	for (const leader of (body.direct_leader as string[] | undefined) ?? []) if (!world.contacts.members.has(leader)) fail(60111, `direct_leader ${leader} not found`);
}

export function registerContactWriteRoutes(router: Router, world: WeComWorld) {
	const contacts = () => world.contacts;
	const write = { permission: 'contacts:write' as const };

	wecomRoute(router, world, 'POST', '/cgi-bin/department/create', write, ({ body }) => {
		validate(body, {
			name: { type: 'string', required: true },
			name_en: { type: 'string', max: 64, unit: 'chars' },
			parentid: { type: 'int', required: true },
			order: { type: 'uint' },
			id: { type: 'int' },
		});
		const dept = contacts().createDepartment(body as { name: string; parentid: number; order?: number; id?: number });
		return { id: dept.id, errmsg: 'created' };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/department/update', write, ({ body }) => {
		validate(body, { id: { type: 'int', required: true }, name: { type: 'string' }, name_en: { type: 'string' }, parentid: { type: 'int' }, order: { type: 'uint' } });
		const dept = contacts().departments.get(Number(body.id));
		if (!dept) fail(60003, 'department not found');
		const parent = body.parentid === undefined ? dept.parentid : Number(body.parentid);
		if (body.parentid !== undefined) {
			if (!contacts().departments.has(parent)) fail(60004, 'parent department not found');
			if (contacts().isWithin(parent, dept.id)) fail(60124, 'cannot move a department under itself');
		}
		if (body.name !== undefined || body.parentid !== undefined) contacts().checkDepartmentName(String(body.name ?? dept.name), parent, dept.id);
		dept.parentid = parent;
		if (body.name !== undefined) dept.name = String(body.name);
		if (body.name_en !== undefined) dept.name_en = String(body.name_en);
		if (body.order !== undefined) dept.order = Number(body.order);
		return { errmsg: 'updated' };
	});

	wecomRoute(router, world, 'GET', '/cgi-bin/department/delete', write, ({ req }) => {
		const id = Number(req.query.id);
		if (!contacts().departments.has(id)) fail(60003, 'department not found');
		if (id === 1) fail(60007, 'not allow to delete root department');
		if (contacts().membersOf(id).length) fail(60005, 'department contains user');
		if (contacts().children(id).length) fail(60006, 'department contains sub-department');
		contacts().departments.delete(id);
		return { errmsg: 'deleted' };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/user/create', write, ({ body }) => {
		validate(body, { ...MEMBER, name: { ...MEMBER.name, required: true }, department: { ...MEMBER.department, required: true } });
		if (!body.mobile && !body.email) fail(60129, 'mobile and email are both empty');
		checkMemberFields(world, body);
		const { to_invite, order, ...rest } = body as Record<string, unknown>;
		void to_invite;
		// New members are "not activated" (4) until they join; disabled ones are 2.
		if (rest.extattr !== undefined) rest.extattr = definedAttributes(rest.extattr, world.customAttributes);
		contacts().addMember({
			...(rest as unknown as Member),
			order: (order as number[] | undefined) ?? (body.department as number[]).map(() => 0),
			status: body.enable === 0 ? 2 : 4,
			enable: body.enable === 0 ? 0 : 1,
		});
		return { errmsg: 'created' };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/user/update', write, ({ body }) => {
		validate(body, MEMBER);
		const member = contacts().members.get(String(body.userid));
		if (!member) fail(60111, 'userid not found');
		checkMemberFields(world, body, member.userid);
		const { userid, new_userid, to_invite, ...changes } = body as Record<string, unknown>;
		void userid;
		void to_invite;
		if (changes.extattr !== undefined) changes.extattr = definedAttributes(changes.extattr, world.customAttributes);
		Object.assign(member, changes);
		if (body.department && !body.order) member.order = (body.department as number[]).map(() => 0);
		if (body.enable !== undefined) member.status = body.enable === 0 ? 2 : member.status === 2 ? 1 : member.status;
		if (new_userid) {
			contacts().members.delete(member.userid);
			member.userid = String(new_userid);
			contacts().members.set(member.userid, member);
		}
		return { errmsg: 'updated' };
	});

	wecomRoute(router, world, 'GET', '/cgi-bin/user/delete', write, ({ req }) => {
		if (!contacts().members.has(req.query.userid ?? '')) fail(60111, 'userid not found');
		// Reference §4.2: the creator cannot be deleted.
		if (req.query.userid === contacts().creator) fail(301005, 'not allow to delete creator');
		contacts().members.delete(req.query.userid as string);
		return { errmsg: 'deleted' };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/user/batchdelete', write, ({ body }) => {
		validate(body, { useridlist: { type: 'string[]', required: true, min: 1, max: 200, errcode: 40032 } });
		const ids = body.useridlist as string[];
		// Any invalid userid fails the whole call (reference §4.2).
		for (const id of ids) if (!contacts().members.has(id)) fail(40031, `invalid userid ${id}`);
		if (contacts().creator && ids.includes(contacts().creator as string)) fail(301005, 'not allow to delete creator');
		for (const id of ids) contacts().members.delete(id);
		return { errmsg: 'deleted' };
	});

	// path/95895; UNCONFIRMED for 通讯录同步 on a new IP: refused like getuserid (48009).
	wecomRoute(router, world, 'POST', '/cgi-bin/user/get_userid_by_email', { detailRead: true }, ({ body, app }) => {
		validate(body, { email: { type: 'string', required: true }, email_type: { type: 'int', enum: [1, 2] } });
		// Reference §4.2: email_type 1 (default) is the corp mailbox (biz_mail), 2 the personal email.
		const field = body.email_type === 2 ? 'email' : 'biz_mail';
		// UNCONFIRMED whether WeCom ignores case here: the sandbox matches exactly.
		const member = [...contacts().members.values()].find((m) => m[field] !== undefined && m[field] === body.email);
		if (!member || !world.canSee(app, member)) fail(46004, 'user no exist');
		return { userid: member.userid };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/user/convert_to_openid', {}, ({ body }) => {
		validate(body, { userid: { type: 'string', required: true } });
		if (!contacts().members.has(String(body.userid))) fail(60111, 'userid not found');
		return { openid: `oDjGH${Buffer.from(String(body.userid)).toString('base64url')}` };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/user/convert_to_userid', {}, ({ body }) => {
		validate(body, { openid: { type: 'string', required: true } });
		const userid = String(body.openid).startsWith('oDjGH') ? Buffer.from(String(body.openid).slice(5), 'base64url').toString() : '';
		if (!contacts().members.has(userid)) fail(40003, 'invalid openid');
		return { userid };
	});

	// ---- tags -----------------------------------------------------------------------------------------
	const tags = () => world.messages.tags;
	wecomRoute(router, world, 'POST', '/cgi-bin/tag/create', {}, ({ body }) => {
		validate(body, { tagname: { type: 'string', required: true, max: 32, unit: 'chars', errcode: 40072 }, tagid: { type: 'uint' } });
		if ([...tags().values()].some((t) => t.tagname === body.tagname)) fail(40071, 'tag name existed');
		const tagid = body.tagid !== undefined ? Number(body.tagid) : Math.max(0, ...tags().keys()) + 1;
		if (tags().has(tagid)) fail(40068, 'tagid existed');
		tags().set(tagid, { tagname: String(body.tagname), userlist: [], partylist: [] });
		return { tagid, errmsg: 'created' };
	});
	wecomRoute(router, world, 'POST', '/cgi-bin/tag/update', {}, ({ body }) => {
		validate(body, { tagid: { type: 'uint', required: true }, tagname: { type: 'string', required: true, max: 32, unit: 'chars', errcode: 40072 } });
		const tag = tags().get(Number(body.tagid));
		if (!tag) fail(40068, 'invalid tagid');
		tag.tagname = String(body.tagname);
		return { errmsg: 'updated' };
	});
	wecomRoute(router, world, 'GET', '/cgi-bin/tag/delete', {}, ({ req }) => {
		if (!tags().delete(Number(req.query.tagid))) fail(40068, 'invalid tagid');
		return { errmsg: 'deleted' };
	});
	wecomRoute(router, world, 'GET', '/cgi-bin/tag/get', {}, ({ req }) => {
		const tag = tags().get(Number(req.query.tagid));
		if (!tag) fail(40068, 'invalid tagid');
		return {
			tagname: tag.tagname,
			userlist: tag.userlist.map((userid) => ({ userid, name: contacts().members.get(userid)?.name ?? '' })),
			partylist: tag.partylist,
		};
	});
	for (const [path, adding] of [
		['/cgi-bin/tag/addtagusers', true],
		['/cgi-bin/tag/deltagusers', false],
	] as const) {
		wecomRoute(router, world, 'POST', path, {}, ({ body }) => {
			validate(body, { tagid: { type: 'uint', required: true }, userlist: { type: 'string[]', max: 1000, errcode: 81014 }, partylist: { type: 'int[]', max: 100, errcode: 81014 } });
			const tag = tags().get(Number(body.tagid));
			if (!tag) fail(40068, 'invalid tagid');
			const users = (body.userlist as string[] | undefined) ?? [];
			const parties = (body.partylist as number[] | undefined) ?? [];
			if (!users.length && !parties.length) fail(40063, 'userlist and partylist are both empty');
			const invalidUsers = users.filter((u) => !contacts().members.has(u));
			const invalidParties = parties.filter((p) => !contacts().departments.has(p));
			if (invalidUsers.length === users.length && invalidParties.length === parties.length) fail(adding ? 40070 : 40031, 'all members invalid');
			for (const u of users) {
				if (invalidUsers.includes(u)) continue;
				if (adding && !tag.userlist.includes(u)) tag.userlist.push(u);
				if (!adding) tag.userlist = tag.userlist.filter((x) => x !== u);
			}
			for (const p of parties) {
				if (invalidParties.includes(p)) continue;
				if (adding && !tag.partylist.includes(p)) tag.partylist.push(p);
				if (!adding) tag.partylist = tag.partylist.filter((x) => x !== p);
			}
			return {
				...(invalidUsers.length ? { invalidlist: invalidUsers.join('|') } : {}),
				...(invalidParties.length ? { invalidparty: invalidParties } : {}),
			};
		});
	}

	// ---- batch jobs (CSV uploaded with media/upload, then submitted) -----------------------------------
	const jobs = () => world.batchJobs;
	const submit = (type: BatchJob['type']) =>
		({ body }: { body: Record<string, unknown> }) => {
			validate(body, { media_id: { type: 'string', required: true }, to_invite: { type: 'bool' }, callback: { type: 'object' } });
			const media = world.messages.media.get(String(body.media_id));
			if (!media) fail(40007, 'invalid media_id');
			const text = media.data.toString('utf8').replace(/^\uFEFF/, '');
			const rows = parseCsv(text);
			const header = rows.shift() ?? [];
			const result = type === 'replace_party' ? importParties(world, header, rows) : importUsers(world, header, rows, type === 'replace_user');
			const jobid = `job${randomBytes(8).toString('hex')}`;
			jobs().set(jobid, { jobid, type, result, pollsUntilDone: 1 });
			return { jobid };
		};
	wecomRoute(router, world, 'POST', '/cgi-bin/batch/syncuser', write, submit('sync_user'));
	wecomRoute(router, world, 'POST', '/cgi-bin/batch/replaceuser', write, submit('replace_user'));
	wecomRoute(router, world, 'POST', '/cgi-bin/batch/replaceparty', write, submit('replace_party'));
	wecomRoute(router, world, 'GET', '/cgi-bin/batch/getresult', {}, ({ req }) => {
		const job = jobs().get(req.query.jobid ?? '');
		if (!job) fail(40088, 'jobid not found');
		if (job.pollsUntilDone > 0) {
			job.pollsUntilDone--;
			return { status: 2, type: job.type, total: job.result.length, percentage: 50, result: [] };
		}
		return { status: 3, type: job.type, total: job.result.length, percentage: 100, result: job.result };
	});
}

/** RFC 4180 CSV (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			if (row.some((f) => f !== '')) rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	row.push(field);
	if (row.some((f) => f !== '')) rows.push(row);
	return rows;
}

function importUsers(world: WeComWorld, header: string[], rows: string[][], replace: boolean) {
	for (const column of ['姓名', '帐号', '所在部门']) if (!header.includes(column)) fail(302002, `csv header misses ${column}`);
	const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? '';
	const seen = new Set<string>();
	const result: Array<Record<string, unknown>> = [];
	for (const row of rows) {
		const userid = col(row, '帐号');
		const outcome = (errcode: number, errmsg: string) => result.push({ userid, errcode, errmsg });
		if (seen.has(userid)) {
			outcome(302003, 'duplicate userid in file');
			continue;
		}
		seen.add(userid);
		const departments = col(row, '所在部门').split(';').filter(Boolean).map(Number);
		if (departments.some((d) => !world.contacts.departments.has(d))) {
			// Unknown department IDs land in "待设置部门" in real WeCom; the sandbox reports them.
			outcome(60003, 'department not found');
			continue;
		}
		const fields: Partial<Member> = { name: col(row, '姓名'), department: departments };
		const mobile = col(row, '手机号');
		const email = col(row, '邮箱');
		if (mobile) fields.mobile = mobile;
		if (email) fields.email = email;
		if (col(row, '职位')) fields.position = col(row, '职位');
		if (col(row, '性别')) fields.gender = col(row, '性别') === '女' ? '2' : '1';
		if (col(row, '禁用') === '1') fields.enable = 0;
		const existing = world.contacts.members.get(userid);
		try {
			if (existing) Object.assign(existing, fields);
			else world.contacts.addMember({ enable: 1, ...(fields as Member), userid, status: 4 });
			outcome(0, 'ok');
		} catch (error) {
			outcome((error as { errcode?: number }).errcode ?? -1, (error as Error).message);
		}
	}
	if (replace) {
		for (const id of [...world.contacts.members.keys()]) if (!seen.has(id)) world.contacts.members.delete(id);
	}
	return result;
}

function importParties(world: WeComWorld, header: string[], rows: string[][]) {
	for (const column of ['部门名称', '部门ID', '父部门ID']) if (!header.includes(column)) fail(302002, `csv header misses ${column}`);
	const col = (row: string[], name: string) => row[header.indexOf(name)]?.trim() ?? '';
	const result: Array<Record<string, unknown>> = [];
	const wanted = new Set<number>([1]);
	for (const row of rows) {
		const id = Number(col(row, '部门ID'));
		const parentid = Number(col(row, '父部门ID'));
		wanted.add(id);
		const existing = world.contacts.departments.get(id);
		try {
			if (existing) {
				let action = 0;
				if (existing.name !== col(row, '部门名称')) action |= 2;
				if (existing.parentid !== parentid) action |= 4;
				existing.name = col(row, '部门名称');
				existing.parentid = parentid;
				result.push({ action: action || 2, partyid: id, errcode: 0, errmsg: 'ok' });
			} else {
				world.contacts.createDepartment({ id, name: col(row, '部门名称'), parentid, order: Number(col(row, '排序')) || 0 });
				result.push({ action: 1, partyid: id, errcode: 0, errmsg: 'ok' });
			}
		} catch (error) {
			result.push({ action: 1, partyid: id, errcode: (error as { errcode?: number }).errcode ?? -1, errmsg: (error as Error).message });
		}
	}
	// Departments missing from the file are deleted only when empty.
	for (const dept of [...world.contacts.departments.values()].reverse()) {
		if (!wanted.has(dept.id) && !world.contacts.membersOf(dept.id).length && !world.contacts.children(dept.id).length) {
			world.contacts.departments.delete(dept.id);
		}
	}
	return result;
}
