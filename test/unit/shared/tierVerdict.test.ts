import { judge, type JestAssertion, type JestReport } from '../../../scripts/tier-verdict.cjs';

const assertion = (title: string, status: string): JestAssertion => ({
	title,
	fullName: `suite ${title}`,
	status,
});

function report(assertions: JestAssertion[], runtimeErrors = 0): JestReport {
	const count = (status: string) => assertions.filter((a) => a.status === status).length;
	return {
		numTotalTests: assertions.length,
		numPassedTests: count('passed'),
		numFailedTests: count('failed'),
		numPendingTests: count('pending'),
		numTodoTests: count('todo'),
		numRuntimeErrorTestSuites: runtimeErrors,
		testResults: [{ name: 'a.test.ts', assertionResults: assertions }],
	};
}

describe('scripts/tier-verdict: a tier cannot pass without testing', () => {
	it('passes a tier whose tests all ran and passed', () => {
		expect(judge(report([assertion('a', 'passed'), assertion('b', 'passed')]))).toEqual({
			passed: 2,
			failed: 0,
			problems: [],
		});
	});

	it('fails a tier that ran nothing: no tests, or every test filtered out (-t NOMATCH)', () => {
		expect(judge(report([])).problems).toEqual(['ran no test']);
		const filtered = judge(report([assertion('a', 'pending'), assertion('b', 'pending')]));
		expect(filtered.failed).toBe(2);
		expect(filtered.problems[0]).toBe('ran no test');
		expect(filtered.problems[1]).toMatch(/^2 skipped without a stated reason, e\.g\. suite a/);
	});

	it('fails a skip or todo without a reason in its title, and accepts one with [skip: why]', () => {
		const unexplained = judge(
			report([assertion('a', 'passed'), assertion('b', 'pending'), assertion('c', 'todo')]),
		);
		expect(unexplained.problems).toEqual([
			'2 skipped without a stated reason, e.g. suite b (pending); suite c (todo)',
		]);
		const explained = judge(
			report([assertion('a', 'passed'), assertion('b [skip: no Redis on Windows]', 'pending')]),
		);
		expect(explained).toEqual({ passed: 1, failed: 0, problems: [] });
		expect(
			judge(report([assertion('a', 'passed'), assertion('b [skip: ]', 'pending')])).failed,
		).toBe(1);
	});

	it('counts failed tests and files that could not run', () => {
		expect(judge(report([assertion('a', 'passed'), assertion('b', 'failed')], 1))).toMatchObject({
			passed: 1,
			failed: 2,
		});
	});

	it('fails a tier that kept jest from exiting or left a test folder behind', () => {
		const ok = report([assertion('a', 'passed')]);
		expect(
			judge(ok, { log: 'Jest did not exit one second after the test run has completed.' }).problems,
		).toEqual(['jest did not exit after the last test: a test left a handle open']);
		expect(
			judge(ok, { log: 'A worker process has failed to exit gracefully and has been force exited' })
				.failed,
		).toBe(1);
		expect(judge(ok, { leftovers: ['n8n-wecom-welink-test-abc123'] }).problems).toEqual([
			'temporary folders left behind: n8n-wecom-welink-test-abc123',
		]);
	});
});
