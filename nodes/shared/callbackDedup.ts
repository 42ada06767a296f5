import type { IWebhookFunctions } from 'n8n-workflow';

/**
 * Remembers callbacks a trigger node has already started an execution for, so a platform's retries
 * start nothing. Scoped to one workflow and one trigger node: two workflows listening to the same
 * app each run once. Two layers: a map in this process (a retry can arrive while the first request
 * is still being handled, before n8n has saved the static data) and the node's static data (for other
 * processes and restarts; n8n saves it after each webhook request).
 */

const WINDOW_MS = 10 * 60_000;
const MAX_STORED = 2000;

const seenHere = new Map<string, number>();

export function seenBefore(ctx: IWebhookFunctions, key: string, now = Date.now()): boolean {
	const scope = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id ?? ctx.getNode().name}`;
	const local = `${scope}\u0000${key}`;
	const data = ctx.getWorkflowStaticData('node') as { seenCallbacks?: Record<string, number> };
	const stored = data.seenCallbacks ?? {};
	const hereAt = seenHere.get(local);
	const duplicate =
		(hereAt !== undefined && now - hereAt < WINDOW_MS) ||
		(stored[key] !== undefined && now - stored[key] < WINDOW_MS);
	seenHere.set(local, now);
	stored[key] = now;
	const fresh = Object.entries(stored).filter(([, at]) => now - at < WINDOW_MS);
	data.seenCallbacks = Object.fromEntries(fresh.slice(-MAX_STORED));
	for (const [k, at] of seenHere) if (now - at >= WINDOW_MS) seenHere.delete(k);
	return duplicate;
}
