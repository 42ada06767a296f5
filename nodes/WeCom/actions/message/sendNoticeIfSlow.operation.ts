import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { checkText, inputError } from '../../../shared/validation';
import { readMemberIds } from '../common/read';
import { sendMessage } from './delivery';
import { show } from './fields';
import { scheduleNotice } from './notices';

/**
 * Message → Send Notice If Slow: put it before a slow step (an AI agent). If no message reaches the
 * member from this execution within the delay, they get the notice ("正在思考…"); a Message → Send to
 * them (the answer, or a polite error) cancels it. The node returns at once and passes its input on.
 */

export const option: OperationOption = {
	name: 'Send Notice If Slow',
	value: 'sendNoticeIfSlow',
	action: 'Send a notice if the answer is slow',
	description:
		'Tell a member "正在思考…" when no answer reaches them within a few seconds (e.g. before an AI agent); the answer cancels it',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Member ID',
		name: 'noticeMember',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.fromUser }}',
		description: 'Who waits for the answer: the member ID (账号) of the person who wrote',
		displayOptions: show('sendNoticeIfSlow'),
	},
	{
		displayName: 'Notice',
		name: 'noticeText',
		type: 'string',
		default: '正在思考，请稍候…',
		description: 'Text sent when the answer is late (at most 2,048 bytes)',
		displayOptions: show('sendNoticeIfSlow'),
	},
	{
		displayName: 'After (Seconds)',
		name: 'noticeAfterSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 5,
		description: 'How long the answer may take before the notice is sent',
		displayOptions: show('sendNoticeIfSlow'),
	},
];

interface NoticeInput {
	member: string;
	text: string;
	afterSeconds: number;
}

export function prepare(this: IExecuteFunctions, i: number): NoticeInput {
	const [member, ...others] = readMemberIds(
		this,
		i,
		'Member ID',
		this.getNodeParameter('noticeMember', i, ''),
	);
	if (!member || others.length)
		throw inputError(this, i, 'Member ID', 'needs exactly one member ID', 'Map the sender’s ID.');
	const text = String(this.getNodeParameter('noticeText', i, '') ?? '');
	checkText(this, i, text, { field: 'Notice', max: 2048, unit: 'bytes', required: true });
	const afterSeconds = Number(this.getNodeParameter('noticeAfterSeconds', i, 5));
	if (!Number.isFinite(afterSeconds) || afterSeconds < 1 || afterSeconds > 600)
		throw inputError(this, i, 'After (Seconds)', `${afterSeconds} is outside 1–600`);
	return { member, text, afterSeconds };
}

export async function execute(
	this: IExecuteFunctions,
	input: NoticeInput,
	i: number,
): Promise<IDataObject> {
	// Sent in the background, after this node has finished, unless the answer comes first.
	scheduleNotice(this, input.member, input.afterSeconds * 1000, async () =>
		sendMessage(
			this,
			{
				recipients: {
					toAll: false,
					members: [input.member],
					mobiles: [],
					departments: [],
					tags: [],
				},
				content: { msgtype: 'text', payload: { content: input.text } },
				// Off: the same notice twice in 30 minutes must not be dropped by WeCom.
				options: { duplicateCheck: false },
			},
			i,
		),
	);
	return {
		...this.getInputData()[i].json,
		thinkingNotice: { member: input.member, afterSeconds: input.afterSeconds },
	};
}
