import type {
	IDataObject,
	INodePropertyOptions,
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
import { event, eventsSubtitle } from '../shared/subtitles';
import { acceptedEvents, eventsField } from '../shared/triggerEvents';
import type { PassiveReply } from '../WeCom/callback/read';

const EVENTS: INodePropertyOptions[] = [
	{ name: 'All Messages and Events', value: '*' },
	event('App: Location Reported', 'event:LOCATION', '上报地理位置'),
	event('App: Member Added to Visible Range', 'event:subscribe', '成员关注'),
	event('App: Member Opened the App', 'event:enter_agent', '进入应用'),
	event('App: Member Removed From Visible Range', 'event:unsubscribe', '成员取消关注'),
	event(
		'Approval: Self-Built Approval Changed',
		'event:open_approval_change',
		'自建应用审批状态变化',
	),
	event('Approval: Status Changed', 'event:sys_approval_change', '审批申请状态变化'),
	event('Batch Job Finished', 'event:batch_job_result', '异步任务完成'),
	event('Contacts: Department Created', 'contact:create_party', '新增部门'),
	event('Contacts: Department Deleted', 'contact:delete_party', '删除部门'),
	event('Contacts: Department Updated', 'contact:update_party', '更新部门'),
	event('Contacts: Member Created', 'contact:create_user', '新增成员'),
	event('Contacts: Member Deleted', 'contact:delete_user', '删除成员'),
	event('Contacts: Member Updated', 'contact:update_user', '更新成员'),
	event('Contacts: Tag Members Changed', 'contact:update_tag', '标签成员变更'),
	event('Menu: Click', 'event:click', '点击菜单拉取消息'),
	event('Menu: Location Select', 'event:location_select', '弹出地理位置选择器'),
	event('Menu: Open Link', 'event:view', '点击菜单跳转链接'),
	event('Menu: Photo or Album', 'event:pic_photo_or_album', '弹出拍照或者相册发图'),
	event('Menu: Scan Code (Push)', 'event:scancode_push', '扫码推事件'),
	event('Menu: Scan Code (Wait for Message)', 'event:scancode_waitmsg', '扫码推事件且弹出提示框'),
	event('Menu: System Camera', 'event:pic_sysphoto', '弹出系统拍照发图'),
	event('Menu: Weixin Album', 'event:pic_weixin', '弹出微信相册发图器'),
	event('Message: Image', 'msg:image', '图片消息'),
	event('Message: Link', 'msg:link', '链接消息'),
	event('Message: Location', 'msg:location', '位置消息'),
	event('Message: Text', 'msg:text', '文本消息'),
	event('Message: Video', 'msg:video', '视频消息'),
	event('Message: Voice', 'msg:voice', '语音消息'),
	event('Template Card: Button or Option Clicked', 'event:template_card_event', '模板卡片事件'),
	event('Template Card: Menu Clicked', 'event:template_card_menu_event', '模板卡片右上角菜单事件'),
];

export class WeComTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Trigger',
		name: 'weComTrigger',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(EVENTS),
		description:
			'Starts the workflow on WeCom callbacks: messages to the app, menu clicks, card clicks, approvals, contact changes',
		defaults: { name: 'WeCom Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'wecomWelinkWeComCallbackApi',
				required: true,
				testedBy: 'weComCallbackCredentialTest',
			},
		],
		webhooks: callbackWebhooks,
		properties: [
			setupNotice(
				'the app’s 接收消息 → 设置API接收 (contacts-sync events: 管理工具 → 通讯录同步 → 设置接收事件服务器)',
			),
			eventsField(EVENTS),
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
		const reply = this.getNodeParameter('reply', {}) as IDataObject;
		const handled = await handleWeComCallback(this, {
			accept: acceptedEvents(this),
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
