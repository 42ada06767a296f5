import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server.cjs';
import { sandboxCredentials } from '../test/e2e/fixtures.cjs';
import { OWNER, ROOT, startN8n, type WorkflowFixture } from '../test/e2e/lab.cjs';

/**
 * The demo: the sandbox (a local WeCom + WeLink), a real n8n with this pack, credentials pointing
 * at the sandbox, and every workflow of examples/ imported (triggers activated). Runs until Ctrl-C.
 */
async function main() {
	const port = Number(process.env.N8N_DEMO_PORT ?? 5678);
	const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 7001) });
	const examplesDir = join(ROOT, 'examples');
	const workflows = readdirSync(examplesDir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as WorkflowFixture);
	const home = process.env.N8N_DEMO_HOME ?? join(homedir(), '.n8n-wecom-welink-demo');
	rmSync(home, { recursive: true, force: true });
	console.log(`Starting n8n with the pack (first run installs n8n 1.123.81, several minutes)…`);
	const n8n = await startN8n({ port, home, credentials: sandboxCredentials(sandbox), workflows });
	console.log(`
  n8n editor:   ${n8n.url}
  login:        ${OWNER.email} / ${OWNER.password}
  sandbox:      ${sandbox.url}  (WeCom base URL ${sandbox.wecomBaseUrl}, WeLink ${sandbox.welinkBaseUrl})
  workflows:    ${workflows.map((w) => w.name).join(', ') || '(none)'}
  request log:  ${sandbox.url}/__sandbox/log

Press Ctrl-C to stop.`);
	const stop = async () => {
		await n8n.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
