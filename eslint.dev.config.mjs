// Lint for the dev tooling that never ships (sandbox, e2e lab, benchmarks, scripts): these .cts files
// need Node's APIs, which n8n's strict community-node config (eslint.config.mjs) rightly forbids in
// the pack itself. That config does not match .cts files; this one does.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'build/**', 'node_modules/**'] },
	{
		files: ['**/*.cts'],
		extends: [...tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
);
