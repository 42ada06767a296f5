import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { usersField } from '../common/fields';
import { commonFields, readOptions } from './content';
import { contentField, linkField, messageOptions, senderField, show, titleField } from './fields';
import { readRecipients } from './recipients';
import { sendInBatches, type SendInput } from './send';
import { readContent, readLink, readSender, readTitle } from './validate';

export const option: OperationOption = {
	name: 'Send Public Account Text',
	value: 'sendPublicAccountText',
	action: 'Send a public account text message',
	description: 'Legacy public account message with a link (公众号消息)',
};

export const description: INodeProperties[] = [
	usersField({
		name: 'users',
		displayName: 'User Names or IDs',
		description:
			'WeLink user IDs (e.g. zhangsan@welink) following the public account; any number, sent 1,000 per call and merged into one output item.',
		displayOptions: show('sendPublicAccountText'),
	}),
	senderField(['sendPublicAccountText']),
	titleField(['sendPublicAccountText']),
	contentField(['sendPublicAccountText']),
	linkField(['sendPublicAccountText']),
	messageOptions('sendPublicAccountText', [
		'displayMode',
		'pcLink',
		'publicAccountId',
		'strongReminder',
	]),
];

/**
 * The legacy public-account message (messages/v3/send): users only (msgRange "0": PY constants),
 * title, content, urlType, urlPath and msgOwner required (PY MessagesV3SendRequest); msgDisplayMode
 * an integer (PY, JAR).
 */
export function prepare(this: IExecuteFunctions, i: number): SendInput {
	const recipients = readRecipients(this, i, true);
	const options = readOptions(this, i);
	const content: IDataObject = {
		// UNCONFIRMED: v3/send documents no length for msgOwner; the pack applies the card limit of 18 bytes.
		msgOwner: readSender(this, i),
		msgTitle: readTitle(this, i),
		msgContent: readContent(this, i),
		urlType: 'html',
		urlPath: readLink(this, i, 'Link URL', this.getNodeParameter('link', i, ''), true),
	};
	const account = commonFields(this, i, { publicAccountId: options.publicAccountId });
	Object.assign(content, account);
	const pcLink = readLink(this, i, 'PC Link URL', options.pcLink);
	if (pcLink) content.desktopUrlPath = pcLink;
	if (options.displayMode !== undefined) content.msgDisplayMode = Number(options.displayMode);
	// An integer, as the Java SDK sends it (MessagesV3SendRequest.isForceTips: Integer) and as the card
	// pages document it (start-141); the Python SDK's str() is the odd one out.
	if (options.strongReminder !== undefined) content.isForceTips = options.strongReminder ? 1 : 0;
	return { recipients, content };
}

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	return await sendInBatches(
		this,
		'/messages/v3/send',
		input.content,
		input.recipients,
		'publicAccountText',
		itemIndex,
	);
}
