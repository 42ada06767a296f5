import { randomBytes } from 'node:crypto';

import type { Router } from '../http.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { size, validate, type Schema } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * Meetings (reference §2): create, update, cancel, get_info, get_user_meetingid, with the status
 * lifecycle derived from the sandbox clock (upcoming → in progress → ended; or cancelled).
 * WeCom documents no errcode for "not in reserved state"; the sandbox answers 40058 with a hint.
 */

export interface SandboxMeeting {
	meetingid: string;
	meeting_code: string;
	meeting_link: string;
	admin_userid: string;
	title: string;
	meeting_start: number;
	meeting_duration: number;
	description?: string;
	location?: string;
	cal_id?: string;
	invitees: string[];
	settings: Record<string, unknown>;
	reminders?: Record<string, unknown>;
	cancelled: boolean;
	cancelledSubMeetings: Set<string>;
	createdAt: number;
}

const USERS = { type: 'object', fields: { userid: { type: 'string[]' } } } as const;

const SETTINGS: Schema = {
	password: { type: 'string' },
	enable_waiting_room: { type: 'bool' },
	allow_enter_before_host: { type: 'bool' },
	remind_scope: { type: 'uint', enum: [1, 2, 3, 4] },
	ring_users: USERS,
	enable_enter_mute: { type: 'uint', enum: [0, 1, 2] },
	allow_unmute_self: { type: 'bool' },
	mute_all: { type: 'bool' },
	allow_external_user: { type: 'bool' },
	enable_screen_watermark: { type: 'bool' },
	watermark_type: { type: 'uint', enum: [0, 1] },
	auto_record_type: { type: 'string', enum: ['none', 'local', 'cloud'] },
	attendee_join_auto_record: { type: 'bool' },
	enable_host_pause_auto_record: { type: 'bool' },
	enable_interpreter: { type: 'bool' },
	enable_enroll: { type: 'bool' },
	enable_host_key: { type: 'bool' },
	host_key: { type: 'string' },
	hosts: USERS,
};

const REMINDERS: Schema = {
	is_repeat: { type: 'uint', enum: [0, 1] },
	repeat_type: { type: 'uint', enum: [0, 1, 2, 7] },
	is_custom_repeat: { type: 'uint', enum: [0, 1] },
	repeat_interval: { type: 'uint' },
	repeat_day_of_week: { type: 'uint[]' },
	repeat_day_of_month: { type: 'uint[]' },
	repeat_until_type: { type: 'uint', enum: [0, 1] },
	repeat_until_count: { type: 'uint' },
	repeat_until: { type: 'uint' },
	remind_before: { type: 'uint[]' },
};

const COMMON: Schema = {
	// meeting/create and meeting/update, path/98148 and path/98154: 1–255 characters.
	title: { type: 'string', max: 255, unit: 'chars' },
	meeting_start: { type: 'uint' },
	meeting_duration: { type: 'uint' },
	description: { type: 'string', max: 500, unit: 'bytes' },
	location: { type: 'string', max: 128, unit: 'chars' },
	agentid: { type: 'uint' },
	invitees: USERS,
	cal_id: { type: 'string', max: 64, unit: 'bytes' },
	settings: { type: 'object', fields: SETTINGS },
	reminders: { type: 'object', fields: REMINDERS },
};

const CREATE: Schema = {
	...COMMON,
	admin_userid: { type: 'string', required: true },
	title: { ...COMMON.title, required: true },
};
const UPDATE: Schema = { ...COMMON, meetingid: { type: 'string', required: true } };

export class MeetingStore {
	readonly meetings = new Map<string, SandboxMeeting>();

	status(meeting: SandboxMeeting, now: number) {
		if (meeting.cancelled) return 4;
		const seconds = now / 1000;
		if (seconds < meeting.meeting_start) return 1;
		const lastEnd = this.occurrences(meeting).reduce(
			(end, o) => Math.max(end, o.start + meeting.meeting_duration),
			0,
		);
		if (seconds < meeting.meeting_start + meeting.meeting_duration) return 2;
		return seconds < lastEnd ? 1 : 3;
	}

