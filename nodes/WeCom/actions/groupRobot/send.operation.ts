import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { createHash } from 'crypto';

import { showFor, type OperationOption } from '../../../shared/display';
import { multipartFile } from '../../../shared/multipart';
import { checkText, inputError, splitList, stringParam } from '../../../shared/validation';
import { robotRequest } from '../../transport/robot';
import { readMediaFile, type MediaFile } from '../media/rules';
import { checkUrl } from '../message/contentChecks';
import { templateCardFields } from '../message/templateCard';
import { readTemplateCard } from '../message/templateCardWire';

export const option: OperationOption = {
	name: 'Send',
	value: 'send',
	action: 'Send a group robot message',
	description: 'Post to a group chat through its robot (群机器人); paced to 20 messages per minute',
};

const on = (...types: string[]) => ({
	show: { resource: ['groupRobot'], operation: ['send'], robotMessageType: types },
});

export const description: INodeProperties[] = [
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
		displayOptions: showFor('groupRobot', 'send'),
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

/** Robot message limits (reference §3.5). */
const MB = 1024 * 1024;
const ROBOT_IMAGE = {
	maxBytes: 2 * MB,
	extensions: ['jpg', 'jpeg', 'png'],
	label: 'JPG or PNG image',
};
const ROBOT_FILE = { maxBytes: 20 * MB, label: 'file' };
const ROBOT_VOICE = { maxBytes: 2 * MB, extensions: ['amr'], label: 'AMR voice file' };

interface RobotInput {
	msgtype: string;
	payload: IDataObject;
	upload?: { file: MediaFile; type: 'file' | 'voice' };
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<RobotInput> {
	const msgtype = this.getNodeParameter('robotMessageType', i) as string;
	switch (msgtype) {
		case 'text': {
			const content = this.getNodeParameter('content', i, '') as string;
			checkText(this, i, content, { field: 'Content', max: 2048, unit: 'bytes', required: true });
			const payload: IDataObject = { content };
			const mentioned = splitList(this.getNodeParameter('mentionedList', i, ''));
			const mobiles = splitList(this.getNodeParameter('mentionedMobileList', i, ''));
			const badMobile = mobiles.find((m) => m !== '@all' && !/^\+?[\d-]{5,32}$/.test(m));
			if (badMobile)
				throw inputError(
					this,
					i,
					'Mention Mobiles',
					`"${badMobile.slice(0, 40)}" is not a mobile number (手机号: 5–32 digits, optionally with + and -)`,
					'Use mobile numbers of group members, separated by commas, or @all.',
				);
			if (mentioned.length) payload.mentioned_list = mentioned;
			if (mobiles.length) payload.mentioned_mobile_list = mobiles;
			return { msgtype, payload };
		}
		case 'markdown':
		case 'markdown_v2': {
			const content = this.getNodeParameter('content', i, '') as string;
			checkText(this, i, content, {
				field: 'Content',
				max: 4096,
				unit: 'bytes',
				required: true,
				fix: 'Split it into several messages.',
			});
			return { msgtype, payload: { content } };
		}
		case 'image': {
			const file = await readMediaFile(
				this,
				i,
				stringParam(this, 'binaryPropertyName', i) || 'data',
				ROBOT_IMAGE,
				'Input Binary Field',
			);
			// The robot takes the image inline: base64 of the bytes and their MD5.
			return {
				msgtype,
				payload: {
					base64: file.data.toString('base64'),
					md5: createHash('md5').update(file.data).digest('hex'),
				},
			};
		}
		case 'file':
		case 'voice': {
			const file = await readMediaFile(
				this,
				i,
				stringParam(this, 'binaryPropertyName', i) || 'data',
				msgtype === 'file' ? ROBOT_FILE : ROBOT_VOICE,
				'Input Binary Field',
			);
			return { msgtype, payload: {}, upload: { file, type: msgtype } };
		}
		case 'news': {
			const articles = (
				(this.getNodeParameter('robotArticles.article', i, []) as IDataObject[]) ?? []
			).map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '')));
			if (articles.length < 1 || articles.length > 8) {
				throw inputError(
					this,
					i,
					'Articles',
					`has ${articles.length} articles; WeCom takes 1 to 8`,
					'Add at least one article and at most 8.',
				);
			}
			articles.forEach((a, n) => {
				checkText(this, i, String(a.title ?? ''), {
					field: `Article ${n + 1} Title`,
					max: 128,
					unit: 'bytes',
					required: true,
				});
				checkText(this, i, String(a.description ?? ''), {
					field: `Article ${n + 1} Description`,
					max: 512,
					unit: 'bytes',
				});
				// Links: http(s), at most 2048 bytes each, as for app news (reference §3.1); url is required.
				checkUrl(this, i, `Article ${n + 1} URL`, String(a.url ?? ''), true);
				checkUrl(this, i, `Article ${n + 1} Picture URL`, String(a.picurl ?? ''), false);
			});
			return { msgtype, payload: { articles } };
		}
		case 'template_card':
			return { msgtype, payload: readTemplateCard(this, i, true) };
		default:
			throw inputError(
				this,
				i,
				'Message Type',
				`"${msgtype}" is not supported`,
				'Choose a type from the list.',
			);
	}
}

/**
 * Posts to the group. Sends are paced to the robot's 20 per minute (waiting for a free slot
 * instead of failing); files and voice are uploaded through the robot's own upload first.
 */
export async function execute(this: IExecuteFunctions, input: RobotInput, itemIndex: number) {
	const payload = { ...input.payload };
	if (input.upload) {
		const { body, contentType } = multipartFile({ field: 'media', ...input.upload.file });
		const uploaded = await robotRequest.call(this, {
			method: 'POST',
			path: '/cgi-bin/webhook/upload_media',
			qs: { type: input.upload.type },
			body,
			headers: { 'Content-Type': contentType },
			idempotent: true,
			itemIndex,
			timeoutMs: 120_000,
		});
		payload.media_id = uploaded.media_id;
	}
	await robotRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/webhook/send',
		body: { msgtype: input.msgtype, [input.msgtype]: payload },
		// The robot has no duplicate check: a send whose answer was lost is not repeated.
		idempotent: false,
		itemIndex,
	});
	return {
		sent: true,
		messageType: input.msgtype,
		...(payload.media_id ? { mediaId: payload.media_id } : {}),
	};
}
