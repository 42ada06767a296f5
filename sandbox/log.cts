/** One call the sandbox received, as tests and benchmarks read it. */
export interface LogEntry {
	seq: number;
	at: number;
	platform: 'wecom' | 'welink' | 'robot' | 'other';
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	status: number;
	/** errcode (WeCom) or code (WeLink) of the answer, when it had one. */
	code?: string;
	/** Fault injected into this call, if any. */
	fault?: string;
	durationMs: number;
}

export class RequestLog {
	private entries: LogEntry[] = [];

	private seq = 0;

	add(entry: Omit<LogEntry, 'seq'>) {
		this.entries.push({ ...entry, seq: ++this.seq });
	}

	all(filter: { platform?: string; path?: string; since?: number } = {}) {
		return this.entries.filter(
			(e) =>
				(!filter.platform || e.platform === filter.platform) &&
				(!filter.path ||
					e.path === filter.path ||
					(filter.path.endsWith('*') && e.path.startsWith(filter.path.slice(0, -1)))) &&
				(filter.since === undefined || e.seq > filter.since),
		);
	}

	/** Calls per path, e.g. { '/cgi-bin/gettoken': 1, '/cgi-bin/message/send': 10 }. */
	counts(filter: { platform?: string; since?: number } = {}) {
		const counts: Record<string, number> = {};
		for (const e of this.all(filter)) counts[e.path] = (counts[e.path] ?? 0) + 1;
		return counts;
	}

	get lastSeq() {
		return this.seq;
	}

	clear() {
		this.entries = [];
	}
}
