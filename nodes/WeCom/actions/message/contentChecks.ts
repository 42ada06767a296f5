import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../../shared/validation';

/**
 * The documented limits of message/send content (reference §3.1), checked before anything is sent.
 * Where the docs disagree on bytes vs characters, bytes (the stricter reading) are enforced.
 */

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

/** Text or markdown: 2048 bytes per message; a split text is checked by its first part. */
export function checkTextParts(
	ctx: IExecuteFunctions,
	i: number,
	content: string,
	parts: string[],
) {
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
}

export function checkVideoText(
	ctx: IExecuteFunctions,
	i: number,
	title: string,
	description: string,
) {
	checkText(ctx, i, title, { field: 'Video Title', max: 128, unit: 'bytes' });
	checkText(ctx, i, description, { field: 'Video Description', max: 512, unit: 'bytes' });
}

export function requireMediaId(ctx: IExecuteFunctions, i: number, mediaId: string) {
	if (!mediaId)
		throw inputError(
			ctx,
			i,
			'Media ID',
			'is required',
			'Upload the file with Media → Upload, or choose "Binary File".',
		);
}

export function checkTextCard(
	ctx: IExecuteFunctions,
	i: number,
	card: { title: string; description: string; url: string; button: string },
) {
	checkText(ctx, i, card.title, { field: 'Title', max: 128, unit: 'bytes', required: true });
	checkText(ctx, i, card.description, {
		field: 'Description',
		max: 512,
		unit: 'bytes',
		required: true,
	});
	checkUrl(ctx, i, 'URL', card.url, true);
	checkText(ctx, i, card.button, { field: 'Button Text', max: 4, unit: 'characters' });
}

/** News and MPNews carry 1 to 8 articles. */
export function checkArticleCount(ctx: IExecuteFunctions, i: number, count: number) {
	if (count < 1 || count > 8) {
		throw inputError(
			ctx,
			i,
			'Articles',
			`has ${count} articles; WeCom takes 1 to 8`,
			'Add at least one article and at most 8.',
		);
	}
}

/** News articles: a title, and a link or a mini program page. */
export function checkNewsArticles(ctx: IExecuteFunctions, i: number, articles: IDataObject[]) {
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
}

/** MPNews articles: stored in WeCom, each with a title, a cover image and an HTML body. */
export function checkMpnewsArticles(ctx: IExecuteFunctions, i: number, articles: IDataObject[]) {
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
}

export function requireMiniProgramAppId(ctx: IExecuteFunctions, i: number, appid: string) {
	if (!appid)
		throw inputError(
			ctx,
			i,
			'Mini Program App ID',
			'is required',
			'Use the App ID of a mini program linked to the app.',
		);
}

export function checkMiniNoticeTitle(ctx: IExecuteFunctions, i: number, title: string) {
	checkText(ctx, i, title, {
		field: 'Title',
		max: 12,
		min: 4,
		unit: 'characters',
		required: true,
	});
}

export function checkMiniNoticeOptions(ctx: IExecuteFunctions, i: number, options: IDataObject) {
	checkText(ctx, i, String(options.description ?? ''), {
		field: 'Description',
		max: 12,
		min: 4,
		unit: 'characters',
	});
	checkText(ctx, i, String(options.page ?? ''), { field: 'Page', max: 1024, unit: 'bytes' });
}

/** Mini program notice content: at most 10 key/value rows. */
export function checkMiniNoticeItems(
	ctx: IExecuteFunctions,
	i: number,
	items: Array<{ key: string; value: string }>,
) {
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
}
