import type { Sandbox } from '../../sandbox/server.cjs';
import {
	SANDBOX_AGENT_ID,
	SANDBOX_CALLBACK,
	SANDBOX_CORP_ID,
	SANDBOX_SECRETS,
} from '../../sandbox/wecom/apps.cjs';
import { SANDBOX_ROBOT_KEY } from '../../sandbox/wecom/world.cjs';
import { SANDBOX_AIBOT } from '../../sandbox/wecom/aibot.cjs';
import { LLM_PATH, SANDBOX_LLM_KEY } from '../../sandbox/llm.cjs';
import {
	SANDBOX_WELINK_CLIENT_ID,
	SANDBOX_WELINK_CLIENT_SECRET,
} from '../../sandbox/welink/world.cjs';
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialSecrets } from '../harness/secrets.cjs';

import type { CredentialFixture, WorkflowFixture } from './lab.cjs';

/** Credential IDs used by the workflow fixtures in test/e2e/workflows and examples/. */
export const CREDENTIAL_IDS = {
	wecomApp: 'e2eWeComApp00001',
	wecomContacts: 'e2eWeComSync0001',
	wecomReader: 'e2eWeComRead0001',
	wecomCustomer: 'e2eWeComCust0001',
	wecomWrongSecret: 'e2eWeComWrong001',
	wecomRobot: 'e2eWeComRobot001',
	wecomRobotWrong: 'e2eWeComRobotX01',
	wecomCallback: 'e2eWeComCallb001',
	wecomAiBot: 'e2eWeComAiBot001',
	chatModel: 'e2eChatModelSbx1',
	welink: 'e2eWeLinkApp0001',
	welinkWrongSecret: 'e2eWeLinkWrong01',
} as const;

export function sandboxCredentials(sandbox: Sandbox): CredentialFixture[] {
	const wecom = (id: string, name: string, secret: string, agentId = '') => ({
		id,
		name,
		type: 'wecomWelinkWeComApi',
		data: {
			corpId: SANDBOX_CORP_ID,
			secret,
			agentId,
			baseUrl: sandbox.wecomBaseUrl,
			accessToken: '',
		},
	});
	return [
		wecom(
			CREDENTIAL_IDS.wecomApp,
			'WeCom self-built app (sandbox)',
			SANDBOX_SECRETS.app,
			String(SANDBOX_AGENT_ID),
		),
		wecom(CREDENTIAL_IDS.wecomContacts, 'WeCom contacts sync (sandbox)', SANDBOX_SECRETS.contacts),
		{
			// The self-built app reads names and fields for Contacts Sync (the modern tenant's way).
			id: CREDENTIAL_IDS.wecomReader,
			name: 'WeCom contacts reader (sandbox)',
			type: 'wecomWelinkWeComReaderApi',
			data: {
				corpId: SANDBOX_CORP_ID,
				secret: SANDBOX_SECRETS.app,
				baseUrl: sandbox.wecomBaseUrl,
				accessToken: '',
			},
		},
		wecom(
			CREDENTIAL_IDS.wecomCustomer,
			'WeCom customer contact (sandbox)',
			SANDBOX_SECRETS.customer,
		),
		wecom(
			CREDENTIAL_IDS.wecomWrongSecret,
			'WeCom wrong secret (sandbox)',
			'this-is-not-the-secret-at-all',
		),
		{
			id: CREDENTIAL_IDS.wecomRobot,
			name: 'WeCom robot (sandbox)',
			type: 'wecomWelinkWeComRobotApi',
			data: { webhookSecret: `${sandbox.url}/cgi-bin/webhook/send?key=${SANDBOX_ROBOT_KEY}` },
		},
		{
			id: CREDENTIAL_IDS.wecomRobotWrong,
			name: 'WeCom robot wrong key (sandbox)',
			type: 'wecomWelinkWeComRobotApi',
			data: { webhookSecret: `${sandbox.url}/cgi-bin/webhook/send?key=not-a-robot-key` },
		},
		{
			id: CREDENTIAL_IDS.wecomCallback,
			name: 'WeCom callback (sandbox)',
			type: 'wecomWelinkWeComCallbackApi',
			data: {
				token: SANDBOX_CALLBACK.token,
				encodingAesSecret: SANDBOX_CALLBACK.encodingAesKey,
				receiveId: SANDBOX_CORP_ID,
			},
		},
		{
			id: CREDENTIAL_IDS.wecomAiBot,
			name: 'WeCom AI bot (sandbox)',
			type: 'wecomWelinkWeComAiBotApi',
			data: {
				token: SANDBOX_AIBOT.token,
				encodingAesSecret: SANDBOX_AIBOT.encodingAesKey,
				botId: SANDBOX_AIBOT.botId,
			},
		},
		{
			// n8n's own OpenAI credential, its Base URL on the sandbox's deterministic chat model.
			id: CREDENTIAL_IDS.chatModel,
			name: 'Chat model (sandbox stand-in)',
			type: 'openAiApi',
			data: { apiKey: SANDBOX_LLM_KEY, url: `${sandbox.url}${LLM_PATH}`, header: false },
		},
		{
			id: CREDENTIAL_IDS.welink,
			name: 'WeLink (sandbox)',
			type: 'wecomWelinkWeLinkApi',
			data: {
				clientId: SANDBOX_WELINK_CLIENT_ID,
				clientSecret: SANDBOX_WELINK_CLIENT_SECRET,
				baseUrl: sandbox.welinkBaseUrl,
				accessToken: '',
			},
		},
		{
			id: CREDENTIAL_IDS.welinkWrongSecret,
			name: 'WeLink wrong secret (sandbox)',
			type: 'wecomWelinkWeLinkApi',
			data: {
				clientId: SANDBOX_WELINK_CLIENT_ID,
				clientSecret: 'wrong-secret',
				baseUrl: sandbox.welinkBaseUrl,
				accessToken: '',
			},
		},
	];
}

