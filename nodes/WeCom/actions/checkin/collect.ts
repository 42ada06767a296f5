import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import { readLimit } from '../../../shared/list';
import { MAX_MEMBERS_PER_CALL, type Endpoint } from './limits';
import { readWho, resolveMembers, type Who } from './members';
import { readPeriod, type Period, type Window } from './period';
import { checkinRequest, explainCheckinError } from './request';

/** What every member × time operation (records, reports, schedules) reads in `prepare`. */
export interface ListInput {
	who: Who;
	windows: Window[];
	/** Output items wanted; undefined = Return All. Counts members with "One Item per Member". */
	limit?: number;
	perMember: boolean;
	includeRaw: boolean;
}

export interface Shaped {
	userId: string;
	/** Orders the output: time first, then the member's position. */
	sortKey: number;
	item: IDataObject;
}

export function readListInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	windowsOf: (period: Period) => Window[],
): ListInput {
	const who = readWho(ctx, itemIndex);
	const period = readPeriod(ctx, itemIndex);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limit = readLimit(ctx, itemIndex);
	return {
		who,
		windows: windowsOf(period),
		limit,
		perMember: options.outputMode === 'member',
		includeRaw: options.includeRaw === true,
	};
}

/**
 * Resolves the members, then calls `fetch` once per (time window × batch of ≤100 members), with
 * bounded concurrency (the pacer in `checkinRequest` keeps the per-minute quota), and merges:
 * one item per record/report ordered by time then member, or one item per member.
 * With a limit and one item per record, windows are fetched in order and fetching stops once
 * enough items are in, so a small limit costs few calls.
 */
export async function collect(
	ctx: IExecuteFunctions,
	input: ListInput,
	itemIndex: number,
	endpoint: Endpoint,
	listKey: string,
	fetch: (window: Window, userids: string[]) => Promise<Shaped[]>,
): Promise<IDataObject[]> {
	let resolved: Awaited<ReturnType<typeof resolveMembers>> | undefined;
	let failure: unknown;
	try {
		resolved = await resolveMembers(ctx, input.who, itemIndex);
	} catch (error) {
		failure = error;
	}
	if (!resolved) {
		throw explainCheckinError(
			ctx,
			failure,
			itemIndex,
			[],
			input.who.kind === 'departments' ? input.who.departmentIds : [],
		);
	}
	let userids = resolved.userids;
	if (input.perMember && input.limit !== undefined) userids = userids.slice(0, input.limit);
	if (!userids.length || !input.windows.length) return [];

	const batches = chunk(userids, MAX_MEMBERS_PER_CALL);
	const tasks = input.windows.map((window) => batches.map((batch) => ({ window, batch })));
	const found: Shaped[] = [];
	const run = async (list: Array<{ window: Window; batch: string[] }>) => {
		const results = await mapWithConcurrency(list, endpoint.concurrency, (task) =>
			fetch(task.window, task.batch),
		);
		for (const shaped of results) found.push(...shaped);
	};
	if (input.limit !== undefined && !input.perMember) {
		for (const windowTasks of tasks) {
			await run(windowTasks);
			if (found.length >= input.limit) break;
		}
	} else {
		await run(tasks.flat());
	}

	const position = new Map(userids.map((id, i) => [id, i]));
	const order = (s: Shaped) => position.get(s.userId) ?? userids.length;
	const sorted = found
		.map((shaped, i) => ({ shaped, i }))
		.sort(
			(a, b) =>
				a.shaped.sortKey - b.shaped.sortKey || order(a.shaped) - order(b.shaped) || a.i - b.i,
		)
		.map(({ shaped }) => shaped);

	if (!input.perMember) {
		const items = sorted.map((s) => s.item);
		return input.limit === undefined ? items : items.slice(0, input.limit);
	}
	const byMember = new Map<string, IDataObject[]>(userids.map((id) => [id, []]));
	for (const shaped of sorted) byMember.get(shaped.userId)?.push(shaped.item);
	return userids.map((userId) => {
		const entries = byMember.get(userId) ?? [];
		const name =
			resolved?.names.get(userId) ?? entries.find((e) => e.name !== undefined)?.name ?? undefined;
		return {
			userId,
			name,
			count: entries.length,
			hasException: entries.some((e) => e.hasException === true),
			[listKey]: entries,
		};
	});
}

/**
 * `collect` for the endpoints that take one window and one batch of members per call (starttime,
 * endtime, useridlist, plus `extra`); `shape` turns one response into shaped items.
 */
export async function collectByWindow(
	ctx: IExecuteFunctions,
	input: ListInput,
	itemIndex: number,
	endpoint: Endpoint,
	listKey: string,
	shape: (response: IDataObject, window: Window) => Shaped[],
	extra: IDataObject = {},
): Promise<IDataObject[]> {
	return await collect(ctx, input, itemIndex, endpoint, listKey, async (window, userids) => {
		const response = await checkinRequest(
			ctx,
			endpoint,
			{ ...extra, starttime: window.starttime, endtime: window.endtime, useridlist: userids },
			itemIndex,
			userids,
		);
		return shape(response, window);
	});
}
