import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkText, inputError, stringParam } from '../../../shared/validation';
import { readMediaFile, TEMPORARY_MEDIA, type MediaFile, type MediaType } from '../media/rules';
import { splitText } from './split';

/**
 * Message types of message/send (reference §3.1) with their fields and documented limits.
 * Where the docs disagree on bytes vs characters, bytes (the stricter reading) are enforced.
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
		show: { resource: ['message'], operation: [operation], messageType: types },
	});
	return [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			options: MESSAGE_TYPES,
			default: 'text',
			displayOptions: { show: { resource: ['message'], operation: [operation] } },
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

export interface MessageContent {
	msgtype: string;
	/** The payload object under the msgtype key; media_id is filled in after upload. */
	payload: IDataObject;
	/** A binary file to upload before sending. */
	upload?: { file: MediaFile; type: MediaType };
	/** A long text split into several messages (option Split Long Text), sent in order. */
	parts?: string[];
}

/** How many messages one long text may become (a runaway answer is refused, not sent as 50). */
export const MAX_SPLIT_PARTS = 10;

const HTTP_URL = /^https?:\/\/\S+$/i;

/** An http(s) link of at most 2048 bytes (news url/picurl, textcard url; also group robot news). */
export function checkUrl(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: string,
	required: boolean,
) {
	if (!value) {
		if (required) throw inputError(ctx, i, field, 'is required', 'Enter an http(s) link.');
		return;
	}
	if (!HTTP_URL.test(value))
		throw inputError(
			ctx,
			i,
			field,
			`"${value.slice(0, 60)}" is not an http(s) URL`,
			'Links must start with http:// or https://.',
		);
	checkText(ctx, i, value, { field, max: 2048, unit: 'bytes' });
}

