import type { Router } from '../http.cjs';
import { welinkRoute } from './routes.cjs';
import { CONTACT_CODES, checkQuery, queryInt, validate, type WeLinkSchema } from './schema.cjs';
import {
	WeLinkFault,
	welinkFail,
	type WeLinkDepartment,
	type WeLinkUser,
	type WeLinkWorld,
} from './world.cjs';

/**
 * Contacts: department children (paged by page number), department detail, users of a department,
 * corpUserId → userId, real-time create/update/delete of departments and users, the asynchronous
 * batch sync jobs. Rules and where they come from:
 * - "一级部门不支持直接遍历" (no recursive walk from the root "0"), departments/list offset = page from
 *   1, limit ≤ 100: message_sync.html.
 * - a user's corpDeptCode must be a department WeLink has ("请先完成部门信息同步"): staff_sync.html;
 *   corp IDs unique within the tenant ("客户内唯一"): staff_sync.html.
 * - department names ≤ 128 characters: PY constants (MAX_DEPT_NAME_LENGTH); orderNo "1"–"999" as a
 *   string: PY depts.py, JAR batch DeptInfos; visibleRange 1/2/3: PY constants.
 * - ≤ 100 records per batch request; an activated user changes mobile at most 3 times in 24 h: the
 *   docs as quoted in JT's Javadoc (reference §5.5, §5.6).
 * - exactly one of userId / corpUserId / mobileNumber names a user: PY ContactV1UsersRequest.
 * - a user batch sync's record has no `valid` (JAR ContactV1UserBatchSyncRequest$PersonInfos): one
 *   sent there is an unknown field, refused with 47004 like any other (UNCONFIRMED: WeLink may ignore
 *   it; refusing is the strictest reading, and either way it closes no one).
 * - users/bulk (staff_sync.html; PY ContactV1UsersBulkRequest, UserDetail; JAR ContactV1UsersBulkRequest):
 *   `personInfo` ≤ 10 records (the doc, reference §5.6; PY MAX_USERS_SYNC_COUNT), every field a string
 *   (JAR PersonInfo), the fields PY marks 必填 required, its answer only validates (JAR
 *   UserSynchronizeResult) and WeLink applies the records later (PY "异步批量同步用户"); corpDeptCode must
 *   be a department WeLink has (PY users.py); `valid` "0" closes the user, "1" reopens it (PY users.py;
 *   userStatus 4 = closed, user_detail.html); results 47109 success, 47111 no such account
 *   (staff_query.html).
 * - codes: 47001 user not found (simpleinfo_query.html; USST on v3/users), 47012 no such department
 *   (an empty answer to FBT and JT), 47003 a parameter is empty and 47004 a parameter is not right
 *   (department_query.html).
 * UNCONFIRMED (stricter than any source; README Known limits): corp codes 1–64 characters without
 * spaces and never "0"; at most 15 levels; no delete of a department that still has sub-departments or
 * users; mobile numbers written +country-number; user/create needs the legacy sync's required fields;
 * v2/user/list pages ≤ 50; job `status` and `percentage`; the code of a refusal no page documents is
 * REFUSED below; for users/bulk: the accepted record's code "0", phoneNumber required (PY, not the
 * doc's list), a record applied USER_SYNC_DELAY_MS after it is accepted, never creating a user (an
 * unknown corpUserId gets 47111), and the user left in the one department corpDeptCode names.
 */

/** No page gives the code for these refusals (duplicate, not empty, too many mobile changes). */
export const REFUSED = '47004';

export interface ContactJob {
	jobId: string;
	type: 'department' | 'user' | 'user-delete';
	records: Array<Record<string, unknown>>;
	polls: number;
	percentage: number;
	results: Array<Record<string, unknown>>;
}

export class ContactJobStore {
	readonly jobs = new Map<string, ContactJob>();

	private seq = 0;

	/** Users deleted with isDeleteUser, for assertions. */
	readonly deletedUsers: Array<{ userId: string; corpUserId: string; isDeleteUser: number }> = [];

	/** userStatus a closed user had before (reopening gives it back). */
	readonly closedFrom = new Map<string, number>();

	/** Times (ms) of each user's mobile number changes, for the 3-per-24-hours rule. */
	readonly mobileChanges = new Map<string, number[]>();

	/** users/bulk records accepted and not applied yet. */
	readonly userSyncs: Array<{ record: Record<string, unknown>; dueAt: number }> = [];

	/** What became of each users/bulk record once applied (its sync result), for assertions. */
	readonly userSyncResults: Array<{ corpUserId: string; code: string; message: string }> = [];

	/** While set, accepted users/bulk records wait: a WeLink that has not got to them yet. */
	userSyncsPaused = false;

