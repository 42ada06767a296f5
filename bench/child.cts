import { runAiAssistant } from './aiAssistant.cjs';
import { runCallCounts } from './calls.cjs';
import { runCrypto } from './crypto.cjs';
import { runOrgSync } from './orgSync.cjs';
import { runOrgSyncModern } from './orgSyncModern.cjs';
import { RESULT_PREFIX, type Row } from './report.cjs';
import { runTransport } from './transport.cjs';
import { runWebhook } from './webhook.cjs';

/**
 * Runs one benchmark in this process and prints its rows as the last line of stdout, prefixed with
 * RESULT_PREFIX. bench/main.cts starts one such process per benchmark, so each one measures with a
 * fresh heap and no module state (token cache, pacers) left by another.
 */

export const BENCHMARKS: Record<string, () => Promise<Row[]> | Row[]> = {
	calls: runCallCounts,
	orgSync: runOrgSync,
	orgSyncModern: runOrgSyncModern,
	crypto: runCrypto,
	webhook: runWebhook,
	transport: runTransport,
	aiAssistant: runAiAssistant,
};

async function main() {
	const name = process.argv[2];
	const bench = BENCHMARKS[name];
	if (!bench)
		throw new Error(`unknown benchmark "${name}" (${Object.keys(BENCHMARKS).join(', ')})`);
	const rows = await bench();
	process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(rows)}\n`);
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
