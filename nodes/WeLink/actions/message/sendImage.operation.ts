import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { commonFields, readOptions } from './content';
import { IMAGE_URL, messageOptions, recipientFields, show } from './fields';
import { readRecipients } from './recipients';
import { sendInBatches, type SendInput } from './send';
import { readLink, readWeLinkImage } from './validate';

export const option: OperationOption = {
	name: 'Send Image',
	value: 'sendImage',
	action: 'Send an image',
	description: 'Image message with an optional link (图片消息)',
};

export const description: INodeProperties[] = [
	...recipientFields(['sendImage']),
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://open.welink.huaweicloud.com/tinyimage/v2/images/…',
		description: IMAGE_URL,
		displayOptions: show('sendImage'),
	},
	messageOptions('sendImage', ['devices', 'link', 'publicAccountId']),
];

/** Image message (start-143): imageUrl (an image uploaded to WeLink) and an optional jumpUrl. */
export async function prepare(this: IExecuteFunctions, i: number): Promise<SendInput> {
	const recipients = readRecipients(this, i);
	const options = readOptions(this, i);
	const imageUrl = await readWeLinkImage(
		this,
		i,
		'Image URL',
		this.getNodeParameter('imageUrl', i, ''),
	);
	const content: IDataObject = { imageUrl, ...commonFields(this, i, options) };
	const link = readLink(this, i, 'Link URL', options.link);
	if (link) content.jumpUrl = link;
	return { recipients, content };
}

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	return await sendInBatches(
		this,
		'/messages/v1/image',
		input.content,
		input.recipients,
		'image',
		itemIndex,
	);
}