	/** Applies the users/bulk records that are due (called on every WeLink request). */
	runDue(world: WeLinkWorld) {
		if (this.userSyncsPaused) return;
		while (this.userSyncs.length && this.userSyncs[0].dueAt <= world.now()) {
			const [{ record }] = this.userSyncs.splice(0, 1);
			this.userSyncResults.push(applyUserSync(world, record));
		}
	}

	nextId(prefix: string) {
		return `${prefix}${String(++this.seq).padStart(6, '0')}`;
	}
}

/** Extra fields kept on sandbox records beyond the world's typed ones. */
type Extra = Record<string, unknown>;

const MOBILE = /^\+\d{1,4}-\d{4,20}$/;

/** Corp codes: 1–64 characters without spaces (see the header). */
const CORP_CODE = /^[^\s]{1,64}$/;

/** Levels below the root (see the header). */
export const MAX_WELINK_DEPTH = 15;

function checkCorpCode(field: string, value: unknown) {
	const code = String(value ?? '');
	if (!CORP_CODE.test(code) || code === '0')
		welinkFail('47004', `${field} must be 1-64 characters without spaces and not "0"`);
}

/** Levels below `parentCode` (the root "0" has none) plus the department's own subtree. */
function depthWith(world: WeLinkWorld, parentCode: string, subtree = 1) {
	let depth = subtree;
	for (let p = world.departments.get(parentCode); p; p = world.departments.get(p.parentCode))
		depth++;
	if (depth > MAX_WELINK_DEPTH) welinkFail('47004', `more than ${MAX_WELINK_DEPTH} levels`);
}

function subtreeHeight(world: WeLinkWorld, deptCode: string): number {
	const kids = [...world.departments.values()].filter((d) => d.parentCode === deptCode);
	return 1 + Math.max(0, ...kids.map((k) => subtreeHeight(world, k.deptCode)));
}

function sortedDepartments(list: WeLinkDepartment[]) {
	return [...list].sort((a, b) => a.orderNo - b.orderNo || a.deptCode.localeCompare(b.deptCode));
}

function children(world: WeLinkWorld, deptCode: string, recursive: boolean): WeLinkDepartment[] {
	const direct = sortedDepartments(
		[...world.departments.values()].filter((d) => d.parentCode === deptCode),
	);
	if (!recursive) return direct;
	return direct.flatMap((d) => [d, ...children(world, d.deptCode, true)]);
}

function levelOf(world: WeLinkWorld, dept: WeLinkDepartment): number {
	let level = 1;
	for (let p = world.departments.get(dept.parentCode); p; p = world.departments.get(p.parentCode))
		level++;
	return level;
}

function listView(world: WeLinkWorld, d: WeLinkDepartment) {
	return {
		deptCode: d.deptCode,
		deptNameCn: d.deptNameCn,
		deptNameEn: d.deptNameEn,
		fatherCode: d.parentCode,
		deptLevel: String(levelOf(world, d)),
		orderNo: d.orderNo,
		hasChildDept: [...world.departments.values()].some((c) => c.parentCode === d.deptCode) ? 1 : 0,
		corpDeptCode: d.corpDeptCode,
	};
}

function detailView(world: WeLinkWorld, d: WeLinkDepartment) {
	const parent = world.departments.get(d.parentCode);
	return {
		...(d as unknown as Extra),
		parentCode: d.parentCode,
		corpParentCode: parent ? parent.corpDeptCode : '0',
		hasChildDept: listView(world, d).hasChildDept,
	};
}

function findDept(world: WeLinkWorld, ref: { deptCode?: unknown; corpDeptCode?: unknown }) {
	const dept =
		ref.deptCode !== undefined
			? world.departments.get(String(ref.deptCode))
			: [...world.departments.values()].find((d) => d.corpDeptCode === String(ref.corpDeptCode));
	if (!dept) welinkFail('47012', 'department not found');
	return dept;
}

/** Parent by parentCode or corpParentCode; "0" is the root. */
function parentCodeOf(world: WeLinkWorld, body: Record<string, unknown>): string | undefined {
	if (body.parentCode !== undefined && body.corpParentCode !== undefined)
		welinkFail('47004', 'give parentCode or corpParentCode, not both');
	if (body.parentCode !== undefined) {
		const code = String(body.parentCode);
		if (code !== '0' && !world.departments.has(code))
			welinkFail('47012', `parent ${code} not found`);
		return code;
	}
	if (body.corpParentCode !== undefined) {
		const code = String(body.corpParentCode);
		if (code === '0') return '0';
		return findDept(world, { corpDeptCode: code }).deptCode;
	}
	return undefined;
}

function isDescendant(world: WeLinkWorld, candidate: string, of: string) {
	for (let p = world.departments.get(candidate); p; p = world.departments.get(p.parentCode))
		if (p.deptCode === of) return true;
	return false;
}

