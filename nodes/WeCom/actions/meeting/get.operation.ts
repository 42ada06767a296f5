import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { RESOURCE, show, subMeetingOptionsField } from './fields';
import { flattenMeeting } from './output';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a meeting',
	description: 'Get a meeting’s details, attendees and status',
};

const byLookup = (lookupBy: string) => ({
	show: { resource: [RESOURCE], operation: ['get'], lookupBy: [lookupBy] },
});

export const description: INodeProperties[] = [
	subMeetingOptionsField(['get']),
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		default: 'meetingId',
		options: [
			{ name: 'Meeting ID', value: 'meetingId' },
			{ name: 'Meeting Code', value: 'meetingCode' },
		],
		displayOptions: show('get'),
	},
	{
		displayName: 'Meeting ID',
		name: 'meetingId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: byLookup('meetingId'),
	},
	{
		displayName: 'Meeting Code',
		name: 'meetingCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123-456-789',
		description: 'The meeting code (会议号, 9–12 digits) people use to join',
		displayOptions: byLookup('meetingCode'),
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const lookupBy = this.getNodeParameter('lookupBy', i, 'meetingId') as string;
	const value = String(
		this.getNodeParameter(lookupBy === 'meetingCode' ? 'meetingCode' : 'meetingId', i, ''),
	).trim();
	if (!value) {
		const field = lookupBy === 'meetingCode' ? 'Meeting Code' : 'Meeting ID';
		throw inputError(this, i, field, 'is required', 'Use the output of Create or List.');
	}
	if (lookupBy === 'meetingCode' && !/^\d{9,12}$/.test(value.replace(/[\s-]/g, ''))) {
		throw inputError(
			this,
			i,
			'Meeting Code',
			`"${value.slice(0, 40)}" is not a meeting code (会议号: 9–12 digits)`,
			'Give the digits people use to join, e.g. 123-456-789 (spaces and - are ignored).',
		);
	}
	const body: IDataObject =
		lookupBy === 'meetingCode'
			? { meeting_code: value.replace(/[\s-]/g, '') }
			: { meetingid: value };
	const subMeetingId = String(
		(this.getNodeParameter('options', i, {}) as IDataObject).subMeetingId ?? '',
	).trim();
	if (subMeetingId) body.sub_meetingid = subMeetingId;
	return body;
}

export async function execute(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const info = await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/meeting/get_info',
		body,
		idempotent: true,
		itemIndex,
	});
	return flattenMeeting(body.meetingid, info, this.getTimezone());
}
