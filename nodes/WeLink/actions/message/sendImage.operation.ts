import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { commonFields, readLink, readOptions, readWeLinkImage } from './content';
import { readRecipients, sendInBatches } from './recipients';
import type { SendInput } from './sendPlainCard.operation';

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
