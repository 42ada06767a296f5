// n8n's own community-package gate, run offline: `@n8n/scan-community-package` lints a published
// package's tarball and the source its provenance points at. Here the tarball is `npm pack` of the
// built pack and the source is this checkout, linted with the scanner's own configuration and file
// patterns. Prints what it found; exits 1 when either leg fails.
//   node scripts/scan-package.mjs        (after npm run build)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'nodes'))) {
	console.error('scan-package: build the pack first (npm run build)');
	process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'n8n-wecom-welink-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: 'pipe' });
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	const files = readdirSync(join(unpacked, 'dist'), { recursive: true }).length;

	const legs = [
		['tarball', await analyzePackage(unpacked)],
		['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
	];
	let failed = false;
	for (const [leg, result] of legs) {
		console.log(`${leg}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
		if (!result.passed) {
			failed = true;
			if (result.details) console.log(result.details);
		}
	}
	console.log(`${tarball}: ${files} files under dist/`);
	process.exitCode = failed ? 1 : 0;
} finally {
	rmSync(work, { recursive: true, force: true });
}
