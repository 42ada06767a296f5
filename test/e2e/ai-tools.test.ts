import { sendWeComCallback } from '../../sandbox/callbacks.cjs';
import { llmOf } from '../../sandbox/llm.cjs';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { SANDBOX_CALLBACK, SANDBOX_CORP_ID } from '../../sandbox/wecom/apps.cjs';
import {
	CREDENTIAL_IDS,
	sandboxCredentials,
	triggerUrl,
	WECOM_APP,
	WECOM_CALLBACK,
	webhookIdFor,
} from './fixtures.cjs';
import { cleanup, startN8n, waitFor, type N8n, type WorkflowFixture } from './lab.cjs';

/**
 * The WeCom node as a tool of n8n's AI Agent: the agent is asked to tell a colleague something, the
 * model (the sandbox's stand-in) calls the tool n8n made of Message → Send with the fields the node
 * left to the model ($fromAI), the colleague gets the message, and the asker gets the confirmation.
 */

const ID = 'e2eAiAgentTools1';
const CHAT_MODEL = {
	openAiApi: { id: CREDENTIAL_IDS.chatModel, name: 'Chat model (sandbox stand-in)' },
};

const workflow: WorkflowFixture = {
	id: ID,
	name: 'AI agent with a WeCom tool',
	active: true,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: `${ID}-trigger`,
			name: 'Trigger',
			type: 'n8n-nodes-wecom-welink.weComTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: webhookIdFor(ID),
			parameters: { events: ['msg:text'] },
			credentials: WECOM_CALLBACK,
		},
		{
			id: `${ID}-agent`,
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3,
			position: [240, 0],
			parameters: { promptType: 'define', text: '={{ $json.Content }}', options: {} },
		},
		{
			id: `${ID}-model`,
			name: 'Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.2,
			position: [200, 200],
			parameters: { model: { __rl: true, mode: 'id', value: 'sandbox-chat' }, options: {} },
			credentials: CHAT_MODEL,
		},
		{
			id: `${ID}-tool`,
			name: 'Message a Colleague',
			type: 'n8n-nodes-wecom-welink.weComTool',
			typeVersion: 1,
			position: [360, 200],
			parameters: {
				resource: 'message',
				operation: 'send',
				toAll: false,
				recipients: {
					members: "={{ $fromAI('memberId', 'The member ID (账号) of the colleague', 'string') }}",
				},
				messageType: 'text',
				content: "={{ $fromAI('message', 'What to tell them', 'string') }}",
			},
			credentials: WECOM_APP,
		},
		{
			id: `${ID}-answer`,
			name: 'Answer',
			type: 'n8n-nodes-wecom-welink.weCom',
			typeVersion: 1,
			position: [520, 0],
			parameters: {
				resource: 'message',
				operation: 'send',
				toAll: false,
				recipients: { members: "={{ $('Trigger').item.json.fromUser }}" },
				messageType: 'markdown',
				content: '={{ $json.output }}',
			},
			credentials: WECOM_APP,
		},
	],
	connections: {
		Trigger: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'AI Agent': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
		'Chat Model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
		'Message a Colleague': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	},
};

describe('the WeCom node as an AI-agent tool in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows: [workflow] });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('the agent sends a member a message through the tool, and confirms to the asker', async () => {
		const from = sandbox.state.wecom.messages.sent.length;
		const result = await sendWeComCallback(
			{
				url: triggerUrl(n8n.webhookUrl, ID),
				token: SANDBOX_CALLBACK.token,
				encodingAesKey: SANDBOX_CALLBACK.encodingAesKey,
				receiveId: SANDBOX_CORP_ID,
			},
			{
				ToUserName: SANDBOX_CORP_ID,
				FromUserName: 'zhangsan',
				CreateTime: Math.floor(Date.now() / 1000),
				MsgType: 'text',
				Content: '通知 lisi：明天的周会改到下午三点',
				MsgId: '7470000000000000001',
				AgentID: 1000002,
			},
		);
		expect(result.status).toBe(200);
		await waitFor(async () => sandbox.state.wecom.messages.sent.length >= from + 2, 60_000);
		const sent = sandbox.state.wecom.messages.sent
			.slice(from)
			.map((m) => ({ to: m.delivered, msgtype: m.msgtype, content: m.payload.content }));
		expect(sent).toEqual([
			{ to: ['lisi'], msgtype: 'text', content: '明天的周会改到下午三点' },
			{ to: ['zhangsan'], msgtype: 'markdown', content: '已通知 lisi：明天的周会改到下午三点' },
		]);
		// What the model was told about the tool: n8n's description of the chosen action.
		const offered = llmOf(sandbox.state).calls[0].tools;
		expect(offered).toEqual([
			{ name: 'Message_a_Colleague', description: expect.stringContaining('Send a message') },
		]);
	}, 120_000);
});