export async function readContent(
	ctx: IExecuteFunctions,
	i: number,
	msgtype: string,
): Promise<MessageContent> {
	switch (msgtype) {
		case 'text':
		case 'markdown': {
			const content = ctx.getNodeParameter('content', i, '') as string;
			const split = (ctx.getNodeParameter('options', i, {}) as IDataObject).splitLongText === true;
			const parts = split ? splitText(content, 2048) : [content];
			checkText(ctx, i, parts.length > 1 ? parts[0] : content, {
				field: 'Content',
				max: 2048,
				unit: 'bytes',
				required: true,
				fix: 'WeCom cuts longer text; turn on the option Split Long Text, or shorten it.',
			});
			if (parts.length > MAX_SPLIT_PARTS)
				throw inputError(
					ctx,
					i,
					'Content',
					`would be ${parts.length} messages; at most ${MAX_SPLIT_PARTS} are sent for one text`,
					'Shorten the text (about 20 KB at most).',
				);
			return parts.length > 1
				? { msgtype, payload: { content: parts[0] }, parts }
				: { msgtype, payload: { content } };
		}
		case 'image':
		case 'voice':
		case 'video':
		case 'file': {
			const payload: IDataObject = {};
			if (msgtype === 'video') {
				const title = stringParam(ctx, 'videoTitle', i);
				const description = stringParam(ctx, 'videoDescription', i);
				checkText(ctx, i, title, { field: 'Video Title', max: 128, unit: 'bytes' });
				checkText(ctx, i, description, { field: 'Video Description', max: 512, unit: 'bytes' });
				if (title) payload.title = title;
				if (description) payload.description = description;
			}
			if (ctx.getNodeParameter('mediaSource', i, 'binary') === 'mediaId') {
				const mediaId = stringParam(ctx, 'mediaId', i);
				if (!mediaId)
					throw inputError(
						ctx,
						i,
						'Media ID',
						'is required',
						'Upload the file with Media → Upload, or choose "Binary File".',
					);
				return { msgtype, payload: { media_id: mediaId, ...payload } };
			}
			const property = stringParam(ctx, 'binaryPropertyName', i) || 'data';
			const type = msgtype as MediaType;
			const file = await readMediaFile(
				ctx,
				i,
				property,
				TEMPORARY_MEDIA[type],
				'Input Binary Field',
			);
			return { msgtype, payload, upload: { file, type } };
		}
		case 'textcard': {
			const title = stringParam(ctx, 'cardTitle', i);
			const description = ctx.getNodeParameter('cardDescription', i, '') as string;
			const link = stringParam(ctx, 'cardUrl', i);
			const button = stringParam(ctx, 'cardButtonText', i);
			checkText(ctx, i, title, { field: 'Title', max: 128, unit: 'bytes', required: true });
			checkText(ctx, i, description, {
				field: 'Description',
				max: 512,
				unit: 'bytes',
				required: true,
			});
			checkUrl(ctx, i, 'URL', link, true);
			checkText(ctx, i, button, { field: 'Button Text', max: 4, unit: 'characters' });
			return {
				msgtype,
				payload: { title, description, url: link, ...(button ? { btntxt: button } : {}) },
			};
		}
		case 'news': {
			const articles = articleList(ctx, i, 'articles');
			articles.forEach((a, n) => {
				const field = (name: string) => `Article ${n + 1} ${name}`;
				checkText(ctx, i, String(a.title ?? ''), {
					field: field('Title'),
					max: 128,
					unit: 'bytes',
					required: true,
				});
				checkText(ctx, i, String(a.description ?? ''), {
					field: field('Description'),
					max: 512,
					unit: 'bytes',
				});
				checkUrl(ctx, i, field('URL'), String(a.url ?? ''), !a.appid);
				checkUrl(ctx, i, field('Picture URL'), String(a.picurl ?? ''), false);
				if (a.appid && !a.pagepath)
					throw inputError(
						ctx,
						i,
						field('Mini Program Page'),
						'is required with a Mini Program App ID',
						'Give both, or a URL instead.',
					);
				checkText(ctx, i, String(a.pagepath ?? ''), {
					field: field('Mini Program Page'),
					max: 128,
					unit: 'bytes',
				});
			});
			return { msgtype, payload: { articles } };
		}
		case 'mpnews': {
			const articles = articleList(ctx, i, 'mpArticles');
			articles.forEach((a, n) => {
				const field = (name: string) => `Article ${n + 1} ${name}`;
				checkText(ctx, i, String(a.title ?? ''), {
					field: field('Title'),
					max: 128,
					unit: 'bytes',
					required: true,
				});
				if (!a.thumb_media_id)
					throw inputError(
						ctx,
						i,
						field('Thumbnail Media ID'),
						'is required',
						'Upload the cover image with Media → Upload and use its media ID.',
					);
				checkText(ctx, i, String(a.content ?? ''), {
					field: field('Content (HTML)'),
					max: 666 * 1024,
					unit: 'bytes',
					required: true,
				});
				checkText(ctx, i, String(a.author ?? ''), {
					field: field('Author'),
					max: 64,
					unit: 'bytes',
				});
				checkText(ctx, i, String(a.digest ?? ''), {
					field: field('Digest'),
					max: 512,
					unit: 'bytes',
				});
			});
			return { msgtype, payload: { articles } };
		}
		case 'miniprogram_notice': {
			const appid = stringParam(ctx, 'miniAppId', i);
			if (!appid)
				throw inputError(
					ctx,
					i,
					'Mini Program App ID',
					'is required',
					'Use the App ID of a mini program linked to the app.',
				);
			const title = stringParam(ctx, 'miniTitle', i);
			checkText(ctx, i, title, {
				field: 'Title',
				max: 12,
				min: 4,
				unit: 'characters',
				required: true,
			});
			const options = ctx.getNodeParameter('miniOptions', i, {}) as IDataObject;
			checkText(ctx, i, String(options.description ?? ''), {
				field: 'Description',
				max: 12,
				min: 4,
				unit: 'characters',
			});
			checkText(ctx, i, String(options.page ?? ''), { field: 'Page', max: 1024, unit: 'bytes' });
			const items = ((ctx.getNodeParameter('miniItems.item', i, []) as IDataObject[]) ?? []).map(
				(it) => ({
					key: String(it.key ?? ''),
					value: String(it.value ?? ''),
				}),
			);
			if (items.length > 10)
				throw inputError(
					ctx,
					i,
					'Content Items',
					`has ${items.length} rows, over the limit of 10`,
					'Keep at most 10 rows.',
				);
			items.forEach((it, n) => {
				checkText(ctx, i, it.key, {
					field: `Content Item ${n + 1} Key`,
					max: 10,
					unit: 'characters',
					required: true,
				});
				checkText(ctx, i, it.value, {
					field: `Content Item ${n + 1} Value`,
					max: 30,
					unit: 'characters',
					required: true,
				});
			});
			const payload: IDataObject = { appid, title };
			for (const key of ['page', 'description', 'emphasis_first_item'])
				if (options[key] !== undefined && options[key] !== '') payload[key] = options[key];
			if (items.length) payload.content_item = items;
			return { msgtype, payload };
		}
		default:
			throw inputError(
				ctx,
				i,
				'Message Type',
				`"${msgtype}" is not supported here`,
				'Choose a message type from the list.',
			);
	}
}

function articleList(ctx: IExecuteFunctions, i: number, name: string): IDataObject[] {
	const raw = (ctx.getNodeParameter(`${name}.article`, i, []) as IDataObject[]) ?? [];
	const articles = raw.map((a) =>
		Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '' && v !== undefined)),
	);
	if (articles.length < 1 || articles.length > 8) {
		throw inputError(
			ctx,
			i,
			'Articles',
			`has ${articles.length} articles; WeCom takes 1 to 8`,
			'Add at least one article and at most 8.',
		);
	}
	return articles;
}
