import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Judges one test tier of scripts/test.sh from jest's --json report, so a tier cannot pass without
 * testing anything: it fails when it ran no test, when a test was skipped or left "todo" without a
 * stated reason (its title carries `[skip: why]`), when jest had to be stopped because something
 * held the process open after the last test, or when a test file left its temporary n8n folder
 * behind. README "Tests" documents the rules.
 *
 *   node build/scripts/tier-verdict.cjs tier NAME REPORT SECONDS [LOG] [TMPDIR]
 *     prints one summary line, writes REPORT's verdict next to it (x.json → x.verdict.json)
 *   node build/scripts/tier-verdict.cjs total REPORT...
 *     prints "N passed, N failed" over the tiers' verdicts
 *
 * `tier` exits 1 when the tier fails; `total` when any tier failed (or has no verdict) or nothing passed.
 */

export interface JestAssertion {
	title: string;
	fullName: string;
	status: string;
}

export interface JestReport {
	numTotalTests: number;
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	numRuntimeErrorTestSuites: number;
	testResults: Array<{ name: string; assertionResults: JestAssertion[] }>;
}

export interface Verdict {
	passed: number;
	/** Failed tests plus one per problem found (files that did not run, tier-level faults). */
	failed: number;
	problems: string[];
}

/** How a skipped test states why: `it.skip('… [skip: no Redis on this platform]', …)`. */
export const SKIP_REASON = /\[skip: [^\]]*\S[^\]]*\]/;

/** Jest's messages when a test left a handle open (run in band, or in a worker it had to kill). */
const LEAK_MESSAGES = [/did not exit one second after/, /failed to exit gracefully/];

/** The per-file n8n user folders of test/environment.cjs. */
export const TEST_FOLDER_PREFIX = 'n8n-wecom-welink-test-';

export function judge(
	report: JestReport,
	extras: { log?: string; leftovers?: string[] } = {},
): Verdict {
	const problems: string[] = [];
	const ran = report.numPassedTests + report.numFailedTests;
	if (report.numTotalTests === 0 || ran === 0) problems.push('ran no test');
	const unexplained = report.testResults.flatMap((file) =>
		file.assertionResults
			.filter((a) => a.status !== 'passed' && a.status !== 'failed')
			.filter((a) => !SKIP_REASON.test(a.title))
			.map((a) => `${a.fullName} (${a.status})`),
	);
	if (unexplained.length)
		problems.push(
			`${unexplained.length} skipped without a stated reason, e.g. ${unexplained.slice(0, 3).join('; ')}`,
		);
	if (extras.log && LEAK_MESSAGES.some((pattern) => pattern.test(extras.log ?? '')))
		problems.push('jest did not exit after the last test: a test left a handle open');
	if (extras.leftovers?.length)
		problems.push(`temporary folders left behind: ${extras.leftovers.join(', ')}`);
	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests + report.numRuntimeErrorTestSuites + problems.length,
		problems,
	};
}

function readJson<T>(file: string): T | undefined {
	try {
		return JSON.parse(readFileSync(resolve(file), 'utf8')) as T;
	} catch {
		return undefined;
	}
}

const verdictFile = (report: string) => report.replace(/\.json$/, '.verdict.json');

function tierVerdict(name: string, file: string, seconds: string, log?: string, tmp?: string) {
	const report = readJson<JestReport>(file);
	let verdict: Verdict = { passed: 0, failed: 1, problems: ['no results (jest crashed?)'] };
	if (report) {
		verdict = judge(report, {
			log: log && existsSync(log) ? readFileSync(log, 'utf8') : undefined,
			leftovers:
				tmp && existsSync(tmp)
					? readdirSync(tmp).filter((f) => f.startsWith(TEST_FOLDER_PREFIX))
					: undefined,
		});
	}
	let line = `tier ${name.padEnd(8)} ${verdict.passed} passed, ${verdict.failed} failed (${seconds} s)`;
	if (verdict.problems.length) line += ` — ${verdict.problems.join('; ')}`;
	console.log(line);
	writeFileSync(verdictFile(file), JSON.stringify(verdict));
	return verdict;
}

function main(argv: string[]) {
	const [mode, ...args] = argv;
	if (mode === 'tier') {
		const [name, file, seconds, log, tmp] = args;
		return tierVerdict(name, file, seconds, log, tmp).failed ? 1 : 0;
	}
	if (mode === 'total') {
		let passed = 0;
		let failed = 0;
		for (const file of args) {
			const verdict = readJson<Verdict>(verdictFile(file));
			if (!verdict) {
				console.error(`missing results: ${file}`);
				failed += 1;
				continue;
			}
			passed += verdict.passed;
			failed += verdict.failed;
		}
		console.log(`${passed} passed, ${failed} failed`);
		return failed || passed === 0 ? 1 : 0;
	}
	console.error('usage: tier-verdict tier NAME REPORT SECONDS [LOG] [TMPDIR] | total REPORT...');
	return 2;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
