import type { IDataObject } from 'n8n-workflow';

import { weComTokens } from '../../nodes/WeCom/transport/token';
import { weLinkTokens } from '../../nodes/WeLink/transport/token';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server.cjs';
import { SANDBOX_CORP_ID, SANDBOX_SECRETS } from '../../sandbox/wecom/apps.cjs';
import {
	SANDBOX_WELINK_CLIENT_ID,
	SANDBOX_WELINK_CLIENT_SECRET,
} from '../../sandbox/welink/world.cjs';
import { runNode, type HarnessRun, type RunOptions } from './run.cjs';

/**
 * The sandbox of one test file: started before its tests, closed after them, and before each test
 * reset (world, log, faults) with both token caches cleared, so no test sees another's tokens.
 * Call it at the top of a `describe`.
 */
export function sandboxForTests(options: SandboxOptions = {}) {
	let started: Sandbox | undefined;
	beforeAll(async () => {
		started = await startSandbox(options);
	});
	afterAll(async () => await started?.close());
	beforeEach(() => {
		running().state.reset();
		weComTokens.clear();
		weLinkTokens.clear();
	});
	const running = () => {
		if (!started) throw new Error('the sandbox starts in beforeAll; use it inside a test');
		return started;
	};

	/** The running sandbox, read when a test uses it. */
	const sandbox: Sandbox = {
		get url() {
			return running().url;
		},
		get wecomBaseUrl() {
			return running().wecomBaseUrl;
		},
		get welinkBaseUrl() {
			return running().welinkBaseUrl;
		},
		get state() {
			return running().state;
		},
		close: async () => await running().close(),
	};

	/** A WeCom API credential of the sandbox corp (the self-built app's secret unless given). */
	const weComCredentials = (secret: string = SANDBOX_SECRETS.app, agentId = '1000002') => ({
		wecomWelinkWeComApi: {
			corpId: SANDBOX_CORP_ID,
			secret,
			agentId,
			baseUrl: sandbox.wecomBaseUrl,
		},
	});

	/** The WeLink API credential of the sandbox tenant. */
	const weLinkCredentials = () => ({
		wecomWelinkWeLinkApi: {
			clientId: SANDBOX_WELINK_CLIENT_ID,
			clientSecret: SANDBOX_WELINK_CLIENT_SECRET,
			baseUrl: sandbox.welinkBaseUrl,
		},
	});

	/**
	 * Runs one operation of a resource of the WeCom or WeLink node against the sandbox: its
	 * parameters, the input items, and whether the node continues on failure.
	 */
	const operations =
		(
			type: 'weCom' | 'weLink',
			resource: string,
			credentials: () => RunOptions['credentials'] = type === 'weCom'
				? () => weComCredentials()
				: weLinkCredentials,
		) =>
		async (
			operation: string,
			parameters: Record<string, unknown>,
			items?: IDataObject[],
			continueOnFail = false,
		): Promise<HarnessRun> =>
			await runNode(
				{ type, parameters: { resource, operation, ...parameters }, continueOnFail },
				{ credentials: credentials(), items },
			);

	return { sandbox, weComCredentials, weLinkCredentials, operations };
}
