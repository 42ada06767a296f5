import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText } from '../../../shared/validation';
import { readBilingual } from '../common/text';
import { LIMITS, cardFields, commonFields, readLink, readOptions } from './content';
import { readRecipients, sendInBatches, type Recipients } from './recipients';

export interface SendInput {
	recipients: Recipients;
	content: IDataObject;
}

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

export function prepare(this: IExecuteFunctions, i: number): SendInput {
	const recipients = readRecipients(this, i);
	const options = readOptions(this, i);
	const content: IDataObject = {
		msgOwner: readSender(this, i),
		msgTitle: readBilingual(this, i, this.getNodeParameter('title', i, ''), {
			field: 'Title',
			maxBytes: LIMITS.msgTitle,
			required: true,
		}),
		msgContent: readBilingual(this, i, this.getNodeParameter('content', i, ''), {
			field: 'Content',
			maxBytes: LIMITS.msgContent,
			required: true,
		}),
		...commonFields(this, i, options),
		...cardFields(this, i, options),
	};
	const link = readLink(this, i, 'Link URL', options.link);
	if (link) {
		content.urlType = 'html';
		content.urlPath = link;
	}
	const pcLink = readLink(this, i, 'PC Link URL', options.pcLink);
	if (pcLink) content.desktopUrlPath = pcLink;
	return { recipients, content };
}

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	return await sendInBatches(
		this,
		'/messages/v2/card/common',
		input.content,
		input.recipients,
		'plainCard',
		itemIndex,
	);
}