function findUser(world: WeLinkWorld, body: Record<string, unknown>) {
	const keys = (['userId', 'corpUserId', 'mobileNumber'] as const).filter(
		(k) => body[k] !== undefined,
	);
	if (keys.length !== 1)
		welinkFail('47004', 'exactly one of userId, corpUserId, mobileNumber is required');
	const key = keys[0];
	const user = [...world.users.values()].find((u) => u[key] === body[key]);
	if (!user) welinkFail('47001', 'user not found');
	return user;
}

function deptCodesOf(world: WeLinkWorld, body: Record<string, unknown>): string[] | undefined {
	if (body.deptCodes !== undefined && body.corpDeptCodes !== undefined)
		welinkFail('47004', 'give deptCodes or corpDeptCodes, not both');
	if (body.deptCodes !== undefined)
		return (body.deptCodes as string[]).map((c) => findDept(world, { deptCode: c }).deptCode);
	if (body.corpDeptCodes !== undefined)
		return (body.corpDeptCodes as string[]).map(
			(c) => findDept(world, { corpDeptCode: c }).deptCode,
		);
	return undefined;
}

const DEPT_FIELDS: WeLinkSchema = {
	corpDeptCode: { type: 'string' },
	parentCode: { type: 'string' },
	corpParentCode: { type: 'string' },
	deptNameCn: { type: 'string', max: 128, unit: 'chars' },
	deptNameEn: { type: 'string', max: 128, unit: 'chars' },
	managerId: { type: 'string[]' },
	corpManagerId: { type: 'string[]' },
	visibleRange: { type: 'int', enum: [1, 2, 3] },
	createDeptGroup: { type: 'int', enum: [0, 1] },
	groupContainSubDept: { type: 'int', enum: [0, 1] },
	deptGroupOwnerId: { type: 'string' },
};

const USER_FIELDS: WeLinkSchema = {
	userNameCn: { type: 'string' },
	userNameEn: { type: 'string' },
	sex: { type: 'string', enum: ['M', 'F'] },
	phoneNumber: { type: 'string[]' },
	deptCodes: { type: 'string[]' },
	corpDeptCodes: { type: 'string[]' },
	mainDeptCode: { type: 'string' },
	mainCorpDeptCode: { type: 'string' },
	employeeId: { type: 'string' },
	landlineNumber: { type: 'string' },
	userEmail: { type: 'string' },
	emailLoginAccount: { type: 'string' },
	position: { type: 'string' },
	businessAddress: { type: 'string' },
	baseLocation: { type: 'string' },
	secretary: { type: 'string' },
	corpSecretary: { type: 'string' },
	remark: { type: 'string' },
	isHidePhoneNumber: { type: 'int', enum: [0, 1] },
	seniorMode: { type: 'int', enum: [0, 1] },
	personType: { type: 'string' },
	timeZone: { type: 'string' },
	roleIds: { type: 'string[]' },
	extAttr: { type: 'object' },
};

const USER_CREATE: WeLinkSchema = {
	...USER_FIELDS,
	corpUserId: { type: 'string', required: true },
	userNameCn: { type: 'string', required: true },
	sex: { type: 'string', required: true, enum: ['M', 'F'] },
	mobileNumber: { type: 'string', required: true },
	isNotify: { type: 'int', enum: [0, 1] },
};

const USER_UPDATE: WeLinkSchema = {
	...USER_FIELDS,
	userId: { type: 'string' },
	corpUserId: { type: 'string' },
	mobileNumber: { type: 'string' },
};

/** Applies the user fields of a create/update/sync body to a user record. */
function applyUser(world: WeLinkWorld, user: WeLinkUser, body: Record<string, unknown>) {
	const depts = deptCodesOf(world, body);
	const extra = user as unknown as Extra;
	for (const [key, value] of Object.entries(body)) {
		if (
			[
				'deptCodes',
				'corpDeptCodes',
				'mainDeptCode',
				'mainCorpDeptCode',
				'userId',
				'isNotify',
				'valid',
			].includes(key)
		)
			continue;
		extra[key] = value;
	}
	if (depts) user.deptCodes = depts;
	if (body.mainDeptCode !== undefined)
		user.mainDeptCode = findDept(world, { deptCode: body.mainDeptCode }).deptCode;
	else if (body.mainCorpDeptCode !== undefined)
		user.mainDeptCode = findDept(world, { corpDeptCode: body.mainCorpDeptCode }).deptCode;
	else if (depts && !depts.includes(user.mainDeptCode)) user.mainDeptCode = depts[0];
	if (!user.deptCodes.includes(user.mainDeptCode))
		welinkFail('47004', 'the main department must be one of deptCodes');
}

