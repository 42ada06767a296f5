/**
 * One row of the benchmark table: what was measured, next to its theoretical minimum or target.
 * Every benchmark module returns rows; bench/main.cts prints them as one table.
 */
export interface Row {
	/** Row number in the table (1–7, with a letter for sub-rows, e.g. "4a"). */
	id: string;
	what: string;
	/** The figure as measured, with its unit. */
	measured: string;
	/** The theoretical minimum or the target, with its unit. */
	target: string;
	/** undefined = informational (no pass/fail), e.g. a figure shown for context. */
	pass?: boolean;
	/** How it was measured (sizes, durations, supporting counts). */
	notes?: string;
}

/** Marks the line of a benchmark process's stdout that carries its rows (JSON). */
export const RESULT_PREFIX = 'BENCH_ROWS ';

/** Log progress to stderr; stdout carries only the result (child) or the table (main). */
export function progress(message: string) {
	process.stderr.write(`[bench] ${message}\n`);
}

export const fmt = {
	int: (n: number) => Math.round(n).toLocaleString('en-US'),
	ms: (n: number) =>
		`${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')} ms`,
	s: (ms: number) => `${(ms / 1000).toFixed(2)} s`,
	mb: (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`,
	us: (n: number) => `${Math.round(n).toLocaleString('en-US')} µs`,
};

export function percentile(values: number[], p: number) {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	// Nearest rank: the smallest value with at least p % of the values at or below it.
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(sorted.length, rank) - 1];
}

export const median = (values: number[]) => percentile(values, 50);

/** Runs fn until `ms` have passed (at least `minOps` times); returns operations per second. */
export function throughput(fn: (i: number) => void, ms: number, minOps = 1000) {
	let ops = 0;
	const started = process.hrtime.bigint();
	const budget = BigInt(Math.round(ms * 1e6));
	for (;;) {
		// Check the clock every 100 operations only, so reading it costs nothing measurable.
		for (let i = 0; i < 100; i++) fn(ops++);
		const elapsed = process.hrtime.bigint() - started;
		if (elapsed >= budget && ops >= minOps)
			return { ops, opsPerSecond: ops / (Number(elapsed) / 1e9) };
	}
}
