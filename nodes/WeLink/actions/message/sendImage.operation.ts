import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { checkHttpUrl } from '../common/text';
import { commonFields, readLink, readOptions } from './content';
import { readRecipients, sendInBatches } from './recipients';
import type { SendInput } from './sendPlainCard.operation';

export function prepare(this: IExecuteFunctions, i: number): SendInput {
	const recipients = readRecipients(this, i);
	const options = readOptions(this, i);
	const imageUrl = String(this.getNodeParameter('imageUrl', i, '') ?? '').trim();
	if (!imageUrl)
		throw inputError(this, i, 'Image URL', 'is required', 'Give the http(s) address of the image.');
	checkHttpUrl(this, i, 'Image URL', imageUrl);
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