function checkUnique(
	world: WeLinkWorld,
	user: { userId?: string; corpUserId?: string; mobileNumber?: string },
) {
	for (const other of world.users.values()) {
		if (other.userId === user.userId) continue;
		if (user.corpUserId !== undefined && other.corpUserId === user.corpUserId)
			welinkFail(REFUSED, `corpUserId ${user.corpUserId} already exists`);
		if (user.mobileNumber !== undefined && other.mobileNumber === user.mobileNumber)
			welinkFail(REFUSED, `mobileNumber ${user.mobileNumber} already exists`);
	}
}

function createUser(world: WeLinkWorld, body: Record<string, unknown>): WeLinkUser {
	checkCorpCode('corpUserId', body.corpUserId);
	if (!MOBILE.test(String(body.mobileNumber)))
		welinkFail('47004', 'mobileNumber must look like +86-15811847236');
	if (body.deptCodes === undefined && body.corpDeptCodes === undefined)
		welinkFail('47003', 'deptCodes or corpDeptCodes is required');
	checkUnique(world, {
		corpUserId: String(body.corpUserId),
		mobileNumber: String(body.mobileNumber),
	});
	let userId = `${String(body.corpUserId).toLowerCase()}@${world.tenantId}`;
	while (world.users.has(userId)) userId = `${world.contactJobs.nextId('u')}@${world.tenantId}`;
	const user: WeLinkUser = {
		userId,
		corpUserId: String(body.corpUserId),
		userNameCn: String(body.userNameCn),
		userNameEn: String(body.userNameEn ?? ''),
		mobileNumber: String(body.mobileNumber),
		userEmail: String(body.userEmail ?? ''),
		sex: body.sex === 'F' ? 'F' : 'M',
		deptCodes: [],
		mainDeptCode: '',
		userStatus: 1,
	};
	applyUser(world, user, body);
	world.users.set(userId, user);
	return user;
}

function departmentHasContent(world: WeLinkWorld, dept: WeLinkDepartment) {
	return (
		[...world.departments.values()].some((d) => d.parentCode === dept.deptCode) ||
		[...world.users.values()].some((u) => u.deptCodes.includes(dept.deptCode))
	);
}

function createDepartment(world: WeLinkWorld, body: Record<string, unknown>): WeLinkDepartment {
	if (body.corpDeptCode === undefined || String(body.corpDeptCode).trim() === '')
		welinkFail('47003', 'corpDeptCode is required');
	if (body.deptNameCn === undefined || String(body.deptNameCn).trim() === '')
		welinkFail('47003', 'deptNameCn is required');
	checkCorpCode('corpDeptCode', body.corpDeptCode);
	if ([...String(body.deptNameCn)].length > 128)
		welinkFail('47004', 'deptNameCn exceeds 128 chars');
	const parentCode = parentCodeOf(world, body);
	if (parentCode === undefined) welinkFail('47003', 'parentCode or corpParentCode is required');
	depthWith(world, parentCode);
	if ([...world.departments.values()].some((d) => d.corpDeptCode === String(body.corpDeptCode)))
		welinkFail(REFUSED, `corpDeptCode ${String(body.corpDeptCode)} already exists`);
	const deptCode = world.contactJobs.nextId('9');
	const dept = {
		...body,
		deptCode,
		corpDeptCode: String(body.corpDeptCode),
		deptNameCn: String(body.deptNameCn),
		deptNameEn: String(body.deptNameEn ?? ''),
		parentCode,
		orderNo: Number(body.orderNo ?? 1000),
	} as WeLinkDepartment;
	delete (dept as unknown as Extra).corpParentCode;
	delete (dept as unknown as Extra).valid;
	world.departments.set(deptCode, dept);
	return dept;
}

function updateDepartment(
	world: WeLinkWorld,
	dept: WeLinkDepartment,
	body: Record<string, unknown>,
) {
	if (body.deptNameCn !== undefined) {
		const name = String(body.deptNameCn).trim();
		if (!name || [...name].length > 128) welinkFail('47004', 'deptNameCn must be 1-128 chars');
	}
	const parentCode = parentCodeOf(world, body);
	if (parentCode !== undefined) {
		if (parentCode === dept.deptCode || isDescendant(world, parentCode, dept.deptCode))
			welinkFail('47004', 'a department cannot move under itself');
		depthWith(world, parentCode, subtreeHeight(world, dept.deptCode));
		dept.parentCode = parentCode;
	}
	const extra = dept as unknown as Extra;
	for (const [key, value] of Object.entries(body)) {
		if (['deptCode', 'corpDeptCode', 'parentCode', 'corpParentCode', 'valid'].includes(key))
			continue;
		extra[key] = key === 'orderNo' ? Number(value) : value;
	}
}

