import { sleep } from 'n8n-workflow';

/**
 * The check-in APIs' documented limits (reference §5) and how the node reads the open ones.
 * Every endpoint takes at most 100 members per call; the time spans and per-minute quotas differ.
 */
export const MAX_MEMBERS_PER_CALL = 100;

const DAY = 86400;

/** getcheckindata: endtime − starttime ≤ 30 days. Windows are cut at 30 whole days. */
export const RECORD_WINDOW_SECONDS = 30 * DAY;

// UNCONFIRMED: getcheckin_daydata's maximum span is not documented; the node asks for at most 30 days per call.
export const DAY_REPORT_MAX_DAYS = 30;

// UNCONFIRMED: getcheckin_monthdata's maximum span is not documented; the node asks for one calendar month per call.
// getcheckinschedulist allows "one month"; the node also asks for one calendar month per call.

export interface Endpoint {
	path: string;
	/** Calls per minute per corp WeCom allows (the pacer keeps the node under it). */
	perMinute: number;
	/** Calls in flight at once for one node run. */
	concurrency: number;
}

export const ENDPOINTS = {
	records: { path: '/cgi-bin/checkin/getcheckindata', perMinute: 600, concurrency: 5 },
	dailyReports: { path: '/cgi-bin/checkin/getcheckin_daydata', perMinute: 100, concurrency: 3 },
	monthlyReports: { path: '/cgi-bin/checkin/getcheckin_monthdata', perMinute: 60, concurrency: 3 },
	schedules: { path: '/cgi-bin/checkin/getcheckinschedulist', perMinute: 60, concurrency: 3 },
	corpRules: { path: '/cgi-bin/checkin/getcorpcheckinoption', perMinute: 60, concurrency: 1 },
	// UNCONFIRMED: getcheckinoption's rate limit is not documented; the node keeps to 60 per minute, the lowest check-in quota.
	memberRules: { path: '/cgi-bin/checkin/getcheckinoption', perMinute: 60, concurrency: 3 },
} satisfies Record<string, Endpoint>;

/** A minute plus a second of slack for clock differences between n8n and WeCom. */
const WINDOW_MS = 61_000;

/**
 * Keeps calls to one endpoint of one corp under its per-minute quota inside this n8n process:
 * a call waits for a free slot in the sliding minute instead of being refused with 45009.
 * Slots are handed out one at a time per key, so parallel calls cannot overshoot.
 */
export class MinutePacer {
	private readonly sent = new Map<string, number[]>();

	private readonly queues = new Map<string, Promise<unknown>>();

	constructor(
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	async slot(key: string, perMinute: number): Promise<void> {
		const previous = this.queues.get(key) ?? Promise.resolve();
		const mine = previous.then(async () => {
			for (;;) {
				const now = this.now();
				const recent = (this.sent.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
				this.sent.set(key, recent);
				if (recent.length < perMinute) {
					recent.push(now);
					return;
				}
				await this.wait(recent[0] + WINDOW_MS - now);
			}
		});
		this.queues.set(
			key,
			mine.catch(() => undefined),
		);
		await mine;
	}

	/** Calls counted in the current minute (for tests and diagnostics). */
	used(key: string) {
		const now = this.now();
		return (this.sent.get(key) ?? []).filter((t) => now - t < WINDOW_MS).length;
	}

	clear() {
		this.sent.clear();
		this.queues.clear();
	}
}

/** One pacer per n8n process: all executions of all workflows share the corp's quota. */
export const checkinPacer = new MinutePacer();
