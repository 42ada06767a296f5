import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { cardFields, commonFields, readOptions } from './content';
import { contentField, messageOptions, recipientFields, senderField, titleField } from './fields';
import { readRecipients } from './recipients';
import { sendInBatches, type SendInput } from './send';
import { readContent, readLink, readSender, readTitle } from './validate';

export const option: OperationOption = {
	name: 'Send Plain Card',
	value: 'sendPlainCard',
	action: 'Send a plain card',
	description: 'Title, text and link in the notification centre or a public account (普通卡片)',
};

export const description: INodeProperties[] = [
	...recipientFields(['sendPlainCard']),
	senderField(['sendPlainCard']),
	titleField(['sendPlainCard']),
	contentField(['sendPlainCard']),
	messageOptions('sendPlainCard', [
		'devices',
		'link',
		'pcLink',
		'publicAccountId',
		'statusCn',
		'statusEn',
		'statusColor',
		'strongReminder',
	]),
];

export function prepare(this: IExecuteFunctions, i: number): SendInput {
	const recipients = readRecipients(this, i);
	const options = readOptions(this, i);
	const content: IDataObject = {
		msgOwner: readSender(this, i),
		msgTitle: readTitle(this, i),
		msgContent: readContent(this, i),
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
