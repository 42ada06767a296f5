import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePlan, type ActionResult, type SyncAdapter } from './execute';
import type {
	Bindings,
	MemberLookups,
	PlanAction,
	PlatformLimits,
	SyncOptions,
	TargetOrg,
} from './model';
import { emptyBindings, lookupCandidates, planSync } from './planner';
import { readSource, readSyncOptions } from './read';

/**
 * The n8n side of running "Sync to <platform>", shared by every platform: planning, applying, the
 * bindings kept in the workflow's static data, and the two outputs (one item per action; a summary).
 */

export interface SyncPlatform {
	name: string;
	limits: PlatformLimits;
	/** Reads the target org (departments and members under the platform root). */
	fetchTarget(options?: SyncOptions): Promise<TargetOrg>;
	adapter: SyncAdapter;
	/** Distinguishes bindings of different tenants in one workflow's static data. */
	tenant: string;
	/**
	 * Finds members by a mobile or email the reader cannot see (keyed by normalized value, with the
	 * value as the source gives it). `cache` is the node's static data, kept between production runs.
	 */
	lookupMembers?(
		field: 'mobile' | 'email',
		values: Map<string, string>,
		cache: IDataObject,
	): Promise<MemberLookups>;
}

/**
 * Bindings of one tenant and top department, cached in the node's static data across runs (n8n saves
 * it after production runs only; every link can be found again in the target, so it is a cache).
 */
function bindingsStore(ctx: IExecuteFunctions, platform: SyncPlatform, options: SyncOptions) {
	const data = ctx.getWorkflowStaticData('node');
	const key = `orgSync:${platform.tenant}:${options.topDepartmentId ?? ''}`;
	const cacheKey = `orgSyncLookups:${platform.tenant}`;
	const cache = (data[cacheKey] as IDataObject | undefined) ?? {};
	return {
		read: (): Bindings => (data[key] as Bindings | undefined) ?? emptyBindings(),
		write: (bindings: Bindings) => {
			data[key] = bindings as unknown as IDataObject;
		},
		cache,
		/** Keeps the lookup cache (hashed values only) once it holds something. */
		keepCache: () => {
			if (Object.keys(cache).length) data[cacheKey] = cache;
		},
	};
}

/** "张三 (zhangsan)" for an action on a target member, by what the target read shows. */
function whoIs(action: PlanAction, names: Map<string, string>) {
	const name = names.get(action.targetId as string);
	return name ? `${name} (${action.targetId})` : String(action.targetId ?? action.sourceKey);
}

const LISTED = 20;

function listOf(lines: string[]) {
	const more = lines.length > LISTED ? `; and ${lines.length - LISTED} more` : '';
	return `${lines.slice(0, LISTED).join('; ')}${more}`;
}

/**
 * The fields the reader could not see on members it read (unknown, never treated as empty); members
 * known only by ID, outside what it may read, are left out.
 */
function hiddenFields(target: TargetOrg) {
	const fields = new Set<string>();
	for (const m of target.members)
		if (!m.unknown?.includes('name')) for (const f of m.unknown ?? []) fields.add(f);
	return [...fields];
}

/** The outputs of a "Sync to <platform>" operation, in the order runSync returns them. */
export const SYNC_OUTPUTS = ['Actions', 'Summary'] as const;

/** An Actions item: the same keys on every item (null where an action has none), for the table view. */
function actionRow(result: ActionResult): IDataObject {
	return {
		action: result.action,
		status: result.status,
		sourceKey: result.sourceKey ?? null,
		targetId: result.targetId ?? null,
		reason: result.reason,
		error: result.error ?? null,
		before: result.before ?? null,
		after: result.after ?? null,
	};
}

/**
 * Plans and (unless simulating) applies the sync. Outputs (SYNC_OUTPUTS): Actions, one item per
 * action with its status, and Summary, one item with the counts and the links (source key → target
 * ID) for your own store. A plan over the safety threshold writes nothing and fails the node (a
 * simulation still shows it). Failed writes fail the node too, unless Continue On Fail (or the error
 * output) is on: then failed actions carry their error and go to the error output.
 */
