import { mapWithConcurrency } from '../batching';
import { NEW, type Bindings, type Plan, type PlanAction } from './model';

/** What a platform does for each kind of action. Department creation returns the new ID. */
export interface SyncAdapter {
	/** `sourceKey` is the source department's key (absent for the disabled members' department). */
	createDepartment(after: Record<string, unknown>, sourceKey?: string): Promise<string>;
	updateDepartment(id: string, after: Record<string, unknown>): Promise<void>;
	deleteDepartment(id: string): Promise<void>;
	createMember(after: Record<string, unknown>): Promise<void>;
	updateMember(id: string, after: Record<string, unknown>): Promise<void>;
	/** Disables one member; a platform whose close is a batch call gives disableMembers instead. */
	disableMember?(id: string, after: Record<string, unknown>): Promise<void>;
	/** Disables several members; returns the IDs that failed with their reasons. */
	disableMembers?(
		members: Array<{ id: string; after: Record<string, unknown> }>,
	): Promise<Map<string, string>>;
	/** Deletes several members; returns the IDs that failed with their reasons. */
	deleteMembers(ids: string[]): Promise<Map<string, string>>;
}

export interface ActionResult extends PlanAction {
	status: 'planned' | 'applied' | 'failed' | 'skipped';
	error?: string;
}

/**
 * Applies a plan in a safe order: departments are created parents first (one at a time, as the
 * platforms require), then updated, then members are created, updated and disabled with bounded
 * concurrency (disabled in one adapter call where the platform closes users in batches), then
 * deleted, then departments are removed children first. A failed department fails
 * what depends on it; everything else goes on, so a re-run converges.
 */
export async function executePlan(
	plan: Plan,
	adapter: SyncAdapter,
	options: { concurrency?: number } = {},
): Promise<{ results: ActionResult[]; bindings: Bindings }> {
	const concurrency = options.concurrency ?? 4;
	const created = new Map<string, string>();
	const failedPlaceholders = new Set<string>();
	const bindings: Bindings = {
		departments: { ...plan.bindings.departments },
		members: { ...plan.bindings.members },
		disabledAt: { ...plan.bindings.disabledAt },
	};
	const results: ActionResult[] = plan.actions.map((a) => ({
		...a,
		status: a.action.startsWith('skip') ? 'skipped' : 'planned',
	}));

	const resolve = (id: unknown): string => {
		const text = String(id);
		if (!text.startsWith(NEW)) return text;
		const real = created.get(text);
		if (!real)
			throw new Error(
				failedPlaceholders.has(text)
					? 'its department could not be created'
					: `unknown department ${text}`,
			);
		return real;
	};
	const resolveAll = (after: Record<string, unknown> | undefined) => {
		if (!after) return {};
		const out = { ...after };
		if (after.parentId !== undefined) out.parentId = resolve(after.parentId);
		if (Array.isArray(after.departments))
			out.departments = (after.departments as string[]).map(resolve);
		if (after.mainDepartment !== undefined) out.mainDepartment = resolve(after.mainDepartment);
		return out;
	};
	const run = async (result: ActionResult, work: () => Promise<void>) => {
		try {
			await work();
			result.status = 'applied';
		} catch (error) {
			result.status = 'failed';
			result.error = (error as Error).message;
			if (result.action === 'create_department' && result.targetId)
				failedPlaceholders.add(result.targetId);
		}
	};
	const phase = (kind: PlanAction['action']) => results.filter((r) => r.action === kind);

	for (const result of phase('create_department')) {
		await run(result, async () => {
			const id = await adapter.createDepartment(resolveAll(result.after), result.sourceKey);
			created.set(result.targetId as string, id);
			result.targetId = id;
		});
	}
	for (const result of phase('update_department')) {
		await run(
			result,
			async () =>
				await adapter.updateDepartment(result.targetId as string, resolveAll(result.after)),
		);
	}
	const disableAll = adapter.disableMembers?.bind(adapter);
	for (const kind of ['create_member', 'update_member', 'disable_member'] as const) {
		if (kind === 'disable_member' && disableAll) {
			await applyTogether(
				phase(kind),
				(r) => ({ id: r.targetId as string, after: resolveAll(r.after) }),
				disableAll,
			);
			continue;
		}
		await mapWithConcurrency(phase(kind), concurrency, async (result) => {
			await run(result, async () => {
				const after = resolveAll(result.after);
				if (kind === 'create_member') await adapter.createMember(after);
				else if (kind === 'update_member')
					await adapter.updateMember(result.targetId as string, after);
				else if (adapter.disableMember)
					await adapter.disableMember(result.targetId as string, after);
				else throw new Error('this platform cannot disable a member');
			});
		});
	}
	await applyTogether(
		phase('delete_member'),
		(r) => ({ id: r.targetId as string }),
		async (members) => await adapter.deleteMembers(members.map((m) => m.id)),
	);
	for (const result of phase('delete_department')) {
		await run(result, async () => await adapter.deleteDepartment(result.targetId as string));
	}

	for (const [key, id] of Object.entries(bindings.departments)) {
		if (id.startsWith(NEW)) {
			const real = created.get(id);
			if (real) bindings.departments[key] = real;
			else delete bindings.departments[key];
		}
	}
	const deleted = new Set<string>();
	for (const result of results) {
		if (result.action === 'create_member' && result.status !== 'applied' && result.sourceKey)
			delete bindings.members[result.sourceKey];
		if (result.action === 'delete_member' && result.status === 'applied') {
			deleted.add(result.targetId as string);
			delete bindings.disabledAt[result.targetId as string];
		}
	}
	if (deleted.size)
		for (const [key, id] of Object.entries(bindings.members))
			if (deleted.has(id)) delete bindings.members[key];
	return { results, bindings };
}

/**
 * Actions the adapter applies in one call for all of them (disables, deletes): each still gets its
 * own result, and a call that fails as a whole fails each of them.
 */
async function applyTogether<T extends { id: string }>(
	results: ActionResult[],
	prepare: (result: ActionResult) => T,
	call: (items: T[]) => Promise<Map<string, string>>,
) {
	const items: T[] = [];
	const failures = new Map<string, string>();
	for (const result of results) {
		try {
			items.push(prepare(result));
		} catch (error) {
			failures.set(result.targetId as string, (error as Error).message);
		}
	}
	if (items.length) {
		try {
			for (const [id, reason] of await call(items)) failures.set(id, reason);
		} catch (error) {
			for (const { id } of items) failures.set(id, (error as Error).message);
		}
	}
	for (const result of results) {
		const reason = failures.get(result.targetId as string);
		result.status = reason ? 'failed' : 'applied';
		if (reason) result.error = reason;
	}
}
