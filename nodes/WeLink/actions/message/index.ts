import type { INodeProperties } from 'n8n-workflow';

import { usersField } from '../common/fields';
import { messageOptions } from './content';
import * as recall from './recall.operation';
import { recipientFields } from './recipients';
import * as sendAppCard from './sendAppCard.operation';
import * as sendImage from './sendImage.operation';
import * as sendNews from './sendNews.operation';
import * as sendPlainCard from './sendPlainCard.operation';
import * as sendPublicAccountText from './sendPublicAccountText.operation';
import * as updateStatus from './updateStatus.operation';

export {
	recall,
	sendAppCard,
	sendImage,
	sendNews,
	sendPlainCard,
	sendPublicAccountText,
	updateStatus,
};

const show = (...operation: string[]) => ({ show: { resource: ['message'], operation } });

const BILINGUAL = 'Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.';

const IMAGE_URL =
	'The address WeLink returned for an image uploaded to WeLink (图片需先上传至WeLink). WeLink’s open API has no image upload, so the node cannot upload binary data for you.';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Recall',
				value: 'recall',
				action: 'Recall a message',
				description: 'Withdraw a card, image or news message from everyone (撤回消息)',
			},
			{
				name: 'Send App Card',
				value: 'sendAppCard',
				action: 'Send an app card',
				description: 'Card with key/value rows and buttons (应用卡片)',
			},
			{
				name: 'Send Image',
				value: 'sendImage',
				action: 'Send an image',
				description: 'Image message with an optional link (图片消息)',
			},
			{
				name: 'Send News',
				value: 'sendNews',
				action: 'Send news articles',
				description: 'One to five linked articles (图文消息)',
			},
			{
				name: 'Send Plain Card',
				value: 'sendPlainCard',
				action: 'Send a plain card',
				description:
					'Title, text and link in the notification centre or a public account (普通卡片)',
			},
			{
				name: 'Send Public Account Text',
				value: 'sendPublicAccountText',
				action: 'Send a public account text message',
				description: 'Legacy public account message with a link (公众号消息)',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update a card status',
				description: 'Change the status shown on a sent card, e.g. to 已处理 (更新消息状态)',
			},
		],
		default: 'sendPlainCard',
	},

	...recipientFields(),

	// Plain card, public account text
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: '审批',
		description:
			'Small label above the message (msgOwner), at most 18 bytes (6 Chinese characters)',
		displayOptions: show('sendPlainCard', 'sendPublicAccountText'),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description:
			'Message title, at most 128 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
		displayOptions: show('sendPlainCard', 'sendPublicAccountText', 'sendAppCard'),
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description:
			'Message text, at most 512 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
		displayOptions: show('sendPlainCard', 'sendPublicAccountText'),
	},
	{
		displayName: 'Link URL',
		name: 'link',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/approval/42',
		description: 'Opened when the message is tapped (http(s), or h5://… for a We码 app)',
		displayOptions: show('sendAppCard', 'sendPublicAccountText'),
	},

	// App card
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Row',
		default: {},
		description: 'Key/value lines of the card (contentList); WeLink shows at most 5',
		displayOptions: show('sendAppCard'),
		options: [
			{
				name: 'row',
				displayName: 'Row',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: '申请人',
						description:
							'At most 128 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '张三',
						description:
							'At most 256 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 2 side by side, or 3 with the vertical Button Layout',
		displayOptions: show('sendAppCard'),
		options: [
			{
				name: 'button',
				displayName: 'Button',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: '去审批',
						description: BILINGUAL,
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						description: 'Opened when the button is tapped',
					},
				],
			},
		],
	},

	// Image
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://open.welink.huaweicloud.com/tinyimage/v2/images/…',
		description: IMAGE_URL,
		displayOptions: show('sendImage'),
	},

	// News
	{
		displayName: 'Articles',
		name: 'articles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Article',
		default: {},
		description: 'One to five articles; one makes a single-article message',
		displayOptions: show('sendNews'),
		options: [
			{
				name: 'article',
				displayName: 'Article',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: `${BILINGUAL} Optional, at most 140 bytes (46 Chinese characters)`,
					},
					{
						displayName: 'Image URL',
						name: 'imageUrl',
						type: 'string',
						required: true,
						default: '',
						description: `Cover image (required). ${IMAGE_URL} WeLink suggests 16:9 for the first article and 1:1 for the others.`,
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						required: true,
						default: '',
						description: `${BILINGUAL} At most 18 bytes (6 Chinese characters)`,
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						required: true,
						default: '',
						description: 'Opened when the article is tapped (newsUrl)',
					},
				],
			},
		],
	},

	// Update status, recall
	{
		displayName: 'Item ID',
		name: 'itemId',
		type: 'string',
		required: true,
		default: '',
		description: 'The itemId output of the send',
		displayOptions: show('updateStatus', 'recall'),
	},
	usersField({
		name: 'users',
		displayName: 'User Names or IDs',
		description: 'Recipients whose copy of the card to update; any number, sent 1,000 per call.',
		displayOptions: show('updateStatus'),
	}),
	{
		displayName: 'Status (Chinese)',
		name: 'statusCn',
		type: 'string',
		required: true,
		default: '',
		placeholder: '已处理',
		description: 'New status in Chinese, 2–5 characters',
		displayOptions: show('updateStatus'),
	},
	{
		displayName: 'Status (English)',
		name: 'statusEn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Done',
		description: 'New status in English, 2–10 characters',
		displayOptions: show('updateStatus'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('updateStatus'),
		options: [
			{
				displayName: 'Public Account ID',
				name: 'publicAccountId',
				type: 'string',
				default: '',
				description:
					'Required when the card was sent through a custom public account (publicAccID)',
			},
			{
				displayName: 'Status Color',
				name: 'statusColor',
				type: 'options',
				default: '0',
				options: [
					{ name: 'Green', value: '2' },
					{ name: 'Grey', value: '0' },
					{ name: 'Yellow', value: '1' },
				],
				description: 'Color of the new status (this API’s own color codes)',
			},
		],
	},

	messageOptions('sendPlainCard', [
		'devices',
		'link',
		'pcLink',
		'publicAccountId',
		'statusCn',
		'statusEn',
		'statusColor',
		'strongReminder',
	]),
	messageOptions('sendAppCard', [
		'buttonLayout',
		'devices',
		'publicAccountId',
		'statusCn',
		'statusEn',
		'statusColor',
		'strongReminder',
	]),
	messageOptions('sendImage', ['devices', 'link', 'publicAccountId']),
	messageOptions('sendNews', ['devices', 'publicAccountId']),
	messageOptions('sendPublicAccountText', [
		'displayMode',
		'pcLink',
		'publicAccountId',
		'strongReminder',
	]),
];
