import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../shared/batching';
import type { SyncAdapter } from '../../../shared/orgSync/execute';
import type { TargetMember } from '../../../shared/orgSync/model';
import type { SyncPlatform } from '../../../shared/orgSync/run';
import { WELINK_CREDENTIAL } from '../../transport';
import * as api from '../contacts/api';
import * as jobs from '../contacts/jobs';
import { OWN_CODE, WELINK_LIMITS, deriveDepartmentCode } from './limits';
import { readWeLinkOrg, type WeLinkOrg } from './org';
import { changeStatus, type StatusChange } from './status';
import {
	GENDER_TO_WELINK,
	departmentRef,
	notRoot,
	orderNo,
	parentFields,
	toWeLinkMobile,
	userRef,
} from './wire';

/** The WeLink side of Sync to WeLink: the adapter that applies a plan, and the platform for runSync. */

export interface WeLinkSyncOptions {
	/** Sex sent for a new user whose source has no gender (and to close or reopen one WeLink has none for). */
	defaultSex?: 'M' | 'F';
	/** isDeleteUser on deletes (see api.deleteUser). */
	deleteAccounts: boolean;
	/** How long to wait for WeLink's asynchronous writes (batch jobs, closes and reopens). */
	maxWaitMs: number;
}

/**
 * What the adapter learns while it runs: codes in use, WeLink codes of the departments, and the
 * users as read (a close or reopen sends a user back whole).
 */
class Directory {
	readonly takenCodes = new Set<string>();

	readonly deptCodes = new Map<string, string>();

	readonly users = new Map<string, { raw: IDataObject; member: TargetMember }>();

	load(org: WeLinkOrg) {
		for (const d of org.departments) if (!d.id.startsWith(OWN_CODE)) this.takenCodes.add(d.id);
		for (const [id, code] of org.deptCodes) this.deptCodes.set(id, code);
		org.members.forEach((member, n) => this.users.set(member.id, { raw: org.raw[n], member }));
	}
}

