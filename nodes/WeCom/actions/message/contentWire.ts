import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/validation';
import { readMediaFile, TEMPORARY_MEDIA, type MediaFile, type MediaType } from '../media/rules';
import {
	checkArticleCount,
	checkMiniNoticeItems,
	checkMiniNoticeOptions,
	checkMiniNoticeTitle,
	checkMpnewsArticles,
	checkNewsArticles,
	checkTextCard,
	checkTextParts,
	checkVideoText,
	requireMediaId,
	requireMiniProgramAppId,
} from './contentChecks';
import { splitText } from './split';

/** The content of one item as message/send takes it (reference §3.1), checked on the way. */

export interface MessageContent {
	msgtype: string;
	/** The payload object under the msgtype key; media_id is filled in after upload. */
	payload: IDataObject;
	/** A binary file to upload before sending. */
	upload?: { file: MediaFile; type: MediaType };
	/** A long text split into several messages (option Split Long Text), sent in order. */
	parts?: string[];
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
			checkTextParts(ctx, i, content, parts);
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
				checkVideoText(ctx, i, title, description);
				if (title) payload.title = title;
				if (description) payload.description = description;
			}
			if (ctx.getNodeParameter('mediaSource', i, 'binary') === 'mediaId') {
				const mediaId = stringParam(ctx, 'mediaId', i);
				requireMediaId(ctx, i, mediaId);
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
			checkTextCard(ctx, i, { title, description, url: link, button });
			return {
				msgtype,
				payload: { title, description, url: link, ...(button ? { btntxt: button } : {}) },
			};
		}
		case 'news': {
			const articles = articleList(ctx, i, 'articles');
			checkNewsArticles(ctx, i, articles);
			return { msgtype, payload: { articles } };
		}
		case 'mpnews': {
			const articles = articleList(ctx, i, 'mpArticles');
			checkMpnewsArticles(ctx, i, articles);
			return { msgtype, payload: { articles } };
		}
		case 'miniprogram_notice': {
			const appid = stringParam(ctx, 'miniAppId', i);
			requireMiniProgramAppId(ctx, i, appid);
			const title = stringParam(ctx, 'miniTitle', i);
			checkMiniNoticeTitle(ctx, i, title);
			const options = ctx.getNodeParameter('miniOptions', i, {}) as IDataObject;
			checkMiniNoticeOptions(ctx, i, options);
			const items = ((ctx.getNodeParameter('miniItems.item', i, []) as IDataObject[]) ?? []).map(
				(it) => ({
					key: String(it.key ?? ''),
					value: String(it.value ?? ''),
				}),
			);
			checkMiniNoticeItems(ctx, i, items);
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

/** The filled-in articles of a news or MPNews collection (empty values left out). */
function articleList(ctx: IExecuteFunctions, i: number, name: string): IDataObject[] {
	const raw = (ctx.getNodeParameter(`${name}.article`, i, []) as IDataObject[]) ?? [];
	const articles = raw.map((a) =>
		Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '' && v !== undefined)),
	);
	checkArticleCount(ctx, i, articles.length);
	return articles;
}
