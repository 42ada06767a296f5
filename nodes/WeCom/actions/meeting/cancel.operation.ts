import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weComApiRequest } from '../../transport';
import { explainMeetingRefusal } from './diagnose';
import { meetingIdField, subMeetingOptionsField } from './fields';
import { readMeetingId } from './validate';

export const option: OperationOption = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a meeting',
	description: 'Cancel an upcoming meeting, or one occurrence of a series (取消会议)',
};

export const description: INodeProperties[] = [
	meetingIdField(['cancel']),
	subMeetingOptionsField(['cancel']),
];

interface CancelInput {
	meetingId: string;
	subMeetingId?: string;
}

export function prepare(this: IExecuteFunctions, i: number): CancelInput {
	const meetingId = readMeetingId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const subMeetingId = String(options.subMeetingId ?? '').trim();
	return { meetingId, subMeetingId: subMeetingId || undefined };
}

export async function execute(this: IExecuteFunctions, input: CancelInput, itemIndex: number) {
	const body: IDataObject = { meetingid: input.meetingId };
	if (input.subMeetingId) body.sub_meetingid = input.subMeetingId;
	let failure: unknown;
	try {
		// Cancelling twice cannot cancel anything else, so a lost answer may be retried.
		await weComApiRequest.call(this, {
			method: 'POST',
			path: '/cgi-bin/meeting/cancel',
			body,
			idempotent: true,
			itemIndex,
		});
	} catch (error) {
		failure = error;
	}
	if (failure)
		throw await explainMeetingRefusal(this, failure, input.meetingId, 'cancel', itemIndex);
	return { meetingId: input.meetingId, subMeetingId: input.subMeetingId, cancelled: true };
}
