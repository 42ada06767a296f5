import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { RESOURCE } from './fields';
import * as recall from './recall.operation';
import * as send from './send.operation';
import * as sendAndWait from './sendAndWait.operation';
import * as sendNoticeIfSlow from './sendNoticeIfSlow.operation';
import * as updateTemplateCard from './updateTemplateCard.operation';

/** Message (应用消息): messages the app sends to members, and what can be done with them afterwards. */
const all = { send, sendAndWait, sendNoticeIfSlow, recall, updateTemplateCard };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'send',
	),
	...Object.values(all).flatMap((op) => op.description),
];
