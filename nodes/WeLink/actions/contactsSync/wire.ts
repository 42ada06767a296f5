import type { IDataObject } from 'n8n-workflow';

import { MOBILE, type DepartmentRef, type UserRef } from '../common/read';
import { MAX_ORDER, MIN_ORDER, OWN_CODE, WELINK_ROOT } from './limits';

/** How the sync's target IDs and member fields are written in WeLink's requests. */

export const GENDER_TO_WELINK: Record<string, string> = { male: 'M', female: 'F' };

/**
 * A mobile number as WeLink writes it, +country-number (e.g. +86-13800000001). Chinese numbers
 * come in any common shape (13800000001, +86 138 0000 0001, +8613800000001); others need the
 * country code separated by a space or dash.
 */
export function toWeLinkMobile(mobile: unknown): string {
	const raw = String(mobile ?? '').trim();
	if (MOBILE.test(raw)) return raw;
	const compact = raw.replace(/[\s()-]/g, '');
	const china = /^(?:\+?86)?(1\d{10})$/.exec(compact);
	if (china) return `+86-${china[1]}`;
	const international = /^\+(\d{1,4})[\s-]+(\d[\d\s-]{3,})$/.exec(raw);
	if (international) {
		const candidate = `+${international[1]}-${international[2].replace(/[\s-]/g, '')}`;
		if (MOBILE.test(candidate)) return candidate;
	}
	throw new Error(
		`"${raw}" is not a mobile number WeLink accepts: write it as +country code-number, e.g. +86-13800000001`,
	);
}

export function notRoot(id: string, what: string) {
	// The planner's root is virtual: WeLink has no department "0" to write.
	if (id === WELINK_ROOT)
		throw new Error(`${what}: "0" is WeLink's root, not a department that can be written`);
}

export function departmentRef(id: string): DepartmentRef {
	notRoot(id, 'Department');
	return id.startsWith(OWN_CODE) ? { deptCode: id.slice(1) } : { corpDeptCode: id };
}

export function userRef(id: string): UserRef {
	return id.startsWith(OWN_CODE) ? { userId: id.slice(1) } : { corpUserId: id };
}

/** The parent of a department as WeLink takes it: level 1 has corpParentCode "0". */
export function parentFields(parentId: unknown): IDataObject {
	const id = String(parentId);
	if (id === WELINK_ROOT) return { corpParentCode: WELINK_ROOT };
	return id.startsWith(OWN_CODE) ? { parentCode: id.slice(1) } : { corpParentCode: id };
}

/**
 * Clipped to WeLink's orderNo range 1–999 (the planner compares the clipped value too), and sent as
 * a string, as both official SDKs send it (PY depts.py; JAR batch DeptInfos.orderNo: String).
 */
export function orderNo(order: unknown): string {
	return String(Math.min(MAX_ORDER, Math.max(MIN_ORDER, Math.round(Number(order)))));
}