// JAR ContactV1DepartmentBatchSyncRequest$DeptInfos: deptType Integer, valid and orderNo String (PY
// depts.py sends orderNo as str too); orderNo 1–999 (PY depts.py, department_sync.html).
const BATCH_DEPT: WeLinkSchema = {
	...DEPT_FIELDS,
	deptCode: { type: 'string' },
	deptType: { type: 'int' },
	orderNo: { type: 'string' },
	valid: { type: 'string', enum: ['0', '1'] },
	ext: { type: 'object' },
};

const BATCH_USER: WeLinkSchema = {
	...USER_FIELDS,
	userId: { type: 'string' },
	corpUserId: { type: 'string' },
	mobileNumber: { type: 'string' },
	sipNum: { type: 'string' },
	orderInDepts: { type: 'object' },
	orderInCorpDepts: { type: 'object' },
	// No `valid`: JAR ContactV1UserBatchSyncRequest$PersonInfos has none; one sent is an unknown field
	// (47004, the strictest reading: WeLink may ignore it, but then no user would be closed either).
};

// JAR ContactV1UsersBulkRequest$PersonInfo declares every field a String; PY users.py UserDetail
// marks these 必填 (staff_sync.html's list, reference §5.6, has them all but phoneNumber).
const USERS_BULK: WeLinkSchema = {
	corpUserId: { type: 'string', required: true },
	userNameCn: { type: 'string', required: true },
	userNameEn: { type: 'string' },
	sex: { type: 'string', required: true, enum: ['M', 'F'] },
	mobileNumber: { type: 'string', required: true },
	phoneNumber: { type: 'string', required: true },
	corpDeptCode: { type: 'string', required: true },
	userEmail: { type: 'string' },
	landlineNumber: { type: 'string' },
	addressCode: { type: 'string' },
	corpSecretary: { type: 'string' },
	isOpenAccount: { type: 'string', required: true, enum: ['1', '0'] },
	address: { type: 'string' },
	remark: { type: 'string' },
	valid: { type: 'string', required: true, enum: ['1', '0'] },
	isHideMobileNumber: { type: 'string' },
	orderInDepts: { type: 'string' },
	emailLoginAccount: { type: 'string' },
};

/** How long after users/bulk accepts a record the sandbox applies it (see the header). */
// UNCONFIRMED: PY says only "异步" (applied later); no delay is published, 1 s makes read-backs wait.
export const USER_SYNC_DELAY_MS = 1_000;

/** One users/bulk record, applied: its sync result as users/status would give it. */
function applyUserSync(world: WeLinkWorld, record: Record<string, unknown>) {
	const corpUserId = String(record.corpUserId);
	const result = (code: string, message: string) => ({ corpUserId, code, message });
	const user = [...world.users.values()].find((u) => u.corpUserId === corpUserId);
	// 47111 no such account (staff_query.html); UNCONFIRMED that users/bulk never creates a user (strict).
	if (!user) return result('47111', 'Account not exist.');
	try {
		const dept = findDept(world, { corpDeptCode: record.corpDeptCode });
		// Mobile written +86-… (UNCONFIRMED, as user/create here: the header); 47004 department_query.html.
		if (!MOBILE.test(String(record.mobileNumber)))
			welinkFail('47004', 'mobileNumber must look like +86-15811847236');
		checkUnique(world, { userId: user.userId, mobileNumber: String(record.mobileNumber) });
		user.userNameCn = String(record.userNameCn);
		user.sex = record.sex === 'F' ? 'F' : 'M';
		user.mobileNumber = String(record.mobileNumber);
		// UNCONFIRMED whether users/bulk drops the user's other departments: it does here (strict).
		user.deptCodes = [dept.deptCode];
		user.mainDeptCode = dept.deptCode;
		setValid(world, user, record.valid);
		// 47109 success (staff_query.html).
		return result('47109', 'Operation success');
	} catch (error) {
		if (error instanceof WeLinkFault) return result(error.code, error.message);
		throw error;
	}
}

/** users/bulk's `valid`: "0" closes the user (userStatus 4), "1" reopens a closed one. */
function setValid(world: WeLinkWorld, user: WeLinkUser, valid: unknown) {
	if (valid === '0' && user.userStatus !== 4) {
		world.contactJobs.closedFrom.set(user.userId, user.userStatus);
		user.userStatus = 4;
	} else if (valid === '1' && user.userStatus === 4) {
		user.userStatus = world.contactJobs.closedFrom.get(user.userId) ?? 1;
		world.contactJobs.closedFrom.delete(user.userId);
	}
}

