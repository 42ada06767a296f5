import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	credentialRoundTrip,
	manualWebhookMethods,
	toleranceOption,
} from '../WeCom/callback/common';
import { handleAiBotCallback } from '../WeCom/aibot/handle';
import { AIBOT_RECEIVE_ID, aiBotConfig } from '../WeCom/aibot/read';
import { event, eventsSubtitle } from '../shared/subtitles';
import { acceptedEvents, eventsField } from '../shared/triggerEvents';

const EVENTS: INodePropertyOptions[] = [
	{ name: 'All Messages and Events', value: '*' },
	event('Chat Opened (First Time Today)', 'event:enter_chat', '进入会话事件'),
	event('Feedback on an Answer', 'event:feedback_event', '用户反馈事件'),
	event('Message: File (Single Chat)', 'message:file', '文件消息'),
	event('Message: Image (Single Chat)', 'message:image', '图片消息'),
	event('Message: Text', 'message:text', '文本消息'),
	event('Message: Text and Images', 'message:mixed', '图文混排消息'),
	event('Message: Video (Single Chat)', 'message:video', '视频消息'),
	event('Message: Voice as Text (Single Chat)', 'message:voice', '语音消息'),
	event('Template Card: Button or Option Clicked', 'event:template_card_event', '模板卡片事件'),
];

async function weComAiBotCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return credentialRoundTrip(
		() => ({ key: aiBotConfig(credential.data ?? {}).key, receiveId: AIBOT_RECEIVE_ID }),
		'Token and EncodingAESKey are well-formed. WeCom verifies them when you save the bot’s API settings.',
	);
}

export class WeComAiBotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom AI Bot Trigger',
		name: 'weComAiBotTrigger',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(EVENTS),
		description:
			'Starts the workflow when a member writes to a WeCom AI bot (智能机器人) or @-mentions it in a group, and streams the answer back',
		defaults: { name: 'WeCom AI Bot Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'wecomWelinkWeComAiBotApi',
				required: true,
				testedBy: 'weComAiBotCredentialTest',
			},
		],
		// WeCom's URL check (GET) and its messages (POST) share the URL. The POST is declared as n8n's
		// streaming response so the AI Agent streams its answer into the WeCom stream (see aibot/chunks.ts).
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'callback' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'streaming', path: 'callback' },
		],
		properties: [
			{
				displayName:
					'Activate this workflow, then paste its <b>Production URL</b> (above) with the credential’s Token and EncodingAESKey into the bot’s API mode (智能机器人 → API模式). WeCom checks the URL when you save it. Answer with the WeCom node’s <b>AI Bot → Reply</b>; an AI Agent’s streamed answer appears as it is written.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			eventsField(EVENTS, [
				'message:text',
				'message:mixed',
				'message:image',
				'message:voice',
				'message:file',
				'message:video',
			]),
			{
				displayName: 'Reply Mode',
				name: 'replyMode',
				type: 'options',
				options: [
					{
						name: 'Stream (Answer Appears as It Is Written)',
						value: 'stream',
						description:
							'The member sees the thinking text at once, then the answer as it streams in. Needs WeCom’s refresh callbacks to reach this n8n process (regular mode).',
					},
					{
						name: 'Response URL (Queue Mode)',
						value: 'responseUrl',
						description:
							'WeCom gets an empty acknowledgement; AI Bot → Reply sends the whole answer once through the message’s response_url (valid 1 hour)',
					},
				],
				default: 'stream',
			},
			{
				displayName: 'Thinking Text',
				name: 'thinkingText',
				type: 'string',
				default: '正在思考…',
				description: 'Shown at once, until the answer starts',
				displayOptions: { show: { replyMode: ['stream'] } },
			},
			{
				displayName: 'Fallback Answer',
				name: 'fallbackText',
				type: 'string',
				default: '抱歉，暂时无法回答，请稍后再试。',
				description:
					'Shown when the execution ends without an answer or fails, so the member is never left waiting',
				displayOptions: { show: { replyMode: ['stream'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Download Images',
						name: 'downloadImages',
						type: 'boolean',
						default: false,
						description:
							'Whether to download and decrypt the images of image and mixed messages into binary fields image0, image1, … (for vision models)',
					},
					toleranceOption,
					{
						displayName: 'Welcome Text',
						name: 'welcomeText',
						type: 'string',
						default: '',
						description:
							'Answer to a member opening the chat for the first time each day (enter_chat)',
					},
				],
			},
		],
	};

	methods = { credentialTest: { weComAiBotCredentialTest } };

	webhookMethods = manualWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const replyMode = this.getNodeParameter('replyMode', 'stream') as 'stream' | 'responseUrl';
		return await handleAiBotCallback(this, {
			accept: acceptedEvents(this),
			replyMode,
			thinkingText: String(this.getNodeParameter('thinkingText', '') ?? ''),
			fallbackText: String(this.getNodeParameter('fallbackText', '') ?? ''),
			welcomeText: String(options.welcomeText ?? ''),
			downloadImages: options.downloadImages === true,
			toleranceSeconds: Number(options.toleranceSeconds ?? 300),
		});
	}
}
