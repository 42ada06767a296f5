import type { INodeProperties } from 'n8n-workflow';

import { templateCardFields } from '../message/templateCard';
import * as send from './send.operation';

export { send };

const on = (...types: string[]) => ({
	show: { resource: ['groupRobot'], operation: ['send'], robotMessageType: types },
});

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['groupRobot'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a group robot message',
				description:
					'Post to a group chat through its robot (群机器人); paced to 20 messages per minute',
			},
		],
		default: 'send',
	},
	{
		displayName: 'Message Type',
		name: 'robotMessageType',
		type: 'options',
		options: [
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Markdown', value: 'markdown' },
			{ name: 'Markdown V2 (Tables, Lists, Code)', value: 'markdown_v2' },
			{ name: 'News', value: 'news' },
			{ name: 'Template Card', value: 'template_card' },
			{ name: 'Text', value: 'text' },
			{ name: 'Voice', value: 'voice' },
		],
		default: 'markdown',
		displayOptions: { show: { resource: ['groupRobot'], operation: ['send'] } },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		description:
			'Text: ≤2048 bytes. Markdown: ≤4096 bytes, &lt;font color="info|comment|warning"&gt; and &lt;@userid&gt; mentions. Markdown V2: ≤4096 bytes, tables and lists, no colours or mentions.',
		displayOptions: on('text', 'markdown', 'markdown_v2'),
	},
	{
		displayName: 'Mention Member IDs',
		name: 'mentionedList',
		type: 'string',
		default: '',
		placeholder: 'zhangsan, @all',
		description: 'Members to @mention, separated by commas; @all for everyone',
		displayOptions: on('text'),
	},
	{
		displayName: 'Mention Mobiles',
		name: 'mentionedMobileList',
		type: 'string',
		default: '',
		description:
			'Mobile numbers (5–32 digits, optionally with + and -) to @mention, separated by commas; @all for everyone',
		displayOptions: on('text'),
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'Image: JPG/PNG ≤2 MB (sent inline). File: ≤20 MB. Voice: AMR ≤2 MB. Files and voice are uploaded through the robot first.',
		displayOptions: on('image', 'file', 'voice'),
	},
	{
		displayName: 'Articles',
		name: 'robotArticles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Article',
		default: {},
		description: '1 to 8 articles',
		displayOptions: on('news'),
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
						description: 'At most 512 bytes',
					},
					{
						displayName: 'Picture URL',
						name: 'picurl',
						type: 'string',
						default: '',
						description: 'JPG/PNG; http(s), at most 2048 bytes',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'At most 128 bytes',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						description: 'Link opened on tap; http(s), at most 2048 bytes',
					},
				],
			},
		],
	},
	...templateCardFields(
		{ resource: ['groupRobot'], operation: ['send'], robotMessageType: ['template_card'] },
		true,
	),
];
