import type { INodeProperties } from 'n8n-workflow';

import { RESOURCE, show } from './fields';

/**
 * Message types of message/send (reference §3.1) with their fields and documented limits; the
 * content is read in contentWire.ts and checked in contentChecks.ts.
 */

export const MESSAGE_TYPES = [
	{ name: 'File', value: 'file' },
	{ name: 'Image', value: 'image' },
	{ name: 'Markdown', value: 'markdown' },
	{ name: 'Mini Program Notice', value: 'miniprogram_notice' },
	{ name: 'MPNews (Article With Content)', value: 'mpnews' },
	{ name: 'News (Link Articles)', value: 'news' },
	{ name: 'Template Card', value: 'template_card' },
	{ name: 'Text', value: 'text' },
	{ name: 'Text Card', value: 'textcard' },
	{ name: 'Video', value: 'video' },
	{ name: 'Voice', value: 'voice' },
];

const MEDIA_TYPES = ['image', 'voice', 'video', 'file'];

export function contentFields(operation: string): INodeProperties[] {
	const on = (...types: string[]) => ({
		show: { resource: [RESOURCE], operation: [operation], messageType: types },
	});
	return [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: MESSAGE_TYPES,
			default: 'text',
			displayOptions: show(operation),
		},
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description:
				'Text (≤2048 bytes; links as &lt;a href="…"&gt;) or markdown (≤2048 bytes, WeCom’s markdown subset)',
			displayOptions: on('text', 'markdown'),
		},
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			options: [
				{ name: 'Binary File From the Input Item', value: 'binary' },
				{ name: 'Media ID (Already Uploaded)', value: 'mediaId' },
			],
			default: 'binary',
			displayOptions: on(...MEDIA_TYPES),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'Uploaded for you. Image: JPG/PNG ≤10 MB; voice: AMR ≤2 MB; video: MP4 ≤10 MB; file: ≤20 MB.',
			displayOptions: { show: { ...on(...MEDIA_TYPES).show, mediaSource: ['binary'] } },
		},
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			default: '',
			required: true,
			description: 'A temporary media ID (valid 3 days), e.g. from Media → Upload',
			displayOptions: { show: { ...on(...MEDIA_TYPES).show, mediaSource: ['mediaId'] } },
		},
		{
			displayName: 'Video Title',
			name: 'videoTitle',
			type: 'string',
			default: '',
			description: 'At most 128 bytes',
			displayOptions: on('video'),
		},
		{
			displayName: 'Video Description',
			name: 'videoDescription',
			type: 'string',
			default: '',
			description: 'At most 512 bytes',
			displayOptions: on('video'),
		},
		{
			displayName: 'Title',
			name: 'cardTitle',
			type: 'string',
			required: true,
			default: '',
			description: 'At most 128 bytes',
			displayOptions: on('textcard'),
		},
		{
			displayName: 'Description',
			name: 'cardDescription',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			description:
				'At most 512 bytes. Supports &lt;div class="gray"&gt;, "highlight", "normal" and &lt;br&gt;.',
			displayOptions: on('textcard'),
		},
		{
			displayName: 'URL',
			name: 'cardUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://…',
			description: 'Opened when the card is tapped; http(s), at most 2048 bytes',
			displayOptions: on('textcard'),
		},
		{
			displayName: 'Button Text',
			name: 'cardButtonText',
			type: 'string',
			default: '',
			placeholder: '详情',
			description: 'At most 4 characters; WeCom shows "详情" when empty',
			displayOptions: on('textcard'),
		},
		{
			displayName: 'Articles',
			name: 'articles',
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
							displayName: 'Mini Program App ID',
							name: 'appid',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Mini Program Page',
							name: 'pagepath',
							type: 'string',
							default: '',
							description: 'At most 128 bytes;	used with the App ID instead of the URL',
						},
						{
							displayName: 'Picture URL',
							name: 'picurl',
							type: 'string',
							default: '',
							description: 'JPG/PNG;	1068×455 for the large one, 150×150 for small ones',
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
							description: 'Link opened on tap (or set Mini Program App ID and Page)',
						},
					],
				},
			],
		},
		{
			displayName: 'Articles',
			name: 'mpArticles',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Article',
			default: {},
			description: '1 to 8 articles stored in WeCom',
			displayOptions: on('mpnews'),
			options: [
				{
					name: 'article',
					displayName: 'Article',
					values: [
						{
							displayName: 'Author',
							name: 'author',
							type: 'string',
							default: '',
							description: 'At most 64 bytes',
						},
						{
							displayName: 'Content (HTML)',
							name: 'content',
							type: 'string',
							default: '',
							description: 'Article body, HTML, at most 666 KB',
						},
						{
							displayName: 'Digest',
							name: 'digest',
							type: 'string',
							default: '',
							description: 'Summary, at most 512 bytes',
						},
						{
							displayName: 'Source URL',
							name: 'content_source_url',
							type: 'string',
							default: '',
							description: "'Read more' link",
						},
						{
							displayName: 'Thumbnail Media ID',
							name: 'thumb_media_id',
							type: 'string',
							default: '',
							description: 'Media ID of the cover image (Media	→	Upload)',
						},
						{
							displayName: 'Title',
							name: 'title',
							type: 'string',
							default: '',
							description: 'At most 128 bytes',
						},
					],
				},
			],
		},
		{
			displayName: 'Mini Program App ID',
			name: 'miniAppId',
			type: 'string',
			required: true,
			default: '',
			description: 'A mini program linked to the app',
			displayOptions: on('miniprogram_notice'),
		},
		{
			displayName: 'Title',
			name: 'miniTitle',
			type: 'string',
			required: true,
			default: '',
			description: '4 to 12 characters',
			displayOptions: on('miniprogram_notice'),
		},
		{
			displayName: 'Notice Fields',
			name: 'miniOptions',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: on('miniprogram_notice'),
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: '4 to 12 characters',
				},
				{
					displayName: 'Emphasise First Item',
					name: 'emphasis_first_item',
					type: 'boolean',
					default: false,
					description: 'Whether the first content item is shown large',
				},
				{
					displayName: 'Page',
					name: 'page',
					type: 'string',
					default: '',
					description: 'Page opened on tap, at most 1024 bytes; empty = no jump',
				},
			],
		},
		{
			displayName: 'Content Items',
			name: 'miniItems',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Item',
			default: {},
			description: 'Up to 10 key/value rows',
			displayOptions: on('miniprogram_notice'),
			options: [
				{
					name: 'item',
					displayName: 'Item',
					values: [
						{
							displayName: 'Key',
							name: 'key',
							type: 'string',
							default: '',
							description: 'At most 10 characters',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'At most 30 characters',
						},
					],
				},
			],
		},
	];
}