export function weLinkSyncAdapter(
	ctx: IExecuteFunctions,
	options: WeLinkSyncOptions,
	directory = new Directory(),
): SyncAdapter {
	/** WeLink's own code of a department, asked once for departments created in this run. */
	const deptCodeOf = async (id: string) => {
		const known = directory.deptCodes.get(id);
		if (known) return known;
		const detail = await api.getDepartment(ctx, { corpDeptCode: id });
		const code = String(detail.deptCode ?? '');
		if (!code) throw new Error(`WeLink did not return the code of department ${id}`);
		directory.deptCodes.set(id, code);
		return code;
	};

	/**
	 * A user's departments by corp codes when every one has a corp code, else all by WeLink codes
	 * (a department made in the admin console may have no corp code; the two lists cannot be mixed).
	 */
	const departmentFields = async (after: Record<string, unknown>): Promise<IDataObject> => {
		const departments = Array.isArray(after.departments)
			? (after.departments as unknown[]).map(String)
			: undefined;
		const main = after.mainDepartment === undefined ? undefined : String(after.mainDepartment);
		const all = [...(departments ?? []), ...(main !== undefined ? [main] : [])];
		for (const id of all) notRoot(id, 'A user’s department');
		const body: IDataObject = {};
		if (all.every((id) => !id.startsWith(OWN_CODE))) {
			if (departments) body.corpDeptCodes = departments;
			if (main !== undefined) body.mainCorpDeptCode = main;
			return body;
		}
		const code = async (id: string) =>
			id.startsWith(OWN_CODE) ? id.slice(1) : await deptCodeOf(id);
		if (departments) {
			const codes: string[] = [];
			for (const id of departments) codes.push(await code(id));
			body.deptCodes = codes;
		}
		if (main !== undefined) body.mainDeptCode = await code(main);
		return body;
	};

	/** Neutral member fields (planner) → WeLink user fields; the mobile number is handled apart. */
	const memberFields = async (after: Record<string, unknown>): Promise<IDataObject> => {
		const body: IDataObject = {};
		const map: Array<[string, string]> = [
			['name', 'userNameCn'],
			['alias', 'userNameEn'],
			['email', 'userEmail'],
			['position', 'position'],
			['telephone', 'landlineNumber'],
			['address', 'businessAddress'],
			['employeeNo', 'employeeId'],
		];
		for (const [from, to] of map) if (after[from] !== undefined) body[to] = String(after[from]);
		const sex = GENDER_TO_WELINK[String(after.gender ?? '')];
		if (sex) body.sex = sex;
		return { ...body, ...(await departmentFields(after)) };
	};

	/** One department through a batch sync job (the only department write that takes orderNo). */
	const syncOne = async (kind: jobs.BatchKind, record: IDataObject) => {
		const { results } = await jobs.runBatchSync(ctx, kind, [record], {
			maxWaitMs: options.maxWaitMs,
		});
		const result = results[0];
		if (result?.success === false)
			throw new Error(
				`WeLink refused it (${result.code ?? 'no code'}): ${result.message ?? 'no message'}`,
			);
		return result;
	};

	/**
	 * The departments a user has as read, to put back after users/bulk, which names one department
	 * (UNCONFIRMED whether it drops the others: put back when there are others, else nothing to do).
	 */
	const departmentsOf = (id: string): Record<string, unknown> => {
		const member = directory.users.get(id)?.member;
		return member && member.departments.length > 1
			? {
					departments: member.departments,
					...(member.mainDepartment !== undefined ? { mainDepartment: member.mainDepartment } : {}),
				}
			: {};
	};

	/** Closes (open false) or reopens users; the department named is the one they end up in. */
	const setStatus = async (
		members: Array<{ id: string; after: Record<string, unknown> }>,
		open: boolean,
	) => {
		const changes: StatusChange[] = [];
		const failures = new Map<string, string>();
		for (const { id, after } of members) {
			const known = directory.users.get(id);
			const department = String(
				after.mainDepartment ?? known?.member.mainDepartment ?? known?.member.departments[0] ?? '',
			);
			if (!known || !department) failures.set(id, `user ${id} was not in what the sync read`);
			else changes.push({ id, open, user: known.raw, department });
		}
		const refused = await changeStatus(ctx, changes, {
			maxWaitMs: options.maxWaitMs,
			defaultSex: options.defaultSex,
		});
		for (const [id, reason] of refused) failures.set(id, reason);
		return failures;
	};

	return {
		async createDepartment(after, sourceKey) {
			const name = String(after.name);
			const parent = String(after.parentId);
			const code = deriveDepartmentCode(sourceKey, parent, name, (c) =>
				directory.takenCodes.has(c),
			);
			const body: IDataObject = { corpDeptCode: code, ...parentFields(parent), deptNameCn: name };
			if (after.order === undefined) {
				const created = await api.createDepartment(ctx, body);
				if (created.deptCode !== undefined) directory.deptCodes.set(code, String(created.deptCode));
			} else {
				// The real-time create takes no orderNo; the batch sync does (upsert by corpDeptCode).
				const result = await syncOne('department', {
					...body,
					orderNo: orderNo(after.order),
					valid: '1',
				});
				const reported = (result?.result as IDataObject | undefined)?.deptCode;
				if (reported !== undefined) directory.deptCodes.set(code, String(reported));
				// UNCONFIRMED: whether a job reports every record; an unreported create is checked by reading it.
				else await deptCodeOf(code);
			}
			directory.takenCodes.add(code);
			return code;
		},
		async updateDepartment(id, after) {
			const body: IDataObject = { ...departmentRef(id) };
			if (after.name !== undefined) body.deptNameCn = String(after.name);
			if (after.parentId !== undefined) Object.assign(body, parentFields(after.parentId));
			if (after.order === undefined) await api.updateDepartment(ctx, body);
			else await syncOne('department', { ...body, orderNo: orderNo(after.order), valid: '1' });
		},
		async deleteDepartment(id) {
			await api.deleteDepartment(ctx, departmentRef(id));
		},
		async createMember(after) {
			if (after.mobile === undefined || after.mobile === '')
				throw new Error(
					'WeLink needs a mobile number to create a user: map Mobile for this member',
				);
			const body: IDataObject = {
				corpUserId: String(after.id),
				mobileNumber: toWeLinkMobile(after.mobile),
				...(await memberFields(after)),
				isNotify: after.invite === true ? 1 : 0,
			};
			if (body.sex === undefined && options.defaultSex) body.sex = options.defaultSex;
			await api.createUser(ctx, body);
		},
		async updateMember(id, after) {
			const { mobile, enabled, ...rest } = after;
			// Reopened first: users/bulk names one department, which the update below then corrects.
			if (enabled !== undefined) {
				const failure = (await setStatus([{ id, after: rest }], enabled === true)).get(id);
				if (failure) throw new Error(failure);
			}
			const ref = userRef(id);
			if (mobile !== undefined) await api.changeUserMobile(ctx, ref, toWeLinkMobile(mobile));
			const fields = await memberFields(
				enabled === undefined ? rest : { ...departmentsOf(id), ...rest },
			);
			if (Object.keys(fields).length) await api.updateUser(ctx, { ...ref, ...fields });
		},
		async disableMembers(members) {
			const failures = await setStatus(members, false);
			// Then the move to the disabled members' department, or the departments users/bulk changed.
			await mapWithConcurrency(
				members.filter((m) => !failures.has(m.id)),
				api.CONTACT_CONCURRENCY,
				async ({ id, after }) => {
					try {
						const rest = { ...after };
						delete rest.enabled;
						const fields = await memberFields({ ...departmentsOf(id), ...rest });
						if (Object.keys(fields).length)
							await api.updateUser(ctx, { ...userRef(id), ...fields });
					} catch (error) {
						failures.set(id, `closed, but ${(error as Error).message}`);
					}
				},
			);
			return failures;
		},
		async deleteMembers(ids) {
			const failures = new Map<string, string>();
			const refs = ids.map(userRef);
			// No source gives the code of "user not found" on a delete, so every refusal is reported:
			// a user an earlier, lost answer did delete is simply not planned again on the next run.
			try {
				const { results } = await jobs.runBatchDeleteUsers(ctx, refs, options.deleteAccounts);
				results.forEach((result, n) => {
					if (result.success === false)
						failures.set(
							ids[n],
							`WeLink refused it (${result.code ?? 'no code'}): ${result.message ?? 'no message'}`,
						);
				});
			} catch {
				// The batch call failed as a whole: delete one by one, so each user gets its own result.
				for (const [n, id] of ids.entries()) {
					try {
						await api.deleteUser(ctx, refs[n], options.deleteAccounts);
					} catch (error) {
						failures.set(id, (error as Error).message);
					}
				}
			}
			return failures;
		},
	};
}

export async function weLinkSyncPlatform(
	ctx: IExecuteFunctions,
	options: WeLinkSyncOptions,
): Promise<SyncPlatform> {
	const credentials = await ctx.getCredentials(WELINK_CREDENTIAL);
	const directory = new Directory();
	return {
		name: 'WeLink',
		limits: WELINK_LIMITS,
		tenant: `welink:${String(credentials.clientId)}`,
		fetchTarget: async () => {
			const org = await readWeLinkOrg(ctx);
			directory.load(org);
			return org;
		},
		adapter: weLinkSyncAdapter(ctx, options, directory),
	};
}
