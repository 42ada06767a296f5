import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * "Thinking…" notices waiting in this n8n process. A notice is sent only if no message reaches the
 * member from the same execution before its delay is over: Message → Send to that member cancels it.
 * An execution runs in one process (the worker in queue mode), so the notice and the answer always
 * meet here.
 */

interface Pending {
	cancelled: boolean;
}

const pending = new Map<string, Pending>();

const keyOf = (executionId: string, member: string) =>
	`${executionId}\u0000${member.toLowerCase()}`;

/** Waits `afterMs`, then runs `send` unless cancelled meanwhile. Returns at once. */
export function scheduleNotice(
	ctx: IExecuteFunctions,
	member: string,
	afterMs: number,
	send: () => Promise<unknown>,
) {
	const key = keyOf(ctx.getExecutionId(), member);
	const mine: Pending = { cancelled: false };
	// One notice per member and execution: a newer one replaces the older.
	const previous = pending.get(key);
	if (previous) previous.cancelled = true;
	pending.set(key, mine);
	void (async () => {
		await sleep(afterMs);
		if (pending.get(key) === mine) pending.delete(key);
		if (mine.cancelled) return;
		try {
			await send();
		} catch (error) {
			ctx.logger.warn(
				`WeCom: the thinking notice to ${member} failed: ${(error as Error).message}`,
			);
		}
	})();
}

/** A message reached these members: their notices of this execution are no longer needed. */
export function cancelNotices(ctx: IExecuteFunctions, members: string[]) {
	const executionId = ctx.getExecutionId();
	for (const member of members) {
		const key = keyOf(executionId, member);
		const waiting = pending.get(key);
		if (waiting) waiting.cancelled = true;
		pending.delete(key);
	}
}
