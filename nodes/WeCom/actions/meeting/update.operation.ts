import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { DateTime } from 'luxon';

import type { OperationOption } from '../../../shared/display';
import { unixSeconds } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { detailFields, remindersObject, settingsObject } from './body';
import { explainMeetingRefusal } from './diagnose';
import { meetingDetailFields, meetingIdField, remindBeforeField } from './fields';
import { flattenMeeting } from './output';
import { checkDuration, checkTitle, readMeetingId, readStart } from './validate';

export const option: OperationOption = {
	name: 'Update',
	value: 'update',
	action: 'Update a meeting',
	description: 'Change an upcoming meeting',
};

export const description: INodeProperties[] = [
	meetingIdField(['update']),
	...meetingDetailFields('update'),
	remindBeforeField('update'),
];

interface UpdateInput {
	meetingId: string;
	body: IDataObject;
	start?: DateTime;
	minutes?: number;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<UpdateInput> {
	const meetingId = readMeetingId(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = { meetingid: meetingId, ...detailFields(this, i, fields) };
	if (fields.title !== undefined) {
		checkTitle(this, i, String(fields.title).trim(), true);
		body.title = String(fields.title).trim();
	}
	const start = fields.startTime ? readStart(this, i, fields.startTime) : undefined;
	const minutes =
		fields.durationMinutes !== undefined
			? checkDuration(this, i, fields.durationMinutes)
			: undefined;
	const settings = settingsObject(this, i, this.getNodeParameter('settings', i, {}) as IDataObject);
	if (settings) body.settings = settings;
	const reminders = remindersObject(
		this,
		i,
		this.getNodeParameter('recurrence', i, {}) as IDataObject,
		this.getNodeParameter('remindBefore', i, []) as number[],
		start,
	);
	if (reminders) body.reminders = reminders;
	if (Object.keys(body).length === 1 && start === undefined && minutes === undefined) {
		throw inputError(
			this,
			i,
			'Update Fields',
			'nothing to update',
			'Add at least one field or setting to change.',
		);
	}
	return { meetingId, body, start, minutes };
}

async function currentMeeting(ctx: IExecuteFunctions, meetingId: string, itemIndex: number) {
	return await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/meeting/get_info',
		body: { meetingid: meetingId },
		idempotent: true,
		itemIndex,
	});
}

export async function execute(this: IExecuteFunctions, input: UpdateInput, itemIndex: number) {
	const body = { ...input.body };
	if (input.start !== undefined || input.minutes !== undefined) {
		// meeting/update takes start and duration only together: fill in the one not being changed.
		const current =
			input.start && input.minutes
				? undefined
				: await currentMeeting(this, input.meetingId, itemIndex);
		body.meeting_start = input.start ? unixSeconds(input.start) : Number(current?.meeting_start);
		body.meeting_duration = input.minutes ? input.minutes * 60 : Number(current?.meeting_duration);
	}
	let failure: unknown;
	let updated: IDataObject = {};
	try {
		updated = await weComApiRequest.call(this, {
			method: 'POST',
			path: '/cgi-bin/meeting/update',
			body,
			// Setting the same fields twice leaves the meeting as the first call did.
			idempotent: true,
			itemIndex,
		});
	} catch (error) {
		failure = error;
	}
	if (failure)
		throw await explainMeetingRefusal(this, failure, input.meetingId, 'update', itemIndex);
	const current = await currentMeeting(this, input.meetingId, itemIndex);
	const flat = flattenMeeting(input.meetingId, current, this.getTimezone());
	return { ...flat, excessUsers: (updated.excess_users as string[] | undefined) ?? [] };
}