/** Runs one record of a finished job; a failure becomes the record's own code and message. */
function runRecord(world: WeLinkWorld, job: ContactJob, record: Record<string, unknown>) {
	const key =
		job.type === 'department'
			? { corpDeptCode: record.corpDeptCode, deptCode: record.deptCode }
			: { corpUserId: record.corpUserId, userId: record.userId };
	try {
		if (job.type === 'user-delete') {
			const user = findUser(world, {
				userId: record.userId,
				corpUserId: record.corpUserId,
				mobileNumber: record.mobileNumber,
			});
			world.users.delete(user.userId);
			world.contactJobs.deletedUsers.push({
				userId: user.userId,
				corpUserId: user.corpUserId,
				isDeleteUser: Number(record.isDeleteUser ?? 0),
			});
			return { ...key, userId: user.userId, code: '0', message: 'deleted' };
		}
		if (job.type === 'department') {
			if (
				record.orderNo !== undefined &&
				(!/^\d{1,3}$/.test(String(record.orderNo)) || Number(record.orderNo) < 1)
			)
				welinkFail('47004', 'orderNo must be "1"-"999"');
			const existing = [...world.departments.values()].find(
				(d) =>
					d.corpDeptCode === record.corpDeptCode ||
					(record.deptCode !== undefined && d.deptCode === record.deptCode),
			);
			if (record.valid === '0') {
				if (!existing) welinkFail('47012', 'department not found');
				if (departmentHasContent(world, existing))
					welinkFail(REFUSED, 'department has sub-departments or users');
				world.departments.delete(existing.deptCode);
				return { ...key, deptCode: existing.deptCode, code: '0', message: 'deleted' };
			}
			if (existing) {
				updateDepartment(world, existing, record);
				return { ...key, deptCode: existing.deptCode, code: '0', message: 'updated' };
			}
			const created = createDepartment(world, record);
			return { ...key, deptCode: created.deptCode, code: '0', message: 'created' };
		}
		const existing = [...world.users.values()].find(
			(u) =>
				u.corpUserId === record.corpUserId ||
				(record.userId !== undefined && u.userId === record.userId),
		);
		if (existing) {
			if (record.mobileNumber !== undefined && !MOBILE.test(String(record.mobileNumber)))
				welinkFail('47004', 'mobileNumber must look like +86-15811847236');
			checkUnique(world, {
				userId: existing.userId,
				mobileNumber: record.mobileNumber as string | undefined,
			});
			applyUser(world, existing, record);
			return { ...key, userId: existing.userId, code: '0', message: 'updated' };
		}
		for (const field of ['corpUserId', 'userNameCn', 'mobileNumber', 'sex'])
			if (record[field] === undefined) welinkFail('47003', `${field} is required`);
		const created = createUser(world, record);
		return { ...key, userId: created.userId, code: '0', message: 'created' };
	} catch (error) {
		if (error instanceof WeLinkFault) return { ...key, code: error.code, message: error.message };
		throw error;
	}
}

