import type { IDataObject } from 'n8n-workflow';

import { isoFromUnix } from '../../../shared/time';

/** meeting/get_info status codes as words (1 待开始 … 5 已过期). */
export const MEETING_STATUS: Record<number, string> = {
	1: 'upcoming',
	2: 'in progress',
	3: 'ended',
	4: 'cancelled',
	5: 'expired',
};

const MEETING_TYPE: Record<number, string> = {
	0: 'one-off',
	1: 'recurring',
	2: 'WeChat-exclusive',
	3: 'Rooms casting',
	5: 'personal meeting ID',
	6: 'webinar',
};

const userIds = (value: unknown) =>
	((value as IDataObject | undefined)?.userid as string[] | undefined) ?? [];

/**
 * A get_info answer as flat, human-named fields (times as ISO text in the workflow timezone),
 * with WeCom's own answer kept under `raw`. get_info does not echo the meeting ID, so it is given.
 */
export function flattenMeeting(meetingId: unknown, info: IDataObject, zone: string): IDataObject {
	const { errcode, errmsg, ...raw } = info;
	void errcode;
	void errmsg;
	const start = Number(info.meeting_start);
	const duration = Number(info.meeting_duration);
	const attendees = (info.attendees as IDataObject | undefined) ?? {};
	const statusCode = Number(info.status);
	return {
		meetingId: meetingId ?? info.meetingid,
		meetingCode: info.meeting_code,
		joinUrl: info.meeting_link,
		title: info.title,
		status: MEETING_STATUS[statusCode] ?? 'unknown',
		statusCode,
		type: MEETING_TYPE[Number(info.meeting_type)] ?? 'unknown',
		startTime: isoFromUnix(start, zone),
		endTime: Number.isFinite(start + duration) ? isoFromUnix(start + duration, zone) : undefined,
		startUnix: start || undefined,
		durationMinutes: Number.isFinite(duration) ? Math.round(duration / 60) : undefined,
		adminUserId: info.admin_userid,
		description: info.description,
		location: info.location,
		calendarId: info.cal_id,
		invitees: userIds(info.invitees),
		hosts: userIds((info.settings as IDataObject | undefined)?.hosts),
		attendees: ((attendees.member as IDataObject[]) ?? []).map((m) => ({
			userId: m.userid,
			joined: Number(m.status) === 1,
			firstJoinTime: isoFromUnix(m.first_join_time, zone),
			lastQuitTime: isoFromUnix(m.last_quit_time, zone),
			joinCount: m.total_join_count,
			minutesInMeeting:
				m.cumulative_time === undefined ? undefined : Math.round(Number(m.cumulative_time) / 60),
		})),
		subMeetings: ((info.sub_meetings as IDataObject[]) ?? []).map((s) => ({
			subMeetingId: s.sub_meetingid,
			status: MEETING_STATUS[Number(s.status)] ?? 'unknown',
			startTime: isoFromUnix(s.start_time, zone),
			endTime: isoFromUnix(s.end_time, zone),
			title: s.title,
		})),
		raw,
	};
}
