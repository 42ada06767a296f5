import type {
	IDataObject,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { splitList } from '../shared/validation';
import {
	callbackWebhooks,
	manualWebhookMethods,
	setupNotice,
	toleranceOption,
	weComCallbackCredentialTest,
} from '../WeCom/callback/common';
import { handleWeComCallback } from '../WeCom/callback/handle';
import { weComApiRequest } from '../WeCom/transport';
import { event, eventsSubtitle } from '../shared/subtitles';
import { eventsField } from '../shared/triggerEvents';

const EVENTS: INodePropertyOptions[] = [
	event('Contact Added', 'external:add_external_contact', '添加企业客户'),
	event('Contact Deleted by Member', 'external:del_external_contact', '删除企业客户'),
	event('Contact Edited', 'external:edit_external_contact', '编辑企业客户'),
	event(
		'Contact Half-Added, Awaiting Confirmation',
		'external:add_half_external_contact',
		'外部联系人免验证添加成员',
	),
	event('Member Deleted by Customer', 'external:del_follow_user', '删除跟进成员'),
	event('Transfer Failed', 'external:transfer_fail', '客户接替失败'),
];

/** send_welcome_msg limits (reference §6.6): text ≤4000 bytes, ≤9 attachments, within 20 s of the event. */
const WELCOME_TEXT_MAX_BYTES = 4000;
const WELCOME_MAX_ATTACHMENTS = 9;

export class WeComExternalContactTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom External Contact Trigger',
		name: 'weComExternalContactTrigger',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(EVENTS),
		description:
			'Starts the workflow when customers (external contacts, 客户联系) are added, edited or removed',
		defaults: { name: 'WeCom External Contact Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'wecomWelinkWeComCallbackApi',
				required: true,
				testedBy: 'weComCallbackCredentialTest',
			},
			{ name: 'wecomWelinkWeComApi', required: false },
		],
		webhooks: callbackWebhooks,
		properties: [
			setupNotice(
				'客户与上下游 → 客户联系 → 客户 → API → 接收事件服务器 (or the app listed under 客户联系 → 可调用接口的应用)',
			),
			eventsField(EVENTS, ['external:add_external_contact'], false),
			{
				displayName: 'Include Contact Details',
				name: 'includeDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch the customer and the members following them (externalcontact/get) into the item. Needs the WeCom API credential (customer-contact secret, or an app allowed under 客户联系).',
			},
			{
				displayName: 'Send Welcome Message',
				name: 'sendWelcome',
				type: 'boolean',
				default: false,
				description:
					'Whether to send a welcome message with the event’s WelcomeCode right away (the code expires after 20 seconds). Needs the WeCom API credential.',
			},
			{
				displayName: 'Welcome Text',
				name: 'welcomeText',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'At most 4000 bytes',
				displayOptions: { show: { sendWelcome: [true] } },
			},
			{
				displayName: 'Welcome Image Media IDs',
				name: 'welcomeImages',
				type: 'string',
				default: '',
				description:
					'Media IDs of images to attach (Media → Upload), separated by commas; at most 9 attachments in all',
				displayOptions: { show: { sendWelcome: [true] } },
			},
			{
				displayName: 'Welcome Links',
				name: 'welcomeLinks',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Link',
				default: {},
				displayOptions: { show: { sendWelcome: [true] } },
				options: [
					{
						name: 'link',
						displayName: 'Link',
						values: [
							{
								displayName: 'Description',
								name: 'desc',
								type: 'string',
								default: '',
								description: 'At most 512 bytes',
							},
							{ displayName: 'Picture URL', name: 'picurl', type: 'string', default: '' },
							{
								displayName: 'Title',
								name: 'title',
								type: 'string',
								default: '',
								description: 'At most 128 bytes',
							},
							{ displayName: 'URL', name: 'url', type: 'string', default: '' },
						],
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
		const handled = await handleWeComCallback(this, { accept: (key) => events.includes(key) });
		if (!handled.item) return { noWebhookResponse: true };
		const item = handled.item;
		// WeCom has its answer already; the extra calls below cannot delay it.
		const welcomeCode = typeof item.WelcomeCode === 'string' ? item.WelcomeCode : '';
		if (this.getNodeParameter('sendWelcome', false) === true && welcomeCode) {
			item.welcomeMessage = await sendWelcome(this, welcomeCode);
		}
		if (
			this.getNodeParameter('includeDetails', false) === true &&
			typeof item.ExternalUserID === 'string'
		) {
			Object.assign(item, await contactDetails(this, item.ExternalUserID));
		}
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}

/** The outcome is reported on the item; a failure never stops the event from reaching the workflow. */
async function sendWelcome(ctx: IWebhookFunctions, welcomeCode: string): Promise<IDataObject> {
	const text = String(ctx.getNodeParameter('welcomeText', '') ?? '');
	const attachments: IDataObject[] = [
		...splitList(ctx.getNodeParameter('welcomeImages', '')).map((media_id) => ({
			msgtype: 'image',
			image: { media_id },
		})),
		...((ctx.getNodeParameter('welcomeLinks.link', []) as IDataObject[]) ?? []).map((link) => ({
			msgtype: 'link',
			link,
		})),
	];
	if (Buffer.byteLength(text) > WELCOME_TEXT_MAX_BYTES)
		return { sent: false, error: `Welcome Text is over ${WELCOME_TEXT_MAX_BYTES} bytes` };
	if (attachments.length > WELCOME_MAX_ATTACHMENTS)
		return { sent: false, error: `More than ${WELCOME_MAX_ATTACHMENTS} attachments` };
	if (!text && !attachments.length)
		return { sent: false, error: 'Nothing to send: add a welcome text or attachments' };
	const body: IDataObject = { welcome_code: welcomeCode };
	if (text) body.text = { content: text };
	if (attachments.length) body.attachments = attachments;
	try {
		// A welcome code works once: a repeat could only fail, so a lost answer may be retried.
		await weComApiRequest.call(ctx, {
			method: 'POST',
			path: '/cgi-bin/externalcontact/send_welcome_msg',
			body,
			idempotent: true,
			timeoutMs: 10_000,
		});
		return { sent: true };
	} catch (error) {
		return { sent: false, error: (error as Error).message };
	}
}

async function contactDetails(
	ctx: IWebhookFunctions,
	externalUserId: string,
): Promise<IDataObject> {
	try {
		const response = await weComApiRequest.call(ctx, {
			method: 'GET',
			path: '/cgi-bin/externalcontact/get',
			qs: { external_userid: externalUserId },
			idempotent: true,
		});
		return { contact: response.external_contact, followUsers: response.follow_user ?? [] };
	} catch (error) {
		return { contactError: (error as Error).message };
	}
}