export function registerWeLinkContactRoutes(router: Router, world: WeLinkWorld) {
	const read = 'contact:read';
	const write = 'contact:write';

	welinkRoute(router, world, 'GET', '/contact/v2/departments/list', read, ({ req }) => {
		checkQuery(
			req.query,
			['deptCode', 'recursiveflag', 'offset', 'limit'],
			['deptCode'],
			CONTACT_CODES,
		);
		const recursive = queryInt(req.query, 'recursiveflag', 0, 0, 1, CONTACT_CODES) === 1;
		const offset = queryInt(req.query, 'offset', 1, 1, 1_000_000, CONTACT_CODES);
		const limit = queryInt(req.query, 'limit', 100, 1, 100, CONTACT_CODES);
		const deptCode = req.query.deptCode;
		if (deptCode === '0' && recursive)
			welinkFail('47004', '一级部门不支持直接遍历: list level 1 with recursiveflag=0');
		if (deptCode !== '0') findDept(world, { deptCode });
		const all = children(world, deptCode, recursive);
		return {
			offset,
			limit,
			totalCount: all.length,
			departmentInfo: all
				.slice((offset - 1) * limit, offset * limit)
				.map((d) => listView(world, d)),
		};
	});

	welinkRoute(router, world, 'GET', '/contact/v2/department/detail', read, ({ req }) => {
		checkQuery(req.query, ['deptCode', 'corpDeptCode'], [], CONTACT_CODES);
		if ((req.query.deptCode === undefined) === (req.query.corpDeptCode === undefined))
			welinkFail('47004', 'exactly one of deptCode, corpDeptCode is required');
		return detailView(world, findDept(world, req.query));
	});

	welinkRoute(router, world, 'GET', '/contact/v2/user/list', read, ({ req }) => {
		checkQuery(req.query, ['deptCode', 'corpDeptCode', 'pageNo', 'pageSize'], [], CONTACT_CODES);
		if ((req.query.deptCode === undefined) === (req.query.corpDeptCode === undefined))
			welinkFail('47004', 'exactly one of deptCode, corpDeptCode is required');
		const pageNo = queryInt(req.query, 'pageNo', 1, 1, 1_000_000, CONTACT_CODES);
		const pageSize = queryInt(req.query, 'pageSize', 10, 1, 50, CONTACT_CODES);
		const dept = findDept(world, req.query);
		const users = [...world.users.values()].filter((u) => u.deptCodes.includes(dept.deptCode));
		return {
			pageNo,
			pageSize,
			hasMore: pageNo * pageSize < users.length ? 1 : 0,
			data: users.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((u) => ({ ...u })),
		};
	});

	welinkRoute(router, world, 'POST', '/contact/v1/users/accounts', read, ({ body }) => {
		validate(
			body,
			{ corpUserId: { type: 'string[]', required: true, min: 1, max: 50 } },
			CONTACT_CODES,
		);
		const wanted = body.corpUserId as string[];
		return {
			userInfo: [...world.users.values()]
				.filter((u) => wanted.includes(u.corpUserId))
				.map((u) => ({ userId: u.userId, corpUserId: u.corpUserId })),
		};
	});

	welinkRoute(router, world, 'POST', '/contact/v1/department/create', write, ({ body }) => {
		validate(
			body,
			{
				...DEPT_FIELDS,
				corpDeptCode: { type: 'string', required: true },
				deptNameCn: { type: 'string', required: true, max: 128, unit: 'chars' },
			},
			CONTACT_CODES,
		);
		const dept = createDepartment(world, body);
		return { deptCode: dept.deptCode, corpDeptCode: dept.corpDeptCode };
	});

	welinkRoute(router, world, 'POST', '/contact/v1/department/update', write, ({ body }) => {
		validate(body, { ...DEPT_FIELDS, deptCode: { type: 'string' } }, CONTACT_CODES);
		if ((body.deptCode === undefined) === (body.corpDeptCode === undefined))
			welinkFail('47004', 'exactly one of deptCode, corpDeptCode identifies the department');
		const dept = findDept(world, body);
		updateDepartment(world, dept, body);
		return { deptCode: dept.deptCode, corpDeptCode: dept.corpDeptCode };
	});

	welinkRoute(router, world, 'POST', '/contact/v1/department/delete', write, ({ body }) => {
		validate(
			body,
			{ deptCode: { type: 'string' }, corpDeptCode: { type: 'string' } },
			CONTACT_CODES,
		);
		if ((body.deptCode === undefined) === (body.corpDeptCode === undefined))
			welinkFail('47004', 'exactly one of deptCode, corpDeptCode is required');
		const dept = findDept(world, body);
		if (departmentHasContent(world, dept))
			welinkFail(REFUSED, 'department has sub-departments or users');
		world.departments.delete(dept.deptCode);
		return { deptCode: dept.deptCode, corpDeptCode: dept.corpDeptCode };
	});

	welinkRoute(router, world, 'POST', '/contact/v1/user/create', write, ({ body }) => {
		validate(body, USER_CREATE, CONTACT_CODES);
		const user = createUser(world, body);
		return { userId: user.userId, corpUserId: user.corpUserId };
	});

	welinkRoute(router, world, 'POST', '/contact/v1/user/update', write, ({ body }) => {
		validate(body, USER_UPDATE, CONTACT_CODES);
		const user = findUser(world, body);
		applyUser(world, user, body);
		return { userId: user.userId, corpUserId: user.corpUserId };
	});

	welinkRoute(router, world, 'POST', '/contact/v1/user/delete', write, ({ body }) => {
		validate(
			body,
			{
				userId: { type: 'string' },
				corpUserId: { type: 'string' },
				mobileNumber: { type: 'string' },
				isDeleteUser: { type: 'int', enum: [0, 1] },
			},
			CONTACT_CODES,
		);
		const user = findUser(world, body);
		world.users.delete(user.userId);
		world.contactJobs.deletedUsers.push({
			userId: user.userId,
			corpUserId: user.corpUserId,
			isDeleteUser: Number(body.isDeleteUser ?? 0),
		});
		return { userId: user.userId, corpUserId: user.corpUserId };
	});

	welinkRoute(router, world, 'PUT', '/contact/v1/user/mobilenumber', write, ({ body }) => {
		validate(
			body,
			{
				userId: { type: 'string' },
				corpUserId: { type: 'string' },
				mobileNumber: { type: 'string', required: true },
			},
			CONTACT_CODES,
		);
		const { mobileNumber, ...ref } = body;
		const user = findUser(world, ref);
		if (!MOBILE.test(String(mobileNumber)))
			welinkFail('47004', 'mobileNumber must look like +86-15811847236');
		checkUnique(world, { userId: user.userId, mobileNumber: String(mobileNumber) });
		if (user.userStatus === 3) {
			const now = world.now();
			const recent = (world.contactJobs.mobileChanges.get(user.userId) ?? []).filter(
				(t) => now - t < 86_400_000,
			);
			if (recent.length >= 3)
				welinkFail(REFUSED, 'an activated user may change mobile number 3 times in 24 hours');
			world.contactJobs.mobileChanges.set(user.userId, [...recent, now]);
		}
		user.mobileNumber = String(mobileNumber);
		return { userId: user.userId, corpUserId: user.corpUserId };
	});

	const batch = (path: string, type: ContactJob['type'], listKey: string, schema: WeLinkSchema) =>
		welinkRoute(router, world, 'POST', path, write, ({ body }) => {
			validate(
				body,
				{ [listKey]: { type: 'object[]', required: true, min: 1, max: 100, fields: schema } },
				CONTACT_CODES,
			);
			const job: ContactJob = {
				jobId: world.contactJobs.nextId('job'),
				type,
				records: body[listKey] as Array<Record<string, unknown>>,
				polls: 0,
				percentage: 0,
				results: [],
			};
			world.contactJobs.jobs.set(job.jobId, job);
			return { jobId: job.jobId };
		});
	batch('/contact/v1/department/batch/sync', 'department', 'deptInfos', BATCH_DEPT);
	batch('/contact/v1/user/batch/sync', 'user', 'personInfos', BATCH_USER);
	welinkRoute(router, world, 'POST', '/contact/v1/users/bulk', write, ({ body }) => {
		validate(
			body,
			{ personInfo: { type: 'object[]', required: true, min: 1, max: 10, fields: USERS_BULK } },
			CONTACT_CODES,
		);
		const records = body.personInfo as Array<Record<string, unknown>>;
		// Validates now, applies later (PY ContactV1UsersBulkRequest "异步批量同步用户"; JAR UserSynchronizeResult).
		for (const record of records)
			world.contactJobs.userSyncs.push({ record, dueAt: world.now() + USER_SYNC_DELAY_MS });
		// UNCONFIRMED: no page gives an accepted record's code; "0" as on every other WeLink answer.
		return {
			data: records.map((r) => ({ corpUserId: r.corpUserId, code: '0', message: 'success' })),
		};
	});
	batch('/contact/v1/user/batch/delete', 'user-delete', 'personInfos', {
		userId: { type: 'string' },
		corpUserId: { type: 'string' },
		mobileNumber: { type: 'string' },
		isDeleteUser: { type: 'int', enum: [0, 1] },
	});

	/** A job advances by half on each poll and applies its records when it reaches 100 %. */
	welinkRoute(router, world, 'GET', '/contact/v1/batch/result', read, ({ req }) => {
		checkQuery(req.query, ['jobId'], ['jobId'], CONTACT_CODES);
		const job = world.contactJobs.jobs.get(req.query.jobId);
		if (!job) welinkFail('47004', 'job not found');
		if (job.percentage < 100) {
			job.polls++;
			job.percentage = Math.min(100, job.polls * 50);
			if (job.percentage === 100) job.results = job.records.map((r) => runRecord(world, job, r));
		}
		return {
			status: job.percentage < 100 ? 1 : 2,
			type:
				job.type === 'department'
					? 'DEPT_SYNC'
					: job.type === 'user-delete'
						? 'USER_DELETE'
						: 'USER_SYNC',
			total: job.records.length,
			percentage: job.percentage,
			data: job.percentage === 100 ? job.results : [],
		};
	});
}

/** Adds `users` users spread over `departments` new departments under 研发部 (for big sends and syncs). */
export function seedLargeWeLinkContacts(world: WeLinkWorld, departments: number, users: number) {
	for (let d = 0; d < departments; d++) {
		const deptCode = String(5000 + d);
		world.departments.set(deptCode, {
			deptCode,
			corpDeptCode: `BULK${d}`,
			deptNameCn: `批量部门${d}`,
			deptNameEn: `Bulk ${d}`,
			parentCode: '1001',
			orderNo: d + 1,
		});
	}
	for (let u = 0; u < users; u++) {
		const userId = `u${u}@${world.tenantId}`;
		const dept = String(5000 + (u % Math.max(1, departments)));
		world.users.set(userId, {
			userId,
			corpUserId: `B${String(u).padStart(5, '0')}`,
			userNameCn: `用户${u}`,
			userNameEn: `User ${u}`,
			mobileNumber: `+86-139${String(u).padStart(8, '0')}`,
			userEmail: `u${u}@welink.example.com`,
			sex: u % 2 ? 'F' : 'M',
			deptCodes: [dept],
			mainDeptCode: dept,
			userStatus: 3,
			employeeId: `B${String(u).padStart(5, '0')}`,
		});
	}
}
