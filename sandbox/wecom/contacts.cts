import { fail } from './errors.cjs';

/** WeCom contacts as the sandbox keeps them: departments (id 1 = root) and members. */
export interface Department {
	id: number;
	name: string;
	name_en?: string;
	parentid: number;
	order: number;
	department_leader: string[];
}

export interface Member {
	userid: string;
	name: string;
	alias?: string;
	mobile?: string;
	email?: string;
	biz_mail?: string;
	department: number[];
	order?: number[];
	is_leader_in_dept?: number[];
	direct_leader?: string[];
	main_department?: number;
	position?: string;
	gender?: string;
	telephone?: string;
	address?: string;
	enable?: number;
	/** 1 active, 2 disabled, 4 not activated, 5 left. */
	status: number;
	extattr?: unknown;
	external_position?: string;
	external_profile?: unknown;
	to_invite?: boolean;
	open_userid?: string;
}

/** One custom attribute (扩展属性) of a member: text (type 0) or web (type 1). */
export interface ExtAttr {
	type?: number;
	name: string;
	value?: string;
	text?: { value?: string };
	web?: { url?: string; title?: string };
}

export function attributeValue(attr: ExtAttr): string {
	return String(attr.text?.value ?? attr.web?.url ?? attr.value ?? '');
}

/**
 * The attributes a write leaves on a member: only those defined in the admin console count
 * (reference §4.2: an undefined attribute is ignored). UNCONFIRMED whether an update keeps attributes
 * it does not list: the sandbox takes the stricter reading and replaces the whole list.
 */
export function definedAttributes(extattr: unknown, defined: ReadonlySet<string>) {
	const attrs = ((extattr as { attrs?: ExtAttr[] } | undefined)?.attrs ?? []).filter((a) =>
		defined.has(String(a?.name)),
	);
	return { attrs };
}

const MAX_DEPTH = 15;

export const USERID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_\-@.]{0,63}$/;

const ILLEGAL_DEPT_CHARS = /[\\:*?"<>|]/;

export class ContactsStore {
	readonly departments = new Map<number, Department>();

	readonly members = new Map<string, Member>();

	/** The member who created the corp (创建者), whom no API may delete (301005, reference §4.2). */
	creator?: string;

	private nextDeptId = 1000;

	constructor() {
		this.departments.set(1, {
			id: 1,
			name: 'Sandbox Corp',
			parentid: 0,
			order: 100000000,
			department_leader: [],
		});
	}

	depth(id: number): number {
		let depth = 0;
		let current = this.departments.get(id);
		while (current && current.id !== 1) {
			depth++;
			current = this.departments.get(current.parentid);
		}
		return depth + 1;
	}

	/** Whether `id` is `ancestor` or below it. */
	isWithin(id: number, ancestor: number): boolean {
		let current = this.departments.get(id);
		while (current) {
			if (current.id === ancestor) return true;
			if (current.id === 1) return false;
			current = this.departments.get(current.parentid);
		}
		return false;
	}

	children(id: number) {
		return [...this.departments.values()].filter((d) => d.parentid === id && d.id !== id);
	}

	/** A department and everything below it, parents first (one pass over the departments). */
	subtree(id: number): Department[] {
		const root = this.departments.get(id);
		if (!root) return [];
		const byParent = new Map<number, Department[]>();
		for (const d of this.departments.values()) {
			if (d.id === d.parentid) continue;
			const list = byParent.get(d.parentid) ?? [];
			list.push(d);
			byParent.set(d.parentid, list);
		}
		const out: Department[] = [root];
		for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i].id) ?? []));
		return out;
	}

	membersOf(departmentId: number) {
		const out: Member[] = [];
		for (const m of this.members.values()) if (m.department.includes(departmentId)) out.push(m);
		return out;
	}

	createDepartment(input: {
		name: string;
		name_en?: string;
		parentid: number;
		order?: number;
		id?: number;
	}) {
		const parent = this.departments.get(input.parentid);
		if (!parent) fail(60004, 'parent department not found');
		this.checkDepartmentName(input.name, input.parentid);
		if (this.depth(parent.id) + 1 > MAX_DEPTH) fail(81002, 'department depth exceeds 15');
		let id = input.id;
		if (id !== undefined) {
			if (id <= 1) fail(60123, 'invalid department id');
			if (this.departments.has(id)) fail(60008, 'department id already exists');
		} else {
			while (this.departments.has(this.nextDeptId)) this.nextDeptId++;
			id = this.nextDeptId++;
		}
		const dept: Department = {
			id,
			name: input.name,
			name_en: input.name_en,
			parentid: input.parentid,
			order: input.order ?? 0,
			department_leader: [],
		};
		this.departments.set(id, dept);
		return dept;
	}

	checkDepartmentName(name: string, parentid: number, self?: number) {
		if ([...name].length < 1 || [...name].length > 64)
			fail(60001, 'department name length invalid');
		if (ILLEGAL_DEPT_CHARS.test(name)) fail(60009, 'department name contains illegal characters');
		const clash = this.children(parentid).find((d) => d.name === name && d.id !== self);
		if (clash) fail(60008, 'department name already exists under this parent');
	}

	addMember(member: Member) {
		if (!USERID_PATTERN.test(member.userid)) fail(40003, 'invalid userid');
		const lower = member.userid.toLowerCase();
		for (const existing of this.members.values()) {
			if (existing.userid.toLowerCase() === lower) fail(60102, 'userid existed');
			if (member.mobile && existing.mobile === member.mobile) fail(60104, 'mobile existed');
			if (member.email && existing.email === member.email) fail(60106, 'email existed');
		}
		for (const d of member.department)
			if (!this.departments.has(d)) fail(60003, `department ${d} not found`);
		this.members.set(member.userid, member);
		return member;
	}
}

