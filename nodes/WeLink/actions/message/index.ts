import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { RESOURCE } from './fields';
import * as recall from './recall.operation';
import * as sendAppCard from './sendAppCard.operation';
import * as sendImage from './sendImage.operation';
import * as sendNews from './sendNews.operation';
import * as sendPlainCard from './sendPlainCard.operation';
import * as sendPublicAccountText from './sendPublicAccountText.operation';
import * as updateStatus from './updateStatus.operation';

export const operations = {
	sendPlainCard,
	sendAppCard,
	sendImage,
	sendNews,
	sendPublicAccountText,
	updateStatus,
	recall,
};

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'sendPlainCard',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