/**
 * A test workflow: a webhook at `path` receives {items: [...]}, splits them into items and runs one
 * node of the pack on them; the webhook answers with that node's output items.
 */
export function itemsWorkflow(
	id: string,
	path: string,
	node: {
		type: string;
		parameters: Record<string, unknown>;
		credentials: Record<string, { id: string; name: string }>;
		continueOnFail?: boolean;
	},
): WorkflowFixture {
	return {
		id,
		name: `E2E ${path}`,
		active: true,
		nodes: [
			{
				id: `${id}-webhook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookIdFor(path),
				parameters: {
					httpMethod: 'POST',
					path,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: `${id}-items`,
				name: 'Items',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{
				id: `${id}-node`,
				name: 'Node',
				type: node.type,
				typeVersion: 1,
				position: [440, 0],
				parameters: node.parameters,
				credentials: node.credentials,
				...(node.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Node', type: 'main', index: 0 }]] },
		},
	};
}

/** A stable UUID-shaped webhook ID per path. */
export function webhookIdFor(path: string) {
	const hex = createHash('sha1').update(path).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The webhook ID of an example's trigger (its first node may be a sticky note). */
export function webhookOf(workflow: { nodes: unknown[] }): string {
	const trigger = (workflow.nodes as Array<{ webhookId?: string }>).find((n) => n.webhookId);
	if (!trigger?.webhookId) throw new Error('this workflow has no webhook trigger');
	return trigger.webhookId;
}

export const WECOM_APP = {
	wecomWelinkWeComApi: { id: CREDENTIAL_IDS.wecomApp, name: 'WeCom self-built app (sandbox)' },
};

/**
 * The same workflow started by hand: `n8n execute` needs a Manual Trigger, so schedule triggers
 * are swapped for one (same node name, so the rest of the workflow is untouched).
 */
export function withManualStart<T extends { nodes: unknown[] }>(workflow: T): T {
	return {
		...workflow,
		nodes: (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
			node.type === 'n8n-nodes-base.scheduleTrigger'
				? { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }
				: node,
		),
	};
}

export const WECOM_CALLBACK = {
	wecomWelinkWeComCallbackApi: {
		id: CREDENTIAL_IDS.wecomCallback,
		name: 'WeCom callback (sandbox)',
	},
};
export const WECOM_CUSTOMER = {
	wecomWelinkWeComApi: {
		id: CREDENTIAL_IDS.wecomCustomer,
		name: 'WeCom customer contact (sandbox)',
	},
};

/** A trigger workflow: the trigger alone (its output is what the tests read from the execution). */
export function triggerWorkflow(
	id: string,
	node: {
		type: string;
		parameters: Record<string, unknown>;
		credentials: Record<string, { id: string; name: string }>;
	},
): WorkflowFixture {
	return {
		id,
		name: `E2E ${id}`,
		active: true,
		settings: { timezone: 'Asia/Shanghai' },
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Trigger',
				type: node.type,
				typeVersion: 1,
				position: [0, 0],
				webhookId: webhookIdFor(id),
				parameters: node.parameters,
				credentials: node.credentials,
			},
		],
		connections: {},
	};
}

/** The production URL of a trigger workflow made by triggerWorkflow. */
export function triggerUrl(n8nUrl: string, workflowId: string) {
	return `${n8nUrl}/webhook/${webhookIdFor(workflowId)}/callback`;
}

/**
 * Every secret value the fixture credentials hold (password fields, robot keys inside webhook
 * addresses), for the secret-leak scans of n8n's logs and executions.
 */
export function fixtureSecrets(credentials: CredentialFixture[]): string[] {
	return [
		...new Set(
			credentials.flatMap((c) =>
				credentialSecrets(c.type, c.data as ICredentialDataDecryptedObject),
			),
		),
	];
}
