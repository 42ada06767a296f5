import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	callbackWebhooks,
	manualWebhookMethods,
	setupNotice,
	toleranceOption,
	weComCallbackCredentialTest,
} from '../WeCom/callback/common';
import { handleWeComCallback } from '../WeCom/callback/handle';
import type { PassiveReply } from '../WeCom/callback/read';

const EVENTS = [
	{ name: 'All Messages and Events', value: '*' },
	{ name: 'App: Location Reported (LOCATION)', value: 'event:LOCATION' },
	{ name: 'App: Member Added to Visible Range (Subscribe)', value: 'event:subscribe' },
	{ name: 'App: Member Opened the App (Enter_agent)', value: 'event:enter_agent' },
	{ name: 'App: Member Removed From Visible Range (Unsubscribe)', value: 'event:unsubscribe' },
	{
		name: 'Approval: Self-Built Approval Changed (Open_approval_change)',
		value: 'event:open_approval_change',
	},
	{
		name: 'Approval: Status Changed (Sys_approval_change, 审批)',
		value: 'event:sys_approval_change',
	},
	{ name: 'Batch Job Finished (Batch_job_result)', value: 'event:batch_job_result' },
	{ name: 'Contacts: Department Created', value: 'contact:create_party' },
	{ name: 'Contacts: Department Deleted', value: 'contact:delete_party' },
	{ name: 'Contacts: Department Updated', value: 'contact:update_party' },
	{ name: 'Contacts: Member Created', value: 'contact:create_user' },
	{ name: 'Contacts: Member Deleted', value: 'contact:delete_user' },
	{ name: 'Contacts: Member Updated', value: 'contact:update_user' },
	{ name: 'Contacts: Tag Members Changed', value: 'contact:update_tag' },
	{ name: 'Menu: Click', value: 'event:click' },
	{ name: 'Menu: Location Select', value: 'event:location_select' },
	{ name: 'Menu: Open Link (View)', value: 'event:view' },
	{ name: 'Menu: Photo or Album', value: 'event:pic_photo_or_album' },
	{ name: 'Menu: Scan Code (Push)', value: 'event:scancode_push' },
	{ name: 'Menu: Scan Code (Wait for Message)', value: 'event:scancode_waitmsg' },
	{ name: 'Menu: System Camera', value: 'event:pic_sysphoto' },
	{ name: 'Menu: WeChat Album', value: 'event:pic_weixin' },
	{ name: 'Message: Image', value: 'msg:image' },
	{ name: 'Message: Link', value: 'msg:link' },
	{ name: 'Message: Location', value: 'msg:location' },
	{ name: 'Message: Text', value: 'msg:text' },
	{ name: 'Message: Video', value: 'msg:video' },
	{ name: 'Message: Voice', value: 'msg:voice' },
	{
		name: 'Template Card: Button or Option Clicked (Template_card_event)',
		value: 'event:template_card_event',
	},
	{
		name: 'Template Card: Menu Clicked (Template_card_menu_event)',
		value: 'event:template_card_menu_event',
	},
];

export class WeComTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Trigger',
		name: 'weComTrigger',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow on WeCom callbacks: messages to the app, menu clicks, card clicks, approvals, contact changes',
		defaults: { name: 'WeCom Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'wecomWelinkWeComCallbackApi', required: true, testedBy: 'weComCallbackCredentialTest' },
		],
		webhooks: callbackWebhooks,
		properties: [
			setupNotice(
				'the app’s 接收消息 → 设置API接收 (contacts-sync events: 管理工具 → 通讯录同步 → 设置接收事件服务器)',
			),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				required: true,
				default: ['*'],
				description: 'Which callbacks start the workflow; others are acknowledged and dropped',
			},
			{
				displayName: 'Passive Reply',
				name: 'reply',
				type: 'collection',
				placeholder: 'Add Reply',
				default: {},
				options: [
					{
						displayName: 'Reply Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: 'Answer member messages (text, image, …) with this text in the app chat',
					},
					{
						displayName: 'Replace Clicked Button Text',
						name: 'replaceButton',
						type: 'string',
						default: '',
						placeholder: '已处理',
						description: 'On a template card click, grey out the card’s buttons with this label',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [toleranceOption],
			},
		],
	};

	methods = { credentialTest: { weComCallbackCredentialTest } };

	webhookMethods = manualWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const events = this.getNodeParameter('events', []) as string[];
		const reply = this.getNodeParameter('reply', {}) as IDataObject;
		const handled = await handleWeComCallback(this, {
			accept: (key) => events.includes('*') || events.includes(key),
			reply: (message): PassiveReply | undefined => {
				if (reply.text && message.MsgType !== 'event')
					return { type: 'text', content: String(reply.text) };
				if (reply.replaceButton && message.Event === 'template_card_event') {
					return { type: 'updateButton', replaceName: String(reply.replaceButton) };
				}
				return undefined;
			},
		});
		if (!handled.item) return { noWebhookResponse: true };
		return {
			noWebhookResponse: true,
			workflowData: [this.helpers.returnJsonArray([handled.item])],
		};
	}
}
