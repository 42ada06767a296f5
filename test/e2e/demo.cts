import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';

import { sandboxCredentials } from './fixtures.cjs';
import { ROOT, startN8n, type N8n, type WorkflowFixture } from './lab.cjs';

/**
 * The demo setup, shared by `npm run demo` and the browser tier: the sandbox, a real n8n with the pack
 * installed as a community package (so node types read `n8n-nodes-wecom-welink.weCom`, as in the
 * examples), the working sandbox credentials, and every example workflow imported unchanged.
 */

export interface Demo {
	sandbox: Sandbox;
	n8n: N8n;
	examples: WorkflowFixture[];
	stop(): Promise<void>;
}

export function exampleWorkflows(): WorkflowFixture[] {
	const dir = join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowFixture);
}

/**
 * The credentials a newcomer should see: only working ones (the tests' deliberately broken ones stay
 * out). For a new node n8n's editor picks the last credential of the type in name order, so the
 * self-built app's credential (meetings, messages, check-in) sorts after the contacts-sync and
 * customer-contact ones, and is imported last for editors that go by the latest update.
 */
export function demoCredentials(sandbox: Sandbox) {
	const working = sandboxCredentials(sandbox).filter((c) => !/wrong/i.test(c.name));
	const app = working.filter((c) => c.name.startsWith('WeCom self-built app'));
	return [...working.filter((c) => !app.includes(c)), ...app];
}

export async function startDemo(options: {
	major?: 1 | 2;
	port?: number;
	sandboxPort?: number;
	home?: string;
}): Promise<Demo> {
	const sandbox = await startSandbox({ port: options.sandboxPort });
	const examples = exampleWorkflows();
	try {
		const n8n = await startN8n({
			major: options.major,
			port: options.port,
			home: options.home,
			install: 'package',
			credentials: demoCredentials(sandbox),
			workflows: examples,
		});
		return {
			sandbox,
			n8n,
			examples,
			async stop() {
				await n8n.stop();
				await sandbox.close();
			},
		};
	} catch (error) {
		await sandbox.close();
		throw error;
	}
}
