import type { IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError, stringParam } from '../../../shared/validation';
import { WELINK_CREDENTIAL } from '../../transport';
import { weLinkAppConfig } from '../../transport/token';
import { checkHttpUrl, checkLink, readBilingual } from '../common/text';

/** Checks of message parameters WeLink's pages set out: byte limits, sender, item IDs, links and images. */

/** Byte limits of the card and public-account APIs (reference §3.2, §3.3, §3.5). */
export const LIMITS = {
	msgOwner: 18,
	msgTitle: 128,
	msgContent: 512,
	key: 128,
	value: 256,
};

/** Sender label (msgOwner): plain text, at most 18 bytes. */
export function readSender(ctx: IExecuteFunctions, i: number): string {
	const sender = String(ctx.getNodeParameter('sender', i, '') ?? '').trim();
	checkText(ctx, i, sender, {
		field: 'Sender',
		max: LIMITS.msgOwner,
		unit: 'bytes',
		required: true,
		fix: 'It is the small label above the card, e.g. 考勤 or 审批.',
	});
	return sender;
}

export function readItemId(ctx: IExecuteFunctions, i: number): string {
	const itemId = stringParam(ctx, 'itemId', i);
	if (!itemId)
		throw inputError(
			ctx,
			i,
			'Item ID',
			'is required',
			'Use the itemId output of a Send Plain Card or Send App Card.',
		);
	if (/\s/.test(itemId))
		throw inputError(
			ctx,
			i,
			'Item ID',
			`"${itemId}" is not an item ID`,
			'Use the itemId output of a send.',
		);
	return itemId;
}

/** The public cloud's hosts; the docs' example image is on open.welink.huaweicloud.com. */
const WELINK_DOMAIN = 'welink.huaweicloud.com';

/**
 * An image of an image or news message. The docs (start-143, start-144) require an image uploaded to
 * WeLink, given by the address WeLink returned; its open API offers no upload (neither official SDK
 * has one). Read as: an http(s) address on a WeLink host, i.e. under welink.huaweicloud.com or the
 * host of the credential's API base URL (a dedicated deployment).
 */
export async function readWeLinkImage(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
): Promise<string> {
	const url = String(value ?? '').trim();
	const example = `https://open.${WELINK_DOMAIN}/tinyimage/v2/images/…`;
	if (!url)
		throw inputError(
			ctx,
			i,
			field,
			'is required',
			`Give the address WeLink returned for an image uploaded to WeLink, e.g. ${example}.`,
		);
	checkHttpUrl(ctx, i, field, url);
	const host = new URL(url).host.toLowerCase();
	const apiHost = new URL(weLinkAppConfig(await ctx.getCredentials(WELINK_CREDENTIAL)).baseUrl)
		.host;
	if (
		host !== apiHost.toLowerCase() &&
		host !== WELINK_DOMAIN &&
		!host.endsWith(`.${WELINK_DOMAIN}`)
	)
		throw inputError(
			ctx,
			i,
			field,
			`"${url.slice(0, 80)}" is not an image hosted by WeLink (${host})`,
			`WeLink shows only images uploaded to WeLink (图片需先上传至WeLink): give the address WeLink returned for the image, e.g. ${example}. WeLink's open API has no image upload, so the node cannot upload one for you.`,
		);
	return url;
}

export function readLink(
	ctx: IExecuteFunctions,
	i: number,
	field: string,
	value: unknown,
	required = false,
): string | undefined {
	const text = String(value ?? '').trim();
	if (!text) {
		if (required)
			throw inputError(ctx, i, field, 'is required', `Give the address opened from the message.`);
		return undefined;
	}
	checkLink(ctx, i, field, text);
	return text;
}

/** The Title field of a card or public account message (msgTitle). */
export const readTitle = (ctx: IExecuteFunctions, i: number) =>
	readBilingual(ctx, i, ctx.getNodeParameter('title', i, ''), {
		field: 'Title',
		maxBytes: LIMITS.msgTitle,
		required: true,
	});

/** The Content field of a plain card or public account message (msgContent). */
export const readContent = (ctx: IExecuteFunctions, i: number) =>
	readBilingual(ctx, i, ctx.getNodeParameter('content', i, ''), {
		field: 'Content',
		maxBytes: LIMITS.msgContent,
		required: true,
	});