export async function runSync(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	platform: SyncPlatform,
): Promise<INodeExecutionData[][]> {
	const simulate = ctx.getNodeParameter('simulate', 0, true) as boolean;
	const options = readSyncOptions(ctx, platform.limits);
	const { source, itemOf } = readSource(ctx, items);
	const store = bindingsStore(ctx, platform, options);
	const started = Date.now();
	const target = await platform.fetchTarget(options);
	const previous = store.read();
	const wanted = platform.lookupMembers && lookupCandidates(source, target, options, previous);
	if (wanted && platform.lookupMembers) {
		target.lookups = await platform.lookupMembers(wanted.field, wanted.values, store.cache);
		store.keepCache();
	}
	const read = Date.now();
	let plan;
	try {
		plan = planSync(source, target, { ...options, now: new Date() }, previous);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description: 'Check Top Department (Options): it must be an existing department.',
		});
	}
	const planned = Date.now();
	const names = new Map(target.members.map((m) => [m.id, m.name]));
	if (plan.summary.blocked && !simulate) {
		const going = plan.removals.map((a) => `${whoIs(a, names)}: ${a.action}`);
		throw new NodeOperationError(
			ctx.getNode(),
			`Sync stopped before any write: ${plan.summary.blockedReason}. Would go: ${listOf(going)}`,
			{
				description: `A missing or partial export looks like mass leavers: check the source first (run with Simulate on to see the plan). If these ${plan.summary.decrease} removals are intended, set Options → Confirm Removals (This Run) to ${plan.summary.decrease} for one run (it lets through exactly that number), or raise the thresholds.`,
			},
		);
	}

	const { results, bindings } = simulate
		? {
				results: plan.actions.map((a) => ({
					...a,
					status: a.action.startsWith('skip') ? 'skipped' : 'planned',
				})) as ActionResult[],
				bindings: plan.bindings,
			}
		: await executePlan(plan, platform.adapter, { concurrency: 4 });
	if (!simulate) store.write(bindings);
	const timings = { readMs: read - started, planMs: planned - read, applyMs: Date.now() - planned };

	const count = (status: string) => results.filter((r) => r.status === status).length;
	const writes = results.filter((r) => r.status === 'applied' || r.status === 'failed').length;
	const failed = results.filter((r) => r.status === 'failed');
	const failure = (r: ActionResult) =>
		`${r.action} ${r.sourceKey ?? ''}${r.targetId ? ` → ${whoIs(r, names)}` : ''}: ${r.error}`;
	if (failed.length && !ctx.continueOnFail()) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${failed.length} of ${writes} writes to ${platform.name} failed; ${writes - failed.length} were applied`,
			{
				description: `${listOf(failed.map(failure))}. A re-run retries only what failed. To get one item per action (failed ones on the error output), set Settings → On Error to continue.`,
			},
		);
	}

	const pairedItem = (action: { action: string; sourceKey?: string }) => {
		const map = action.action.endsWith('department') ? itemOf.departments : itemOf.members;
		return { item: (action.sourceKey !== undefined ? map.get(action.sourceKey) : undefined) ?? 0 };
	};
	// With an error output, n8n sends items that carry an error there (as { error: message }).
	const errorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const actions: INodeExecutionData[] = results.map((result) => ({
		json: actionRow(result),
		pairedItem: pairedItem(result),
		...(errorOutput && result.status === 'failed'
			? { error: new NodeOperationError(ctx.getNode(), failure(result)) }
			: {}),
	}));
	const { blocked, blockedReason, membersInArea, decrease, ...counts } = plan.summary;
	const hidden = hiddenFields(target);
	const lookups = target.lookups;
	const summary: INodeExecutionData = {
		json: {
			platform: platform.name,
			simulate,
			blocked,
			...(blockedReason ? { blockedReason } : {}),
			sourceDepartments: source.departments.length,
			sourceMembers: source.members.length,
			targetDepartments: target.departments.length,
			targetMembers: target.members.length,
			membersInArea,
			decrease,
			actions: counts,
			planned: count('planned'),
			applied: count('applied'),
			failed: failed.length,
			skipped: count('skipped'),
			writes,
			...(hidden.length ? { hiddenFields: hidden } : {}),
			...(lookups
				? {
						lookups: {
							field: lookups.field,
							found: lookups.found.size,
							pending: lookups.pending.size,
						},
					}
				: {}),
			timings,
			// Source key → target ID: keep them in your own store if you like; the node finds them again.
			bindings: { departments: bindings.departments, members: bindings.members },
		},
		pairedItem: items.map((_, item) => ({ item })),
	};
	return [actions, [summary]];
}
