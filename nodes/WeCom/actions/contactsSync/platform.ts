import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SyncAdapter } from '../../../shared/orgSync/execute';
import type { SyncPlatform } from '../../../shared/orgSync/run';
import { asNodeError } from '../../../shared/router';
import { WECOM_CREDENTIAL } from '../../transport';
import { weComErrcode } from '../../transport/errors';
import * as api from '../contacts/api';
import { WECOM_LIMITS } from './limits';
import { lookUpMembers } from './lookup';
import { directoryOrg, readDirectory, readWithReaderApp, type ReadWith } from './read';
import { attributesOf } from './target';

const GENDER_TO_WECOM: Record<string, string> = { male: '1', female: '2' };

/**
 * The custom attributes a member keeps when the employee number changes: the whole list goes back,
 * since it is UNCONFIRMED whether user/update keeps attributes it is not given.
 */
function withAttribute(current: IDataObject[], name: string, value: string) {
	const others = current.filter((a) => a.name !== name);
	return { attrs: [...others, { type: 0, name, text: { value } }] };
}

/** Neutral member fields (planner) → user/create|update fields. */
function memberBody(
	after: Record<string, unknown>,
	attribute: string,
	currentAttributes: IDataObject[] = [],
): IDataObject {
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
		body.extattr = withAttribute(currentAttributes, attribute, String(after.employeeNo));
	if (Array.isArray(after.departments)) body.department = after.departments.map(Number);
	if (after.mainDepartment !== undefined) body.main_department = Number(after.mainDepartment);
	if (after.enabled !== undefined) body.enable = after.enabled ? 1 : 0;
	return body;
}

function departmentBody(after: Record<string, unknown>): IDataObject {
	const body: IDataObject = {};
	if (after.id !== undefined) body.id = Number(after.id);
	if (after.name !== undefined) body.name = String(after.name);
	if (after.parentId !== undefined) body.parentid = Number(after.parentId);
	if (after.order !== undefined) body.order = Number(after.order);
	return body;
}

/** 60008: the department ID (or the name under that parent) exists already. */
const DEPARTMENT_EXISTS = 60008;

export function weComSyncAdapter(
	ctx: IExecuteFunctions,
	attribute: string,
	attributesOfMember: (userid: string) => IDataObject[] = () => [],
): SyncAdapter {
	return {
		async createDepartment(after) {
			const body = departmentBody(after);
			try {
				return String(await api.createDepartment(ctx, body));
			} catch (error) {
				// The derived ID may be taken outside what the sync sees: WeCom picks one then.
				if (body.id === undefined || weComErrcode(error) !== DEPARTMENT_EXISTS)
					throw asNodeError(ctx, error);
				const { id, ...rest } = body;
				void id;
				return String(await api.createDepartment(ctx, rest));
			}
		},
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
			await api.updateMember(ctx, {
				userid: id,
				...memberBody(after, attribute, attributesOfMember(id)),
			}),
		disableMember: async (id, after) =>
			await api.updateMember(ctx, {
				userid: id,
				...memberBody(after, attribute, attributesOfMember(id)),
			}),
		// A member already gone is what a delete wants: only real failures are reported.
		deleteMembers: async (ids) => (await api.deleteMembers(ctx, ids)).failures,
	};
}

export interface WeComSyncSettings {
	employeeNoAttribute: string;
	readWith: ReadWith;
	/** Most user/getuserid (or by-email) lookups one run makes. */
	lookupLimit: number;
}

export async function weComSyncPlatform(
	ctx: IExecuteFunctions,
	settings: WeComSyncSettings,
): Promise<SyncPlatform> {
	const credentials = await ctx.getCredentials(WECOM_CREDENTIAL);
	const raw = new Map<string, IDataObject>();
	const memberIds = new Set<string>();
	return {
		name: 'WeCom',
		limits: WECOM_LIMITS,
		tenant: `wecom:${String(credentials.corpId)}`,
		async fetchTarget(options) {
			const read =
				settings.readWith === 'readerApp'
					? await readWithReaderApp(ctx, options?.topDepartmentId, settings.employeeNoAttribute)
					: await (async () => {
							const directory = await readDirectory(ctx, 'main');
							return {
								org: directoryOrg(directory, settings.employeeNoAttribute),
								members: directory.members,
							};
						})();
			for (const [id, member] of read.members) raw.set(id, member);
			for (const member of read.org.members) memberIds.add(member.id);
			return read.org;
		},
		lookupMembers: async (field, values, cache) =>
			await lookUpMembers(ctx, field, values, cache, {
				limit: settings.lookupLimit,
				exists: (id) => memberIds.has(id),
				who: settings.readWith === 'readerApp' ? 'reader' : 'main',
			}),
		adapter: weComSyncAdapter(ctx, settings.employeeNoAttribute, (id) => {
			const member = raw.get(id);
			return member ? (attributesOf(member) as IDataObject[]) : [];
		}),
	};
}
