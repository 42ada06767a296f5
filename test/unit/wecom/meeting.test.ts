import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';

const BASE = 'https://wecom.test';
const credentials = {
	wecomWelinkWeComApi: {
		corpId: 'ww-unit',
		secret: 'dummy-secret',
		agentId: '1000002',
		baseUrl: BASE,
		accessToken: 'TOKEN',
		accessTokenRefreshAt: Date.now() + 3600_000,
	},
};
// 2030-01-01 10:00 in Asia/Shanghai (the harness workflow timezone) = 2030-01-01T02:00:00Z
const START = '2030-01-01 10:00';
const START_UNIX = 1893463200;

const meeting = (operation: string, parameters: Record<string, unknown> = {}) => ({
	type: 'weCom',
	parameters: { resource: 'meeting', operation, ...parameters },
});

const create = (parameters: Record<string, unknown> = {}) =>
	meeting('create', {
		adminUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
		title: '周会',
		startTime: START,
		durationMinutes: 30,
		...parameters,
	});

const INFO = {
	errcode: 0,
	errmsg: 'ok',
	admin_userid: 'zhangsan',
	title: '周会',
	meeting_start: START_UNIX,
	meeting_duration: 1800,
	status: 1,
	meeting_type: 0,
	meeting_code: '123456789',
	meeting_link: 'https://meeting.tencent.com/dm/abc',
	invitees: { userid: ['lisi'] },
	attendees: { member: [{ userid: 'lisi', status: 2, total_join_count: 0, cumulative_time: 0 }] },
	settings: { hosts: { userid: ['wangwu'] } },
};

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('Meeting: Create', () => {
	it('sends every field as meeting/create documents it and returns ID, code and join link in one item', async () => {
		let sent: Record<string, unknown> = {};
		nock(BASE)
			.post('/cgi-bin/meeting/create', (body) => {
				sent = body;
				return true;
			})
			.query({ access_token: 'TOKEN' })
			.reply(200, { errcode: 0, errmsg: 'ok', meetingid: 'hyMEETING', excess_users: ['lisi'] })
			.post('/cgi-bin/meeting/get_info', { meetingid: 'hyMEETING' })
			.query(true)
			.reply(200, INFO);
		const run = await runNode(
			create({
				additionalFields: {
					description: '讨论 Q1 计划',
					location: '3F 会议室',
					invitees: 'lisi, wangwu|zhaoliu',
					calendarId: 'cal-1',
				},
				settings: {
					password: '1234',
					enableWaitingRoom: true,
					allowEnterBeforeHost: false,
					remindScope: 4,
					ringUsers: ['lisi'],
					enableEnterMute: 1,
					whoMayJoin: 'internal',
					enableScreenWatermark: true,
					watermarkType: 1,
					hosts: ['wangwu'],
					autoRecordType: 'cloud',
					allowUnmuteSelf: false,
					muteAll: true,
					enableHostKey: true,
					hostKey: '654321',
				},
				recurrence: { repeatType: 1, repeatInterval: 2, repeatCount: 10 },
				remindBefore: [900, 0, 86400],
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(sent).toEqual({
			admin_userid: 'zhangsan',
			title: '周会',
			meeting_start: START_UNIX,
			meeting_duration: 1800,
			description: '讨论 Q1 计划',
			location: '3F 会议室',
			cal_id: 'cal-1',
			invitees: { userid: ['lisi', 'wangwu', 'zhaoliu'] },
			settings: {
				password: '1234',
				enable_waiting_room: true,
				allow_enter_before_host: false,
				enable_screen_watermark: true,
				allow_unmute_self: false,
				mute_all: true,
				enable_host_key: true,
				enable_enter_mute: 1,
				watermark_type: 1,
				auto_record_type: 'cloud',
				allow_external_user: false,
				host_key: '654321',
				hosts: { userid: ['wangwu'] },
				remind_scope: 4,
				ring_users: { userid: ['lisi'] },
			},
			reminders: {
				is_repeat: 1,
				repeat_type: 1,
				is_custom_repeat: 1,
				repeat_interval: 2,
				repeat_until_type: 1,
				repeat_until_count: 10,
				remind_before: [0, 900, 86400],
			},
		});
		const [out] = run.output('Node');
		expect(out).toMatchObject({
			meetingId: 'hyMEETING',
			meetingCode: '123456789',
			joinUrl: 'https://meeting.tencent.com/dm/abc',
			status: 'upcoming',
			statusCode: 1,
			startTime: '2030-01-01T10:00:00.000+08:00',
			endTime: '2030-01-01T10:30:00.000+08:00',
			durationMinutes: 30,
			excessUsers: ['lisi'],
			invitees: ['lisi'],
			hosts: ['wangwu'],
		});
		expect(out.raw).toEqual({
			create: { meetingid: 'hyMEETING', excess_users: ['lisi'] },
			meeting: expect.objectContaining({ meeting_code: '123456789' }),
		});
	});

	it('skips get_info when create already returns the code and link (newer API)', async () => {
		nock(BASE).post('/cgi-bin/meeting/create').query(true).reply(200, {
			errcode: 0,
			meetingid: 'hyNEW',
			meeting_code: '987654321',
			meeting_link: 'https://m/x',
		});
		const run = await runNode(create(), { credentials });
		expect(run.output('Node')[0]).toMatchObject({
			meetingId: 'hyNEW',
			meetingCode: '987654321',
			joinUrl: 'https://m/x',
			title: '周会',
		});
		expect(nock.isDone()).toBe(true);
	});

	/** meeting/create answering `times` calls; returns the bodies it received. */
	const createEndpoint = (times: number) => {
		const bodies: Array<Record<string, unknown>> = [];
		nock(BASE)
			.post('/cgi-bin/meeting/create', (body) => {
				bodies.push(body);
				return true;
			})
			.query(true)
			.times(times)
			.reply(200, { errcode: 0, meetingid: 'm', meeting_code: '1', meeting_link: 'l' });
		return bodies;
	};

	it('reads start times given as Unix seconds, milliseconds and ISO text with an offset', async () => {
		const bodies = createEndpoint(3);
		const run = await runNode(create({ startTime: '={{ $json.start }}' }), {
			credentials,
			items: [
				{ start: START_UNIX },
				{ start: START_UNIX * 1000 },
				{ start: '2030-01-01T02:00:00Z' },
			],
		});
		expect(run.error).toBeUndefined();
		expect(bodies.map((b) => b.meeting_start)).toEqual([START_UNIX, START_UNIX, START_UNIX]);
	});

	it('End On as a date ends the series at the end of that day (workflow timezone), as check-in ranges do', async () => {
		const bodies = createEndpoint(3);
		const run = await runNode(
			create({ recurrence: { repeatType: 0, repeatUntil: '={{ $json.until }}' } }),
			{
				credentials,
				// The date picker's value for a day, the same as text, and an explicit time.
				items: [
					{ until: '2030-02-28T00:00:00' },
					{ until: '2030-02-28' },
					{ until: '2030-02-28 09:00' },
				],
			},
		);
		expect(run.error).toBeUndefined();
		// 2030-02-28 23:59:59 and 09:00:00 in Asia/Shanghai.
		expect(bodies.map((b) => b.reminders)).toEqual([
			expect.objectContaining({ repeat_until_type: 0, repeat_until: 1898524799 }),
			expect.objectContaining({ repeat_until_type: 0, repeat_until: 1898524799 }),
			expect.objectContaining({ repeat_until_type: 0, repeat_until: 1898470800 }),
		]);
	});

	it.each([
		[
			{ title: '会'.repeat(256) },
			'Title: is 256 characters, over the limit of 255 characters [item 0]',
		],
		// Values from upstream data (expressions) are what reach these checks; n8n itself refuses to
		// start a workflow whose required fields are literally empty.
		[{ title: '={{ $json.missing }}' }, 'Title: is required [item 0]'],
		[
			{ startTime: '2020-01-01 10:00' },
			'Start: 2020-01-01T10:00:00.000+08:00 is not in the future [item 0]',
		],
		[{ startTime: 'next tuesday' }, 'Start: "next tuesday" is not a date and time [item 0]'],
		[{ durationMinutes: 4 }, 'Duration (Minutes): 4 is outside 5–1439 minutes [item 0]'],
		[{ durationMinutes: 1440 }, 'Duration (Minutes): 1440 is outside 5–1439 minutes [item 0]'],
		[
			{ adminUserId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } },
			'Admin: is required [item 0]',
		],
		[
			{ adminUserId: { __rl: true, mode: 'id', value: '={{ "张三" }}' } },
			'Admin: "张三" is not a member ID (账号: 1–64 letters, digits or _-@.) [item 0]',
		],
		[{ settings: { password: '12ab' } }, 'Password: must be 4 to 6 digits [item 0]'],
		[{ settings: { password: '1234567' } }, 'Password: must be 4 to 6 digits [item 0]'],
		[
			{ settings: { hosts: 'a,b,c,d,e,f,g,h,i,j,k' } },
			"Hosts: has 11 members, over WeCom's limit of 10 [item 0]",
		],
		[{ settings: { hostKey: '123' } }, 'Host Key: must be exactly 6 digits [item 0]'],
		[
			{ settings: { remindScope: 4 } },
			'Ring Users: is empty while Ring Reminder is "Ring Users Only" [item 0]',
		],
		[
			{ settings: { remindScope: 3, ringUsers: 'lisi' } },
			'Ring Users: only apply with Ring Reminder "Ring Users Only" [item 0]',
		],
		[
			{ recurrence: { repeatType: 0, repeatInterval: 2 } },
			'Every N Weeks: 2 is not allowed for a daily series (weekly only, at most 2) [item 0]',
		],
		[
			{ recurrence: { repeatType: 2, repeatCount: 60 } },
			'End After (Occurrences): 60 is outside 1–50 [item 0]',
		],
		[
			{ recurrence: { repeatType: 1, repeatUntil: '2029-12-31' } },
			'End On: 2029-12-31T23:59:59.999+08:00 is not after the start 2030-01-01T10:00:00.000+08:00 [item 0]',
		],
		[
			{ recurrence: { repeatCount: 5 } },
			'Recurrence: has an end or interval but no Repeat type [item 0]',
		],
		[
			{ additionalFields: { description: 'x'.repeat(501) } },
			'Description: is 501 bytes, over the limit of 500 bytes (a Chinese character takes 3 bytes) [item 0]',
		],
		[
			{ additionalFields: { location: '会'.repeat(129) } },
			'Location: is 129 characters, over the limit of 128 characters [item 0]',
		],
		[
			{ additionalFields: { invitees: Array.from({ length: 301 }, (_, i) => `u${i}`) } },
			"Invitees: has 301 members, over WeCom's limit of 300 [item 0]",
		],
	])('refuses %j before any call: %s', async (parameters, message) => {
		const run = await runNode(create(parameters), { credentials });
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBeTruthy();
	});
});

describe('Meeting: Update, Cancel, Get, Get Many', () => {
	it('sends start and duration together, reading the current duration when only the start changes', async () => {
		let sent: Record<string, unknown> = {};
		nock(BASE)
			.post('/cgi-bin/meeting/get_info', { meetingid: 'hyM' })
			.query(true)
			.reply(200, INFO)
			.post('/cgi-bin/meeting/update', (body) => {
				sent = body;
				return true;
			})
			.query(true)
			.reply(200, { errcode: 0, excess_users: [] })
			.post('/cgi-bin/meeting/get_info')
			.query(true)
			.reply(200, { ...INFO, title: '新标题' });
		const run = await runNode(
			meeting('update', {
				meetingId: 'hyM',
				updateFields: { title: '新标题', startTime: '2030-01-02 09:00' },
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(sent).toEqual({
			meetingid: 'hyM',
			title: '新标题',
			meeting_start: START_UNIX + 23 * 3600,
			meeting_duration: 1800,
		});
		expect(run.output('Node')[0]).toMatchObject({ meetingId: 'hyM', title: '新标题' });
	});

	it('refuses an update with nothing to change', async () => {
		const run = await runNode(meeting('update', { meetingId: 'hyM' }), { credentials });
		expect(run.error?.message).toBe('Update Fields: nothing to update [item 0]');
	});

	it('explains a refused cancel with the meeting’s real status', async () => {
		nock(BASE)
			.post('/cgi-bin/meeting/cancel', { meetingid: 'hyM', sub_meetingid: 'hyM-2' })
			.query(true)
			.reply(200, { errcode: 40058, errmsg: 'meeting is not in reserved status' })
			.post('/cgi-bin/meeting/get_info', { meetingid: 'hyM' })
			.query(true)
			.reply(200, { ...INFO, status: 3 });
		const run = await runNode(
			meeting('cancel', { meetingId: 'hyM', options: { subMeetingId: 'hyM-2' } }),
			{ credentials },
		);
		expect(run.error?.message).toBe('WeCom cannot cancel meeting hyM: it is ended (40058)');
		expect(run.error?.description).toContain('Only upcoming');
	});

	it('explains a missing meeting permission', async () => {
		nock(BASE)
			.post('/cgi-bin/meeting/cancel')
			.query(true)
			.reply(200, { errcode: 48002, errmsg: 'api forbidden' });
		const run = await runNode(meeting('cancel', { meetingId: 'hyM' }), { credentials });
		expect(run.error?.message).toBe('WeCom: api forbidden (48002)');
		expect(run.error?.description).toContain('API not authorised for this app (接口无权限)');
		expect(run.error?.description).toContain('可使用会议的应用');
	});

	it('cancels and reports it', async () => {
		nock(BASE)
			.post('/cgi-bin/meeting/cancel', { meetingid: 'hyM' })
			.query(true)
			.reply(200, { errcode: 0 });
		const run = await runNode(meeting('cancel', { meetingId: 'hyM' }), { credentials });
		expect(run.output('Node')).toEqual([{ meetingId: 'hyM', cancelled: true }]);
	});

	it('gets a meeting by its code and flattens attendees and sub-meetings', async () => {
		nock(BASE)
			.post('/cgi-bin/meeting/get_info', { meeting_code: '123456789' })
			.query(true)
			.reply(200, {
				...INFO,
				meetingid: undefined,
				status: 2,
				attendees: {
					member: [
						{ userid: 'lisi', status: 1, first_join_time: START_UNIX, cumulative_time: 600 },
					],
				},
				sub_meetings: [
					{
						sub_meetingid: 's1',
						status: 1,
						start_time: START_UNIX,
						end_time: START_UNIX + 1800,
						title: '周会',
					},
				],
			});
		const run = await runNode(
			meeting('get', { lookupBy: 'meetingCode', meetingCode: '123-456-789' }),
			{ credentials },
		);
		const [out] = run.output('Node');
		expect(out).toMatchObject({
			status: 'in progress',
			statusCode: 2,
			attendees: [
				{
					userId: 'lisi',
					joined: true,
					firstJoinTime: '2030-01-01T10:00:00.000+08:00',
					minutesInMeeting: 10,
				},
			],
			subMeetings: [
				{ subMeetingId: 's1', status: 'upcoming', startTime: '2030-01-01T10:00:00.000+08:00' },
			],
		});
	});

	it('splits a 400-day range into 180-day calls, follows cursors and honours the limit', async () => {
		const windows: Array<[number, number]> = [];
		nock(BASE)
			.post('/cgi-bin/meeting/get_user_meetingid', (body) => {
				if (body.cursor === '0') windows.push([body.begin_time, body.end_time]);
				return true;
			})
			.query(true)
			.times(4)
			.reply(200, (_uri, body) => {
				const b = body as { cursor: string; begin_time: number };
				if (b.cursor === '0' && windows.length === 1)
					return { errcode: 0, next_cursor: 'c2', meetingid_list: ['m1', 'm2'] };
				if (b.cursor === 'c2') return { errcode: 0, next_cursor: '', meetingid_list: ['m3'] };
				return {
					errcode: 0,
					next_cursor: '',
					meetingid_list: windows.length === 2 ? ['m3', 'm4'] : ['m5'],
				};
			});
		const run = await runNode(
			meeting('getAll', {
				memberUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
				rangeStart: '2030-01-01 00:00',
				rangeEnd: '2031-02-05 00:00',
				returnAll: true,
			}),
			{ credentials },
		);
		expect(run.error).toBeUndefined();
		expect(windows.map(([a, b]) => (b - a) / 86400)).toEqual([180, 180, 40]);
		expect(run.output('Node').map((o) => o.meetingId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
	});

	it('lists with details, limited', async () => {
		nock(BASE)
			.post('/cgi-bin/meeting/get_user_meetingid')
			.query(true)
			.reply(200, { errcode: 0, next_cursor: 'more', meetingid_list: ['m1', 'm2'] })
			.post('/cgi-bin/meeting/get_info', { meetingid: 'm1' })
			.query(true)
			.reply(200, { ...INFO, title: 'first' });
		const run = await runNode(
			meeting('getAll', {
				memberUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
				rangeStart: '2030-01-01',
				rangeEnd: '2030-02-01',
				returnAll: false,
				limit: 1,
				options: { includeDetails: true },
			}),
			{ credentials },
		);
		expect(run.output('Node')).toEqual([
			expect.objectContaining({ meetingId: 'm1', title: 'first', meetingCode: '123456789' }),
		]);
	});
});
