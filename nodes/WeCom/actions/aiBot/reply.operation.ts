import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { stringParam, inputError } from '../../../shared/validation';
import { checkAnswer, checkResponseUrl } from '../../aibot/replyInput';
import { postActiveReply } from '../../aibot/responseUrl';
import { findStream, replyToStream } from '../../aibot/streams';

/**
 * AI Bot → Reply: answers a member who wrote to a WeCom AI bot. The answer goes into the message's
 * stream when the WeCom AI Bot Trigger holds it in this n8n process (the member sees it replace the
 * thinking text), else once through the message's response_url. A stream never gets a second final
 * answer, and a response_url is never called twice.
 */

const show = { show: { resource: ['aiBot'], operation: ['reply'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Stream ID',
		name: 'streamId',
		type: 'string',
		default: '',
		placeholder: '={{ $("WeCom AI Bot Trigger").item.json.streamId }}',
		description:
			'The streamId of the WeCom AI Bot Trigger’s item (its answer stream). Leave empty to answer through the Response URL only.',
		displayOptions: show,
	},
	{
		displayName: 'Response URL',
		name: 'responseUrl',
		type: 'string',
		default: '',
		placeholder: '={{ $("WeCom AI Bot Trigger").item.json.response_url }}',
		description:
			'The response_url of the trigger’s item: used when the stream is not open in this n8n process (queue mode). Works once, for 1 hour.',
		displayOptions: show,
	},
	{
		displayName: 'Answer',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: '={{ $json.output }}',
		description:
			'Markdown shown to the member, at most 20,480 bytes. It replaces what the member saw so far.',
		displayOptions: show,
	},
	{
		displayName: 'Final Answer',
		name: 'finish',
		type: 'boolean',
		default: true,
		description:
			'Whether this is the complete answer (WeCom stops waiting). Turn it off for a progress note such as "正在查询…"; a later Reply replaces it.',
		displayOptions: show,
	},
];

interface ReplyInput {
	streamId: string;
	responseUrl: string;
	content: string;
	finish: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): ReplyInput {
	const streamId = stringParam(this, 'streamId', i);
	const responseUrl = stringParam(this, 'responseUrl', i);
	const content = String(this.getNodeParameter('content', i, '') ?? '');
	const finish = this.getNodeParameter('finish', i, true) as boolean;
	if (!streamId && !responseUrl)
		throw inputError(
			this,
			i,
			'Stream ID',
			'and Response URL are both empty',
			'Map the streamId (and response_url) of the WeCom AI Bot Trigger’s item.',
		);
	checkAnswer(this, i, content);
	if (responseUrl) checkResponseUrl(this, i, responseUrl);
	return { streamId, responseUrl, content, finish };
}

export async function execute(
	this: IExecuteFunctions,
	input: ReplyInput,
	i: number,
): Promise<IDataObject> {
	const stream = input.streamId ? findStream(input.streamId) : undefined;
	const result = { streamId: input.streamId || undefined, finish: input.finish };
	if (stream) {
		if (!replyToStream(stream, input.content, input.finish))
			return { ...result, delivered: false, reason: 'the stream was already finished' };
		return { ...result, delivered: true, via: 'stream' };
	}
	if (!input.finish)
		return {
			...result,
			delivered: false,
			reason: 'progress notes need the stream, which is not open in this n8n process',
		};
	if (!input.responseUrl)
		throw new NodeOperationError(
			this.getNode(),
			'WeCom AI bot: the answer stream is not open in this n8n process',
			{
				itemIndex: i,
				description:
					'It expired (6 minutes), n8n restarted, or another process received the message (queue mode). Also map the trigger’s response_url to answer through it.',
			},
		);
	await postActiveReply(this, input.responseUrl, input.content, i);
	return { ...result, delivered: true, via: 'responseUrl' };
}
