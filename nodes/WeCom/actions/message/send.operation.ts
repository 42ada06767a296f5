import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { partialFailure } from '../../../shared/partialFailure';
import { contentFields } from './content';
import { readContent, type MessageContent } from './contentWire';
import { sendMessage, type SendInput } from './delivery';
import { recipientFields, RESOURCE, show } from './fields';
import { cancelNotices } from './notices';
import { readRecipients } from './recipients';
import { readSendOptions } from './sendOptions';
import { templateCardFields } from './templateCard';
import { readTemplateCard } from './templateCardWire';

export const option: OperationOption = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description: 'Send an app message of any type to any number of members, departments or tags',
};

export const description: INodeProperties[] = [
	...recipientFields(['send']),
	...contentFields('send'),
	...templateCardFields({
		resource: [RESOURCE],
		operation: ['send'],
		messageType: ['template_card'],
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('send'),
		options: [
			{
				displayName: 'Confidential',
				name: 'safe',
				type: 'options',
				options: [
					{ name: 'No (Shareable)', value: 0 },
					{ name: 'Confidential (Watermark, No Sharing)', value: 1 },
					{ name: 'Only Inside the Corp (MPNews)', value: 2 },
				],
				default: 0,
				description:
					'Whether the message may be shared (保密消息); for text, image, video, file and MPNews',
			},
			{
				displayName: 'Duplicate Check',
				name: 'duplicateCheck',
				type: 'boolean',
				default: true,
				description:
					'Whether WeCom delivers a send identical to an earlier one of this app (same recipients, content and options) only once within the Duplicate Check Window (default 30 minutes, at most 4 hours). WeCom answers the repeat as sent but delivers nothing; the output shows it as duplicateSuppressed. On by default: it also lets the node safely repeat a send whose answer was lost.',
			},
			{
				displayName: 'Duplicate Check Window (Seconds)',
				name: 'duplicateCheckInterval',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 14400 },
				default: 1800,
				description:
					'How long WeCom holds back identical sends: 1 to 14,400 seconds (4 hours), 1,800 (30 minutes) by default',
			},
			{
				displayName: 'Split Long Text',
				name: 'splitLongText',
				type: 'boolean',
				default: false,
				description:
					'Whether text or markdown over WeCom’s 2,048 bytes is sent as several messages (at most 10), split between paragraphs or lines, e.g. for an AI agent’s answer',
			},
			{
				displayName: 'Translate IDs',
				name: 'enableIdTrans',
				type: 'boolean',
				default: false,
				description:
					'Whether WeCom shows member and department names for IDs in the text (ID 转译)',
			},
		],
	},
];

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendInput> {
	const recipients = readRecipients(this, i);
	const msgtype = this.getNodeParameter('messageType', i) as string;
	const content: MessageContent =
		msgtype === 'template_card'
			? {
					msgtype,
					payload: readTemplateCard(
						this,
						i,
						false,
						`n8n_${this.getExecutionId()}_${i}`.replace(/[^0-9a-zA-Z_\-@]/g, '_'),
					),
				}
			: await readContent(this, i, msgtype);
	return { recipients, content, options: readSendOptions(this, i, msgtype) };
}

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	cancelNotices(this, input.recipients.members);
	const { parts } = input.content;
	if (!parts) return await sendMessage(this, input, itemIndex);
	// A split text: one message per part, in order; a failure names the parts already delivered.
	const sent: IDataObject[] = [];
	for (const [n, part] of parts.entries()) {
		const content = { ...input.content, payload: { ...input.content.payload, content: part } };
		try {
			sent.push(await sendMessage(this, { ...input, content }, itemIndex));
		} catch (error) {
			const delivered = sent.flatMap((s) => s.msgIds as string[]);
			throw partialFailure(this, error, itemIndex, (original) => ({
				message: original.message,
				description: n
					? `Parts 1–${n} of ${parts.length} were delivered (${delivered.join(', ')}). ${original.description ?? ''}`.trim()
					: original.description,
				delivered: { deliveredMsgIds: delivered, failedPart: n + 1 },
			}));
		}
	}
	const msgIds = sent.flatMap((s) => s.msgIds as string[]);
	return {
		...sent[0],
		msgId: msgIds[0],
		msgIds,
		parts: parts.length,
		calls: sent.reduce((sum, s) => sum + Number(s.calls), 0),
	};
}
