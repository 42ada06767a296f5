import type { IDataObject } from 'n8n-workflow';

import {
	SYNC_FIELDS,
	type TargetDepartment,
	type TargetMember,
	type UnknownField,
} from '../../../shared/orgSync/model';

/**
 * WeCom's contact answers (user/list, user/get, department/list, user/list_id) as the sync model.
 * Unknown is not empty: what the reader cannot see is marked unknown, never read as "".
 */

export const DEFAULT_EMPLOYEE_NO_ATTRIBUTE = '工号';

const GENDER_FROM_WECOM: Record<string, string> = { '1': 'male', '2': 'female' };

/** Left out for self-built apps created after 2022-06-20 and basic apps other than 通讯录同步 (path/96260). */
const SENSITIVE: UnknownField[] = ['mobile', 'email', 'gender', 'address'];

/** A member only listed by ID (user/list_id): its departments are all that is known. */
const ONLY_ID: UnknownField[] = [...SYNC_FIELDS, 'enabled', 'mainDepartment'];

interface Attribute {
	name?: unknown;
	value?: unknown;
	text?: { value?: unknown };
	web?: { url?: unknown };
}

/** The member's custom attributes (扩展属性) as WeCom lists them. */
export function attributesOf(member: IDataObject): Attribute[] {
	const attrs = (member.extattr as { attrs?: unknown } | undefined)?.attrs;
	return Array.isArray(attrs) ? (attrs as Attribute[]) : [];
}

/** A custom attribute's value, or undefined when WeCom does not list the attribute for the member. */
export function attributeValue(member: IDataObject, name: string): string | undefined {
	const found = attributesOf(member).find((a) => a?.name === name);
	if (!found) return undefined;
	return String(found.text?.value ?? found.web?.url ?? found.value ?? '');
}

/**
 * Whether the read shows the custom attribute at all. WeCom ignores attributes not defined in the
 * admin console, and it is UNCONFIRMED whether it lists a defined attribute without a value; so an
 * attribute no member shows is unknown for everyone, and once one member shows it, a member without
 * it has none.
 */
export function attributeShown(members: IDataObject[], name: string) {
	return members.some((m) => attributeValue(m, name) !== undefined);
}

const unknownSets = new Map<string, readonly UnknownField[]>();
/** One shared array per combination: 100,000 members share a handful. */
function unknownOf(fields: UnknownField[]): readonly UnknownField[] | undefined {
	if (!fields.length) return undefined;
	const key = fields.join(',');
	let shared = unknownSets.get(key);
	if (!shared) {
		shared = Object.freeze([...fields]);
		unknownSets.set(key, shared);
	}
	return shared;
}

const text = (value: unknown) =>
	value === undefined || value === null || value === '' ? undefined : String(value);

/**
 * A member as user/list or user/get gives it. WeCom requires a mobile or an email of every member
 * (60129), so one showing neither was read by an app that cannot see them (path/96260).
 */
export function toTargetMember(
	member: IDataObject,
	employeeNoAttribute: string,
	employeeNoShown: boolean,
): TargetMember {
	const unknown: UnknownField[] = [];
	const seesSensitive = text(member.mobile) !== undefined || text(member.email) !== undefined;
	if (!seesSensitive) unknown.push(...SENSITIVE);
	if (!employeeNoShown) unknown.push('employeeNo');
	if (member.main_department === undefined) unknown.push('mainDepartment');
	const result: TargetMember = {
		id: String(member.userid),
		name: String(member.name ?? ''),
		position: text(member.position),
		alias: text(member.alias),
		telephone: text(member.telephone),
		departments: ((member.department as number[] | undefined) ?? []).map(String),
		// status 2 = disabled; enable 0 = disabled (user/list gives both).
		enabled: Number(member.status) !== 2 && member.enable !== 0,
	};
	if (seesSensitive) {
		result.mobile = text(member.mobile);
		result.email = text(member.email);
		result.gender = GENDER_FROM_WECOM[String(member.gender ?? '')];
		result.address = text(member.address);
	}
	if (employeeNoShown) result.employeeNo = text(attributeValue(member, employeeNoAttribute));
	if (member.main_department !== undefined) result.mainDepartment = String(member.main_department);
	const shared = unknownOf(unknown);
	if (shared) result.unknown = shared;
	return result;
}

/** A member known only from user/list_id (outside what the reader may see). */
export function idOnlyMember(userid: string, departments: number[]): TargetMember {
	return {
		id: userid,
		name: '',
		departments: departments.map(String),
		enabled: true,
		unknown: unknownOf(ONLY_ID),
	};
}

export interface WeComDepartmentRow {
	id: number;
	parentid: number;
	order?: number;
	name?: string;
}

/** department/list or department/simplelist rows (names where known) under a root. */
export function toTargetDepartments(
	rows: WeComDepartmentRow[],
	rootId: number,
): TargetDepartment[] {
	return rows.map((d) => ({
		id: String(d.id),
		name: d.name ?? '',
		...(d.id === rootId ? {} : { parentId: String(d.parentid) }),
		...(d.order !== undefined ? { order: Number(d.order) } : {}),
	}));
}

/** The root of what a list shows: 1, or for an app that cannot see it, its highest department. */
export function rootOf(rows: WeComDepartmentRow[]): number {
	const ids = new Set(rows.map((d) => d.id));
	return ids.has(1) ? 1 : (rows.find((d) => !ids.has(d.parentid))?.id ?? 1);
}
