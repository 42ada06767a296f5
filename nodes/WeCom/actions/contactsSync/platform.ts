import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/batching';
import type { SyncAdapter } from '../../../shared/orgSync/execute';
import type { TargetDepartment, TargetMember, TargetOrg } from '../../../shared/orgSync/model';
import type { SyncPlatform } from '../../../shared/orgSync/node';
import { WECOM_CREDENTIAL } from '../../transport';
import * as api from '../contacts/api';
import { WECOM_LIMITS } from './limits';

/** Reading members costs one user/list call per department; four at a time stays under WeCom's limits. */
const READ_CONCURRENCY = 4;

export const DEFAULT_EMPLOYEE_NO_ATTRIBUTE = '工号';

const GENDER_TO_WECOM: Record<string, string> = { male: '1', female: '2' };
const GENDER_FROM_WECOM: Record<string, string> = { '1': 'male', '2': 'female' };

/** The employee number is a custom attribute (扩展属性) in WeCom, named in the admin console. */
function employeeNo(member: IDataObject, attribute: string): string | undefined {
	const attrs =
		((member.extattr as IDataObject | undefined)?.attrs as IDataObject[] | undefined) ?? [];
	const found = attrs.find((a) => a.name === attribute);
	const value = (found?.text as IDataObject | undefined)?.value ?? found?.value;
	return value === undefined || value === '' ? undefined : String(value);
}

export function toTargetMember(member: IDataObject, attribute: string): TargetMember {
	const text = (key: string) =>
		member[key] === undefined || member[key] === '' ? undefined : String(member[key]);
	return {
		id: String(member.userid),
		name: String(member.name ?? ''),
		mobile: text('mobile'),
		email: text('email'),
		position: text('position'),
		gender: GENDER_FROM_WECOM[String(member.gender ?? '')],
		alias: text('alias'),
		telephone: text('telephone'),
		address: text('address'),
		employeeNo: employeeNo(member, attribute),
		departments: ((member.department as number[] | undefined) ?? []).map(String),
		mainDepartment:
			member.main_department === undefined ? undefined : String(member.main_department),
		// status 2 = disabled; enable 0 = disabled (user/list gives both).
		enabled: Number(member.status) !== 2 && member.enable !== 0,
	};
}

/** The whole directory the secret can see: departments (department/list) and their members (user/list). */
export async function readWeComOrg(
	ctx: IExecuteFunctions,
	attribute: string,
): Promise<TargetOrg & { raw: IDataObject[] }> {
	const departments = await api.listDepartments(ctx);
	const ids = new Set(departments.map((d) => d.id));
	// The root is 1; an app that cannot see it gets its highest visible department instead.
	const root = ids.has(1) ? 1 : (departments.find((d) => !ids.has(d.parentid))?.id ?? 1);
	const pages = await mapWithConcurrency(
		departments,
		READ_CONCURRENCY,
		async (d) => await api.listMembers(ctx, d.id, { recursive: false, detailed: true }),
	);
	const seen = new Set<string>();
	const raw: IDataObject[] = [];
	for (const member of pages.flat()) {
		if (seen.has(String(member.userid))) continue;
		seen.add(String(member.userid));
		raw.push(member);
	}
	return {
		rootId: String(root),
		departments: departments.map(
			(d): TargetDepartment => ({
				id: String(d.id),
				name: d.name,
				...(d.id === root ? {} : { parentId: String(d.parentid) }),
				...(d.order !== undefined ? { order: Number(d.order) } : {}),
			}),
		),
		members: raw.map((m) => toTargetMember(m, attribute)),
		raw,
	};
}

/** Neutral member fields (planner) → user/create|update fields. */
function memberBody(after: Record<string, unknown>, attribute: string): IDataObject {
	const body: IDataObject = {};
	for (const key of [
		'name',
		'mobile',
		'email',
		'position',
		'alias',
		'telephone',
		'address',
	] as const)
		if (after[key] !== undefined) body[key] = String(after[key]);
	if (after.gender !== undefined && GENDER_TO_WECOM[String(after.gender)])
		body.gender = GENDER_TO_WECOM[String(after.gender)];
	if (after.employeeNo !== undefined)
		body.extattr = {
			attrs: [{ type: 0, name: attribute, text: { value: String(after.employeeNo) } }],
		};
	if (Array.isArray(after.departments)) body.department = after.departments.map(Number);
	if (after.mainDepartment !== undefined) body.main_department = Number(after.mainDepartment);
	if (after.enabled !== undefined) body.enable = after.enabled ? 1 : 0;
	return body;
}

function departmentBody(after: Record<string, unknown>): IDataObject {
	const body: IDataObject = {};
	if (after.name !== undefined) body.name = String(after.name);
	if (after.parentId !== undefined) body.parentid = Number(after.parentId);
	if (after.order !== undefined) body.order = Number(after.order);
	return body;
}

export function weComSyncAdapter(ctx: IExecuteFunctions, attribute: string): SyncAdapter {
	return {
		createDepartment: async (after) =>
			String(await api.createDepartment(ctx, departmentBody(after))),
		updateDepartment: async (id, after) =>
			await api.updateDepartment(ctx, { id: Number(id), ...departmentBody(after) }),
		deleteDepartment: async (id) => await api.deleteDepartment(ctx, Number(id)),
		createMember: async (after) =>
			await api.createMember(ctx, {
				userid: String(after.id),
				...memberBody(after, attribute),
				to_invite: after.invite === true,
			}),
		updateMember: async (id, after) =>
			await api.updateMember(ctx, { userid: id, ...memberBody(after, attribute) }),
		disableMember: async (id, after) =>
			await api.updateMember(ctx, { userid: id, ...memberBody(after, attribute) }),
		deleteMembers: async (ids) => await api.deleteMembers(ctx, ids),
	};
}

export async function weComSyncPlatform(
	ctx: IExecuteFunctions,
	attribute: string,
): Promise<SyncPlatform> {
	const credentials = await ctx.getCredentials(WECOM_CREDENTIAL);
	return {
		name: 'WeCom',
		limits: WECOM_LIMITS,
		tenant: `wecom:${String(credentials.corpId)}`,
		fetchTarget: async () => await readWeComOrg(ctx, attribute),
		adapter: weComSyncAdapter(ctx, attribute),
	};
}
