import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * Drops a platform's retries of a callback it already delivered, for the WeCom and WeLink triggers.
 * Every trigger node of every workflow decides for itself: one event sent to several workflows (or
 * to two triggers on one callback URL's event stream) starts each of them once, and a retry to each
 * starts none.
 *
 * Two memories, both per workflow and node: this process's (a retry may arrive while the first
 * request is still being handled, before n8n has saved static data) and the node's static data
 * (another process in queue mode, or after a restart).
 */

/** How long a delivered callback is remembered unless the caller says (WeCom retries within seconds). */
const DEFAULT_WINDOW_MS = 10 * 60_000;

/** Keys kept in a node's static data, and in this process for all nodes; the oldest go first. */
const MAX_PER_NODE = 2000;
const MAX_IN_PROCESS = 20_000;

/** `workflow|node|key` → when to forget it (ms since epoch). */
const recentlySeen = new Map<string, number>();

interface DedupData {
	seenCallbacks?: Record<string, number>;
}

/**
 * Whether `key` was seen by this trigger node before `forgetAt` of its first delivery ran out;
 * remembers it until `forgetAt` (ms since epoch) either way.
 */
export function seenBefore(
	ctx: IWebhookFunctions,
	key: string,
	forgetAt = Date.now() + DEFAULT_WINDOW_MS,
): boolean {
	const now = Date.now();
	const node = ctx.getNode();
	const scoped = `${ctx.getWorkflow().id ?? ''}|${node.id || node.name}|${key}`;
	const data = ctx.getWorkflowStaticData('node') as DedupData;
	const seen = data.seenCallbacks ?? {};
	const local = recentlySeen.get(scoped) ?? 0;
	const stored = seen[key] ?? 0;
	const duplicate = local > now || stored > now;
	const until = Math.max(forgetAt, local, stored);
	// Re-inserted, so that insertion order is "least recently seen first" for trimming.
	recentlySeen.delete(scoped);
	recentlySeen.set(scoped, until);
	delete seen[key];
	seen[key] = until;
	const fresh = Object.entries(seen).filter(([, at]) => at > now);
	data.seenCallbacks = Object.fromEntries(fresh.slice(-MAX_PER_NODE));
	for (const [k, at] of recentlySeen) if (at <= now) recentlySeen.delete(k);
	for (const k of recentlySeen.keys()) {
		if (recentlySeen.size <= MAX_IN_PROCESS) break;
		recentlySeen.delete(k);
	}
	return duplicate;
}
