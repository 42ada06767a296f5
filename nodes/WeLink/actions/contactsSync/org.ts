import type { IDataObject } from 'n8n-workflow';

import type { TargetDepartment, TargetMember, TargetOrg } from '../../../shared/orgSync/model';
import type { ApiContext } from '../../../shared/transport';
import * as api from '../contacts/api';
import { MAX_ORDER, MIN_ORDER, OWN_CODE, WELINK_ROOT } from './limits';
import { CLOSED } from './status';

/** WeLink's directory read as the sync's target org (and as Export's output). */

const GENDER_FROM_WELINK: Record<string, string> = { M: 'male', F: 'female' };

const text = (value: unknown) =>
	value === undefined || value === null || value === '' ? undefined : String(value);

/** A department's target ID: its corp code, or "#" + WeLink's code when it has none. */
export function departmentId(department: IDataObject): string {
	const corp = text(department.corpDeptCode);
	return corp && !corp.startsWith(OWN_CODE) ? corp : `${OWN_CODE}${String(department.deptCode)}`;
}

/** A user's target ID: the corp user ID, or "#" + the WeLink user ID when it has none. */
export function userId(user: IDataObject): string {
	const corp = text(user.corpUserId);
	return corp && !corp.startsWith(OWN_CODE) ? corp : `${OWN_CODE}${String(user.userId)}`;
}

export interface WeLinkOrg extends TargetOrg {
	/** The users as WeLink gave them, in the order of `members`. */
	raw: IDataObject[];
	/** Target department ID → WeLink department code. */
	deptCodes: Map<string, string>;
}

/**
 * The whole directory the app can see: every department (level 1, then each subtree) and the users
 * of each department. Level-1 departments hang under the virtual root "0".
 */
export async function readWeLinkOrg(ctx: ApiContext): Promise<WeLinkOrg> {
	const raw = await api.fetchAllDepartments(ctx);
	const idOfCode = new Map(raw.map((d) => [String(d.deptCode), departmentId(d)]));
	const deptCodes = new Map(raw.map((d) => [departmentId(d), String(d.deptCode)]));
	const refOf = (code: unknown) => {
		const c = String(code ?? '');
		if (c === '' || c === WELINK_ROOT) return WELINK_ROOT;
		return idOfCode.get(c) ?? `${OWN_CODE}${c}`;
	};
	const departments: TargetDepartment[] = [
		{ id: WELINK_ROOT, name: 'WeLink' },
		...raw.map(
			(d): TargetDepartment => ({
				id: departmentId(d),
				name: String(d.deptNameCn ?? ''),
				parentId: refOf(d.fatherCode ?? d.parentCode),
				// 1000 (outside 1–999) is WeLink's default, "no order": read as none, so it is never written back.
				...(inOrderRange(d.orderNo) ? { order: Number(d.orderNo) } : {}),
			}),
		),
	];
	const users = await api.fetchAllUsers(ctx, { departments: raw });
	return {
		rootId: WELINK_ROOT,
		departments,
		members: users.map((u) => toTargetMember(u, refOf)),
		raw: users,
		deptCodes,
	};
}

export function toTargetMember(user: IDataObject, refOf: (code: unknown) => string): TargetMember {
	const codes = Array.isArray(user.deptCodes) ? (user.deptCodes as unknown[]) : undefined;
	const corpCodes = Array.isArray(user.corpDeptCodes) ? (user.corpDeptCodes as unknown[]) : [];
	const departments = codes ? codes.map(refOf) : corpCodes.map(String);
	const main =
		text(user.mainDeptCode) !== undefined ? refOf(user.mainDeptCode) : text(user.mainCorpDeptCode);
	return {
		id: userId(user),
		name: String(user.userNameCn ?? ''),
		mobile: text(user.mobileNumber),
		email: text(user.userEmail),
		position: text(user.position),
		gender: GENDER_FROM_WELINK[String(user.sex ?? '')],
		alias: text(user.userNameEn),
		telephone: text(user.landlineNumber),
		address: text(user.businessAddress),
		employeeNo: text(user.employeeId),
		departments,
		...(main !== undefined ? { mainDepartment: main } : {}),
		enabled: Number(user.userStatus) !== CLOSED,
	};
}

const inOrderRange = (value: unknown) =>
	text(value) !== undefined &&
	Number.isInteger(Number(value)) &&
	Number(value) >= MIN_ORDER &&
	Number(value) <= MAX_ORDER;
