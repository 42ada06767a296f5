import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { unixSeconds } from '../../../shared/time';
import { stringParam } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { memberLocator } from '../common/fields';
import { readMemberLocator } from '../common/read';
import { detailFields, remindersObject, settingsObject } from './body';
import { meetingDetailFields, remindBeforeField, show } from './fields';
import { flattenMeeting } from './output';
import { checkDuration, checkTitle, readStart } from './validate';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a meeting',
	description: 'Book a meeting and get its ID, meeting code and join link (创建预约会议)',
};

export const description: INodeProperties[] = [
	memberLocator({
		name: 'adminUserId',
		displayName: 'Admin',
		description: 'Meeting administrator (会议管理员): the member who owns the meeting',
		required: true,
		displayOptions: show('create'),
	}),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Meeting title (会议标题), 1 to 255 characters',
		displayOptions: show('create'),
	},
	{
		displayName: 'Start',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the meeting starts, in the workflow timezone unless the value carries an offset. Accepts ISO text or Unix seconds/milliseconds from an expression. Must be in the future.',
		displayOptions: show('create'),
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'number',
		typeOptions: { minValue: 5, maxValue: 1439 },
		required: true,
		default: 60,
		description: 'Between 5 minutes and 23 h 59 min',
		displayOptions: show('create'),
	},
	...meetingDetailFields('create'),
	remindBeforeField('create'),
];

export async function prepare(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const admin = readMemberLocator(this, i, 'adminUserId', 'Admin');
	const title = stringParam(this, 'title', i);
	checkTitle(this, i, title, true);
	const start = readStart(this, i, this.getNodeParameter('startTime', i));
	const minutes = checkDuration(this, i, this.getNodeParameter('durationMinutes', i));
	const body: IDataObject = {
		admin_userid: admin,
		title,
		meeting_start: unixSeconds(start),
		meeting_duration: minutes * 60,
		...detailFields(this, i, this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
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
	return body;
}

/** Creates the meeting, then returns its ID, meeting code and join link in one item. */
export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const created = await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/meeting/create',
		body,
		idempotent: false,
		itemIndex,
	});
	const meetingId = String(created.meetingid);
	// The newer create page returns code and link directly; the older one needs get_info.
	const info =
		created.meeting_code && created.meeting_link
			? { ...body, ...created, status: 1 }
			: await weComApiRequest.call(this, {
					method: 'POST',
					path: '/cgi-bin/meeting/get_info',
					body: { meetingid: meetingId },
					idempotent: true,
					itemIndex,
				});
	const flat = flattenMeeting(meetingId, info, this.getTimezone());
	return {
		...flat,
		excessUsers: (created.excess_users as string[] | undefined) ?? [],
		raw: { create: stripStatus(created), meeting: flat.raw },
	};
}

function stripStatus(response: IDataObject) {
	const { errcode, errmsg, ...rest } = response;
	void errcode;
	void errmsg;
	return rest;
}
