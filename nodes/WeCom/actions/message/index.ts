import type { INodeProperties } from 'n8n-workflow';

import { contentFields } from './content';
import * as recall from './recall.operation';
import { recipientFields } from './recipients';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendNoticeIfSlow from './sendNoticeIfSlow.operation';
import { templateCardFields } from './templateCard';
import * as updateTemplateCard from './updateTemplateCard.operation';

export { recall, send, sendAndWait, sendNoticeIfSlow, updateTemplateCard };

const show = (...operation: string[]) => ({ show: { resource: ['message'], operation } });

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
				description: 'Recall a sent message (all calls of a split send) within 24 hours (撤回)',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description:
					'Send an app message of any type to any number of members, departments or tags',
			},
			{
				name: 'Send and Wait for Response',
				value: 'sendAndWait',
				action: 'Send message and wait for response',
				description: 'Send an approve/decline card and pause until a member answers',
			},
			{
				name: 'Send Notice If Slow',
				value: 'sendNoticeIfSlow',
				action: 'Send a notice if the answer is slow',
				description:
					'Tell a member "正在思考…" when no answer reaches them within a few seconds (e.g. before an AI agent); the answer cancels it',
			},
			{
				name: 'Update Template Card',
				value: 'updateTemplateCard',
				action: 'Update a template card',
				description: 'Replace a sent card’s button text, or the whole card, by its response code',
			},
		],
		default: 'send',
	},
	...recipientFields(['send', 'sendAndWait']),
	...contentFields('send'),
	...templateCardFields({
		resource: ['message'],
		operation: ['send'],
		messageType: ['template_card'],
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('send'),
		options: [
			{
				displayName: 'Confidential',
				name: 'safe',
				type: 'options',
				options: [
					{ name: 'No (Shareable)', value: 0 },
					{ name: 'Confidential (Watermark, No Sharing)', value: 1 },
					{ name: 'Only Inside the Corp (MPNews)', value: 2 },
				],
				default: 0,
				description:
					'Whether the message may be shared (保密消息); for text, image, video, file and MPNews',
			},
			{
				displayName: 'Duplicate Check',
				name: 'duplicateCheck',
				type: 'boolean',
				default: true,
				description:
					'Whether WeCom delivers a send identical to an earlier one of this app (same recipients, content and options) only once within the Duplicate Check Window (default 30 minutes, at most 4 hours). WeCom answers the repeat as sent but delivers nothing; the output shows it as duplicateSuppressed. On by default: it also lets the node safely repeat a send whose answer was lost.',
			},
			{
				displayName: 'Duplicate Check Window (Seconds)',
				name: 'duplicateCheckInterval',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 14400 },
				default: 1800,
				description:
					'How long WeCom holds back identical sends: 1 to 14,400 seconds (4 hours), 1,800 (30 minutes) by default',
			},
			{
				displayName: 'Split Long Text',
				name: 'splitLongText',
				type: 'boolean',
				default: false,
				description:
					'Whether text or markdown over WeCom’s 2,048 bytes is sent as several messages (at most 10), split between paragraphs or lines, e.g. for an AI agent’s answer',
			},
			{
				displayName: 'Translate IDs',
				name: 'enableIdTrans',
				type: 'boolean',
				default: false,
				description:
					'Whether WeCom shows member and department names for IDs in the text (ID 转译)',
			},
		],
	},

	...sendAndWait.sendAndWaitFields,
	...sendNoticeIfSlow.description,

	{
		displayName: 'Message IDs',
		name: 'msgIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.msgIds }}',
		description: 'The msgIds of a Send output (an array or IDs separated by commas)',
		displayOptions: show('recall'),
	},

	{
		displayName: 'Response Code',
		name: 'responseCode',
		type: 'string',
		required: true,
		default: '',
		description:
			'The responseCode of the send, or the ResponseCode of the click event; each code works once, for 72 hours',
		displayOptions: show('updateTemplateCard'),
	},
	{
		displayName: 'Whose Cards',
		name: 'updateScope',
		type: 'options',
		options: [
			{ name: 'Everyone Who Received It', value: 'all' },
			{ name: 'Specific Members, Departments or Tags', value: 'specific' },
		],
		default: 'all',
		displayOptions: show('updateTemplateCard'),
	},
	...[
		[
			'Member IDs',
			'updateMembers',
			'At most 1,000, separated by commas (or an array from an expression)',
		],
		['Department IDs', 'updateDepartments', 'At most 100'],
		['Tag IDs', 'updateTags', 'At most 100'],
	].map(
		([displayName, name, description]): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: '',
			description,
			displayOptions: {
				show: {
					resource: ['message'],
					operation: ['updateTemplateCard'],
					updateScope: ['specific'],
				},
			},
		}),
	),
	{
		displayName: 'Update',
		name: 'updateMode',
		type: 'options',
		options: [
			{
				name: 'Replace Button Text',
				value: 'button',
				description: 'Grey out the buttons with a new label (e.g. "已同意")',
			},
			{ name: 'Replace the Whole Card', value: 'card' },
		],
		default: 'button',
		displayOptions: show('updateTemplateCard'),
	},
	{
		displayName: 'New Button Text',
		name: 'replaceButtonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: '已处理',
		displayOptions: {
			show: { resource: ['message'], operation: ['updateTemplateCard'], updateMode: ['button'] },
		},
	},
	...templateCardFields({
		resource: ['message'],
		operation: ['updateTemplateCard'],
		updateMode: ['card'],
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('updateTemplateCard'),
		options: [
			{
				displayName: 'Translate IDs',
				name: 'enableIdTrans',
				type: 'boolean',
				default: false,
				description: 'Whether WeCom shows names for IDs in the card',
			},
		],
	},
];
