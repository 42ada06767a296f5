import { homedir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';

import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../sandbox/wecom/apps.cjs';
import { startDemo } from '../test/e2e/demo.cjs';
import { OWNER } from '../test/e2e/lab.cjs';

/**
 * The demo (`npm run demo`): the sandbox (a local WeCom + WeLink), a real n8n with this pack installed
 * as a community package, the sandbox credentials and every example workflow (webhook and trigger
 * examples active). Runs until Ctrl-C. Its data folder is recreated at each start.
 */
async function main() {
	const port = Number(process.env.N8N_DEMO_PORT ?? 5678);
	const sandboxPort = Number(process.env.SANDBOX_PORT ?? 7001);
	const home = process.env.N8N_DEMO_HOME ?? join(homedir(), '.n8n-wecom-welink-demo');
	console.log(`Resetting the demo data folder ${home} (set N8N_DEMO_HOME to use another one)…`);
	rmSync(home, { recursive: true, force: true });
	console.log('Starting the sandbox and n8n with the pack (first run installs n8n, several minutes)…');
	const demo = await startDemo({ port, sandboxPort, home });
	const { n8n, sandbox, examples } = demo;
	const router = examples.find((w) => w.id === 'exWeComEventRoute');
	const routerHook = (router?.nodes as Array<{ webhookId?: string }> | undefined)?.find(
		(n) => n.webhookId,
	)?.webhookId;
	const callback = JSON.stringify({
		target: {
			url: `${n8n.webhookUrl}/webhook/${routerHook}/callback`,
			token: SANDBOX_CALLBACK.token,
			encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
			receiveId: SANDBOX_CORP_ID,
		},
		message: {
			ToUserName: SANDBOX_CORP_ID,
			FromUserName: 'zhangsan',
			CreateTime: Math.floor(Date.now() / 1000),
			MsgType: 'text',
			Content: 'hello from the demo',
			MsgId: String(Date.now()),
			AgentID: 1000002,
		},
	});
	console.log(`
  n8n editor:   ${n8n.url}   (n8n ${n8n.version})
  login:        ${OWNER.email} / ${OWNER.password}
  sandbox:      ${sandbox.url}  (WeCom API ${sandbox.wecomBaseUrl}, WeLink API ${sandbox.welinkBaseUrl})
  request log:  ${sandbox.url}/__sandbox/log
  workflows:    ${examples.map((w) => w.name).join('\n                ')}

  Send a signed, encrypted WeCom callback (a member writes "hello") to the event-router example:
    curl -s -X POST ${sandbox.url}/__sandbox/callbacks/wecom -H 'Content-Type: application/json' \\
      -d '${callback}'

Press Ctrl-C to stop (the data folder is reset at the next start).`);
	const stop = async () => {
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
