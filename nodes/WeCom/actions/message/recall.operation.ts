import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError, splitList } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { show } from './fields';

export const option: OperationOption = {
	name: 'Recall',
	value: 'recall',
	action: 'Recall a message',
	description: 'Recall a sent message (all calls of a split send) within 24 hours (撤回)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Message IDs',
		name: 'msgIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.msgIds }}',
		description: 'The msgIds of a Send output (an array or IDs separated by commas)',
		displayOptions: show('recall'),
	},
];

export function prepare(this: IExecuteFunctions, i: number): string[] {
	const ids = splitList(this.getNodeParameter('msgIds', i, ''));
	if (!ids.length)
		throw inputError(
			this,
			i,
			'Message IDs',
			'is required',
			'Use msgIds (all IDs of a split send) from a Send output.',
		);
	return ids;
}

/** message/recall for every ID of a (possibly split) send; only messages from the last 24 hours can be recalled. */
export async function execute(this: IExecuteFunctions, msgIds: string[], itemIndex: number) {
	const recalled: string[] = [];
	const failed: Array<{ msgId: string; error: string; errcode?: unknown }> = [];
	for (const msgid of msgIds) {
		try {
			// Recalling twice cannot remove anything else: safe to repeat after a lost answer.
			await weComApiRequest.call(this, {
				method: 'POST',
				path: '/cgi-bin/message/recall',
				body: { msgid },
				idempotent: true,
				itemIndex,
			});
			recalled.push(msgid);
		} catch (error) {
			const e = error as Error & { context?: IDataObject };
			failed.push({
				msgId: msgid,
				error: e.message,
				errcode: (e.context?.details as IDataObject | undefined)?.errcode,
			});
		}
	}
	if (failed.length) {
		const error = new NodeApiError(this.getNode(), { message: failed[0].error } as JsonObject, {
			message: `Could not recall ${failed.length} of ${msgIds.length} messages: ${failed[0].error}`,
			description:
				'WeCom recalls only messages sent within the last 24 hours, and only from the WeCom client (copies already shown in the WeChat plugin stay). ' +
				(recalled.length ? `Recalled: ${recalled.join(', ')}.` : ''),
			itemIndex,
		});
		error.context.details = { recalled, failed } as unknown as IDataObject;
		throw error;
	}
	return { recalled, count: recalled.length };
}
