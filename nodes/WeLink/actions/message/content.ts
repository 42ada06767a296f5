import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { WELINK_CREDENTIAL } from '../../transport';
import { weLinkAppConfig } from '../../transport/token';
import { checkHttpUrl, checkLink, readMessageStatus } from '../common/text';

/** Byte limits of the card and public-account APIs (reference §3.2, §3.3, §3.5). */
export const LIMITS = {
	msgOwner: 18,
	msgTitle: 128,
	msgContent: 512,
	key: 128,
	value: 256,
};

const ALL_OPTIONS: Record<string, INodeProperties> = {
	buttonLayout: {
		displayName: 'Button Layout',
		name: 'buttonLayout',
		type: 'options',
		default: 'horizontal',
		options: [
			{ name: 'Horizontal (Up to 2 Buttons)', value: 'horizontal' },
			{ name: 'Vertical (Up to 3 Buttons)', value: 'vertical' },
		],
		description: 'How the buttons are laid out (btnType)',
	},
	devices: {
		displayName: 'Devices',
		name: 'devices',
		type: 'options',
		default: '2',
		options: [
			{ name: 'Mobile and PC', value: '2' },
			{ name: 'Mobile Only', value: '1' },
			{ name: 'PC Only', value: '0' },
		],
		description: 'Where the message is shown (receiveDeviceType)',
	},
	displayMode: {
		displayName: 'Display Mode',
		name: 'displayMode',
		type: 'options',
		default: 0,
		options: [
			{ name: 'Mobile and PC Links', value: 0 },
			{ name: 'Mobile Only', value: 1 },
		],
		description: 'Where the message is shown (msgDisplayMode)',
	},
	link: {
		displayName: 'Link URL',
		name: 'link',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/approval/42',
		description: 'Opened when the message is tapped (http(s), or h5://… for a We码 app)',
	},
	pcLink: {
		displayName: 'PC Link URL',
		name: 'pcLink',
		type: 'string',
		default: '',
		description: 'Opened on PC instead of the link (desktopUrlPath); the link is used when empty',
	},
	publicAccountId: {
		displayName: 'Public Account ID',
		name: 'publicAccountId',
		type: 'string',
		default: '',
		description:
			'Send through this public account (公众号) instead of the notification centre (publicAccID; admin console → 公众号 → 公众号设置). Recipients must follow it.',
	},
	statusColor: {
		displayName: 'Status Color',
		name: 'statusColor',
		type: 'options',
		default: '1',
		options: [
			{ name: 'Blue', value: '1' },
			{ name: 'Grey', value: '2' },
			{ name: 'Orange', value: '3' },
		],
		description: 'Color of the status text',
	},
	statusCn: {
		displayName: 'Status (Chinese)',
		name: 'statusCn',
		type: 'string',
		default: '',
		placeholder: '待处理',
		description:
			'Status shown on the card (messageStatus), 2–5 Chinese characters; give the English one too. Shown on mobile 5.45 and later.',
	},
	statusEn: {
		displayName: 'Status (English)',
		name: 'statusEn',
		type: 'string',
		default: '',
		placeholder: 'Pending',
		description: 'English status, 2–10 characters',
	},
	strongReminder: {
		displayName: 'Strong Reminder',
		name: 'strongReminder',
		type: 'boolean',
		default: false,
		description: 'Whether the message pops up on PC (isForceTips)',
	},
};

export function messageOptions(operation: string, names: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['message'], operation: [operation] } },
		options: names
			.map((name) => ALL_OPTIONS[name])
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function readOptions(ctx: IExecuteFunctions, i: number): IDataObject {
	return ctx.getNodeParameter('options', i, {}) as IDataObject;
}

/** Fields every send type shares: public account and devices. */
export function commonFields(ctx: IExecuteFunctions, i: number, options: IDataObject): IDataObject {
	const body: IDataObject = {};
	const account = String(options.publicAccountId ?? '').trim();
	if (account) {
		if (/\s/.test(account))
			throw inputError(
				ctx,
				i,
				'Public Account ID',
				`"${account}" is not an ID`,
				'Copy the ID from the admin console → 公众号 → 公众号设置.',
			);
		// Capital "ID": the one key WeLink does not spell in lowerCamelCase (reference §3.1).
		body.publicAccID = account;
	}
	if (options.devices !== undefined) body.receiveDeviceType = String(options.devices);
	return body;
}

/** Card extras: status text and color, strong reminder. */
export function cardFields(ctx: IExecuteFunctions, i: number, options: IDataObject): IDataObject {
	const body: IDataObject = {};
	const status = readMessageStatus(ctx, i, options.statusCn, options.statusEn);
	if (status) body.messageStatus = status;
	if (options.statusColor !== undefined) {
		// start-141/142: "状态对应的颜色", the color of the status: 1 blue, 2 grey, 3 orange (the update
		// page numbers its colors differently, see updateStatus).
		if (!status)
			throw inputError(
				ctx,
				i,
				'Status Color',
				'is set without a status',
				'Give Status (Chinese) and Status (English), or remove the color.',
			);
		body.statusColor = String(options.statusColor);
	}
	if (options.strongReminder !== undefined)
		body.isForceTips = options.strongReminder === true ? 1 : 0;
	return body;
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
