/**
 * Tiers (see README "Tests"): unit (jest + nock, in-process), workflow (real n8n-core engine
 * in-process against the sandbox), e2e (a real n8n process loading the built pack; N8N_E2E_MAJOR
 * picks n8n 1.x or 2.x), queue (the same in n8n's queue mode) and browser (the n8n editor in
 * headless Chromium).
 * Dev tooling that needs Node APIs is written as .cts (see README "Architecture"); the resolver lets
 * TypeScript's `./x.cjs` imports resolve to the .cts sources under ts-jest.
 */
const common = {
	testEnvironment: '<rootDir>/test/environment.cjs',
	// Retry paths wait for real (jittered backoff); no test relies on timing for its result.
	testTimeout: 30_000,
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json'],
	transform: {
		'^.+\\.c?ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	resolver: '<rootDir>/test/jest-resolver.cjs',
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/'],
};

module.exports = {
	// testTimeout is a global option: inside a project entry jest ignores it (and used 5 s).
	testTimeout: common.testTimeout,
	projects: [
		{
			...common,
			displayName: 'unit',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/setup-nock.cjs'],
		},
		{ ...common, displayName: 'workflow', testMatch: ['<rootDir>/test/workflow/**/*.test.ts'] },
		{
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/queue\\.test\\.ts$'],
		},
		// n8n in queue mode (Redis + main + worker + webhook processor): its own tier in scripts/test.sh.
		{ ...common, displayName: 'queue', testMatch: ['<rootDir>/test/e2e/queue.test.ts'] },
		// The n8n editor in headless Chromium against the demo setup: its own tier in scripts/test.sh.
		{ ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
	],
};