	/** Occurrences of a series (one for a one-off meeting). */
	occurrences(meeting: SandboxMeeting): Array<{ id: string; start: number }> {
		const r = meeting.reminders;
		if (!r || r.is_repeat !== 1)
			return [{ id: `${meeting.meetingid}-0`, start: meeting.meeting_start }];
		const type = Number(r.repeat_type ?? 0);
		const interval = Number(r.repeat_interval ?? 1);
		const limit = type === 2 || interval === 2 ? 50 : 200;
		const count =
			r.repeat_until_type === 1 ? Math.min(Number(r.repeat_until_count ?? 7), limit) : limit;
		const until =
			r.repeat_until_type === 1
				? Infinity
				: Number(r.repeat_until ?? meeting.meeting_start + 7 * 86400);
		const out: Array<{ id: string; start: number }> = [];
		const date = new Date(meeting.meeting_start * 1000);
		while (out.length < count) {
			const start = Math.floor(date.getTime() / 1000);
			if (start > until) break;
			const weekday = date.getUTCDay();
			if (type !== 7 || (weekday !== 0 && weekday !== 6))
				out.push({ id: `${meeting.meetingid}-${out.length}`, start });
			if (type === 0 || type === 7) date.setUTCDate(date.getUTCDate() + 1);
			else if (type === 1) date.setUTCDate(date.getUTCDate() + 7 * interval);
			else date.setUTCMonth(date.getUTCMonth() + 1);
		}
		return out;
	}
}

function checkUsers(
	world: WeComWorld,
	app: Parameters<WeComWorld['canSee']>[0],
	ids: string[] | undefined,
	what: string,
) {
	for (const id of ids ?? []) {
		const member = world.contacts.members.get(id);
		if (!member) fail(40031, `invalid ${what} userid: ${id}`);
		if (!world.canSee(app, member)) fail(40031, `${what} ${id} is outside the app's visible range`);
	}
}

function checkMeetingRules(
	body: Record<string, unknown>,
	nowSeconds: number,
	requireFuture: boolean,
) {
	if (
		body.meeting_start !== undefined &&
		requireFuture &&
		Number(body.meeting_start) <= nowSeconds
	) {
		fail(40058, 'meeting_start must be later than now');
	}
	if (body.meeting_duration !== undefined) {
		const d = Number(body.meeting_duration);
		if (d < 300 || d > 86399) fail(40058, 'meeting_duration must be between 300 and 86399');
	}
	const settings = body.settings as Record<string, unknown> | undefined;
	if (settings?.password !== undefined && !/^\d{4,6}$/.test(String(settings.password)))
		fail(40058, 'password must be 4-6 digits');
	if (settings?.host_key !== undefined && !/^\d{6}$/.test(String(settings.host_key)))
		fail(40058, 'host_key must be 6 digits');
	const hosts = (settings?.hosts as { userid?: string[] } | undefined)?.userid;
	if (hosts && hosts.length > 10) fail(40058, 'at most 10 hosts');
	const invitees = (body.invitees as { userid?: string[] } | undefined)?.userid;
	if (invitees && invitees.length > 300) fail(40058, 'too many invitees');
	const reminders = body.reminders as Record<string, unknown> | undefined;
	if (reminders?.repeat_interval !== undefined) {
		if (reminders.repeat_type !== 1 || Number(reminders.repeat_interval) > 2)
			fail(40058, 'repeat_interval is only for weekly meetings and at most 2');
	}
	if (
		reminders?.repeat_until !== undefined &&
		body.meeting_start !== undefined &&
		Number(reminders.repeat_until) <= Number(body.meeting_start)
	) {
		fail(40058, 'repeat_until must be after meeting_start');
	}
}

