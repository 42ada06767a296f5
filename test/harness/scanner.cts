import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from '../e2e/lab.cjs';

/** Runs scripts/scan-package.mjs (n8n's package scanner, offline) and returns what it printed. */
export async function runPackageScanner(): Promise<string> {
	if (!existsSync(join(ROOT, 'dist', 'nodes'))) throw new Error('build first: npm run build');
	try {
		const { stdout } = await promisify(execFile)(
			process.execPath,
			[join(ROOT, 'scripts', 'scan-package.mjs')],
			// jest sets NODE_ENV=test, which makes n8n's lint plugin read file names as in its own tests.
			{ cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
		);
		return stdout;
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string };
		throw new Error(`scanner failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
	}
}