/** The small org the demo and most tests start from. Deterministic. */
export function seedDemoContacts(store: ContactsStore) {
	const depts: Array<[number, string, number, string]> = [
		[2, '研发中心', 1, 'R&D'],
		[3, '销售部', 1, 'Sales'],
		[4, '后端组', 2, 'Backend'],
		[5, '前端组', 2, 'Frontend'],
		[6, '人力资源部', 1, 'HR'],
	];
	for (const [id, name, parentid, nameEn] of depts) {
		store.createDepartment({ id, name, parentid, name_en: nameEn, order: 1000 - id });
	}
	const people: Array<[string, string, number[], string]> = [
		['zhangsan', '张三', [2, 4], '技术总监'],
		['lisi', '李四', [3], '销售经理'],
		['wangwu', '王五', [4], '后端工程师'],
		['zhaoliu', '赵六', [5], '前端工程师'],
		['qianqi', '钱七', [3], '销售代表'],
		['sunba', '孙八', [6], 'HRBP'],
	];
	people.forEach(([userid, name, department, position], i) => {
		store.addMember({
			userid,
			name,
			department,
			main_department: department[0],
			position,
			mobile: `+86 1380000000${i + 1}`,
			email: `${userid}@sandbox.example.com`,
			status: 1,
			enable: 1,
			gender: String((i % 2) + 1),
		});
	});
}

/**
 * A large, deterministic org for benchmarks: `departments` departments in a balanced tree and
 * `members` members spread over them.
 */
export function seedLargeContacts(store: ContactsStore, departments: number, members: number) {
	const ids: number[] = [1];
	for (let i = 0; i < departments; i++) {
		const parent = ids[Math.floor(i / 8)];
		const dept = store.createDepartment({
			id: 10_000 + i,
			name: `Dept ${i}`,
			parentid: parent,
			order: i,
		});
		ids.push(dept.id);
	}
	for (let i = 0; i < members; i++) {
		const dept = ids[1 + (i % departments)] ?? 1;
		store.members.set(`u${i}`, {
			userid: `u${i}`,
			name: `User ${i}`,
			department: [dept],
			main_department: dept,
			mobile: `+86 139${String(i).padStart(8, '0')}`,
			email: `u${i}@bench.example.com`,
			status: 1,
			enable: 1,
		});
	}
}