export function registerMeetingRoutes(router: Router, world: WeComWorld) {
	const opts = { permission: 'meeting' as const };
	const store = () => world.meetings;
	const nowSeconds = () => Math.floor(world.now() / 1000);

	function find(body: Record<string, unknown>) {
		const meeting = body.meetingid
			? store().meetings.get(String(body.meetingid))
			: [...store().meetings.values()].find((m) => m.meeting_code === body.meeting_code);
		if (!meeting) fail(40058, 'invalid meetingid');
		return meeting;
	}

	wecomRoute(router, world, 'POST', '/cgi-bin/meeting/create', opts, ({ body, app }) => {
		validate(body, CREATE);
		if (body.meeting_start === undefined || body.meeting_duration === undefined)
			fail(40063, 'meeting_start and meeting_duration are required');
		if (size(String(body.title)) === 0) fail(40063, 'title is empty');
		const admin = world.contacts.members.get(String(body.admin_userid));
		if (!admin) fail(40003, 'invalid admin_userid');
		if (!world.canSee(app, admin)) fail(50002, 'admin_userid is outside the app’s visible range');
		checkUsers(world, app, (body.invitees as { userid?: string[] } | undefined)?.userid, 'invitee');
		const settings = (body.settings ?? {}) as Record<string, unknown>;
		checkUsers(world, app, (settings.hosts as { userid?: string[] } | undefined)?.userid, 'host');
		checkUsers(
			world,
			app,
			(settings.ring_users as { userid?: string[] } | undefined)?.userid,
			'ring user',
		);
		checkMeetingRules(body, nowSeconds(), true);
		const meetingid = `hy${randomBytes(12).toString('hex')}`;
		const meeting: SandboxMeeting = {
			meetingid,
			meeting_code: String(100_000_000 + (randomBytes(4).readUInt32BE(0) % 900_000_000)),
			meeting_link: `https://meeting.tencent.com/dm/${randomBytes(6).toString('base64url')}`,
			admin_userid: String(body.admin_userid),
			title: String(body.title),
			meeting_start: Number(body.meeting_start),
			meeting_duration: Number(body.meeting_duration),
			description: body.description as string | undefined,
			location: body.location as string | undefined,
			cal_id: body.cal_id as string | undefined,
			invitees: ((body.invitees as { userid?: string[] } | undefined)?.userid ?? []).slice(),
			settings,
			reminders: body.reminders as Record<string, unknown> | undefined,
			cancelled: false,
			cancelledSubMeetings: new Set(),
			createdAt: world.now(),
		};
		store().meetings.set(meetingid, meeting);
		return { meetingid, excess_users: [] };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/meeting/update', opts, ({ body, app }) => {
		validate(body, UPDATE);
		const meeting = find(body);
		if (store().status(meeting, world.now()) !== 1)
			fail(40058, 'meeting is not in reserved status');
		if ((body.meeting_start === undefined) !== (body.meeting_duration === undefined)) {
			fail(40058, 'meeting_start and meeting_duration must be updated together');
		}
		checkUsers(world, app, (body.invitees as { userid?: string[] } | undefined)?.userid, 'invitee');
		checkMeetingRules(body, nowSeconds(), true);
		if (body.title !== undefined) meeting.title = String(body.title);
		if (body.meeting_start !== undefined) meeting.meeting_start = Number(body.meeting_start);
		if (body.meeting_duration !== undefined)
			meeting.meeting_duration = Number(body.meeting_duration);
		if (body.description !== undefined) meeting.description = String(body.description);
		if (body.location !== undefined) meeting.location = String(body.location);
		if (body.cal_id !== undefined) meeting.cal_id = String(body.cal_id);
		if (body.invitees !== undefined)
			meeting.invitees = ((body.invitees as { userid?: string[] }).userid ?? []).slice();
		if (body.settings !== undefined)
			meeting.settings = { ...meeting.settings, ...(body.settings as Record<string, unknown>) };
		if (body.reminders !== undefined) meeting.reminders = body.reminders as Record<string, unknown>;
		return { excess_users: [] };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/meeting/cancel', opts, ({ body }) => {
		validate(body, {
			meetingid: { type: 'string', required: true },
			sub_meetingid: { type: 'string' },
		});
		const meeting = find(body);
		if (store().status(meeting, world.now()) !== 1)
			fail(40058, 'meeting is not in reserved status');
		if (body.sub_meetingid !== undefined) {
			if (
				!store()
					.occurrences(meeting)
					.some((o) => o.id === body.sub_meetingid)
			)
				fail(40058, 'invalid sub_meetingid');
			meeting.cancelledSubMeetings.add(String(body.sub_meetingid));
		} else {
			meeting.cancelled = true;
		}
		return {};
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/meeting/get_info', opts, ({ body }) => {
		validate(body, {
			meetingid: { type: 'string' },
			meeting_code: { type: 'string' },
			sub_meetingid: { type: 'string' },
		});
		if (!body.meetingid && !body.meeting_code) fail(40063, 'meetingid or meeting_code is required');
		const meeting = find(body);
		const status = store().status(meeting, world.now());
		const occurrences = store().occurrences(meeting);
		return {
			admin_userid: meeting.admin_userid,
			title: meeting.title,
			meeting_start: meeting.meeting_start,
			meeting_duration: meeting.meeting_duration,
			description: meeting.description ?? '',
			location: meeting.location ?? '',
			main_department: world.contacts.members.get(meeting.admin_userid)?.main_department ?? 1,
			status,
			meeting_type: meeting.reminders?.is_repeat === 1 ? 1 : 0,
			invitees: { userid: meeting.invitees },
			attendees: {
				member: meeting.invitees.map((userid) => ({
					userid,
					status: 2,
					total_join_count: 0,
					cumulative_time: 0,
				})),
				tmp_external_user: [],
			},
			settings: { ...meeting.settings, need_password: Boolean(meeting.settings.password) },
			cal_id: meeting.cal_id ?? '',
			reminders: meeting.reminders ?? { is_repeat: 0 },
			meeting_code: meeting.meeting_code,
			meeting_link: meeting.meeting_link,
			sub_meetings:
				meeting.reminders?.is_repeat === 1
					? occurrences.map((o) => ({
							sub_meetingid: o.id,
							status: meeting.cancelledSubMeetings.has(o.id) ? 4 : status === 4 ? 4 : 1,
							start_time: o.start,
							end_time: o.start + meeting.meeting_duration,
							title: meeting.title,
						}))
					: [],
			has_more_sub_meeting: 0,
		};
	});

	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/meeting/get_user_meetingid',
		opts,
		({ body, app }) => {
			validate(body, {
				userid: { type: 'string', required: true },
				cursor: { type: 'string' },
				begin_time: { type: 'uint' },
				end_time: { type: 'uint' },
				limit: { type: 'uint', min: 1, max: 100 },
			});
			const member = world.contacts.members.get(String(body.userid));
			if (!member) fail(40003, 'invalid userid');
			if (!world.canSee(app, member)) fail(50002, 'userid is outside the app’s visible range');
			const end = Number(body.end_time ?? nowSeconds());
			const begin = Number(body.begin_time ?? end - 180 * 86400);
			if (end < begin) fail(40058, 'end_time earlier than begin_time');
			if (end - begin > 180 * 86400) fail(40058, 'time range exceeds 180 days');
			const ids = [...store().meetings.values()]
				.filter(
					(m) =>
						(m.admin_userid === body.userid || m.invitees.includes(String(body.userid))) &&
						m.meeting_start >= begin &&
						m.meeting_start <= end,
				)
				.sort((a, b) => a.meeting_start - b.meeting_start)
				.map((m) => m.meetingid);
			const offset = body.cursor && body.cursor !== '0' ? Number(body.cursor) : 0;
			const limit = Number(body.limit ?? 100);
			const page = ids.slice(offset, offset + limit);
			return {
				next_cursor: offset + limit < ids.length ? String(offset + limit) : '',
				meetingid_list: page,
			};
		},
	);
}
