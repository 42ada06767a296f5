import { DateTime } from 'luxon';

import { runNode } from '../harness/run.cjs';
import { sandboxForTests } from '../harness/sandbox.cjs';

describe('Meetings against the sandbox', () => {
	const { sandbox, operations, weComCredentials: credentials } = sandboxForTests();
	const tomorrow = DateTime.now()
		.setZone('Asia/Shanghai')
		.plus({ days: 1 })
		.set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
	const op = operations('weCom', 'meeting');

	it('sends failed items to the error output when the node continues using it', async () => {
		const run = await runNode(
			{
				type: 'weCom',
				parameters: {
					resource: 'meeting',
					operation: 'create',
					adminUserId: { __rl: true, mode: 'id', value: '={{ $json.admin }}' },
					title: '评审',
					startTime: '={{ $json.start }}',
					durationMinutes: 30,
				},
				onError: 'continueErrorOutput',
			},
			{
				credentials: credentials(),
				items: [
					{ admin: 'zhangsan', start: tomorrow.toISO() },
					{ admin: 'zhangsan', start: '2000-01-01T10:00:00+08:00' },
					{ admin: 'nobody-here', start: tomorrow.toISO() },
				],
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.output('Node', 0).map((o) => o.title)).toEqual(['评审']);
		const failed = run.output('Node', 1);
		// n8n merges the input item into an error-output item: the caller still has its own fields.
		expect(failed).toEqual([
			{
				admin: 'zhangsan',
				start: '2000-01-01T10:00:00+08:00',
				error: expect.stringMatching(/^Start: .* is not in the future/),
				message: expect.stringContaining('later than now'),
			},
			expect.objectContaining({
				admin: 'nobody-here',
				error: expect.stringMatching(/^WeCom: .*\(40003\)$/),
			}),
		]);
		expect(run.items('Node', 1).map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	});

	it('runs the approval-to-meeting lifecycle: create → get → update → list → cancel', async () => {
		const created = await op('create', {
			adminUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
			title: '项目评审',
			startTime: tomorrow.toISO(),
			durationMinutes: 45,
			additionalFields: { invitees: ['lisi', 'wangwu'], location: '3F' },
			settings: { password: '2468', hosts: ['lisi'] },
		});
		expect(created.error).toBeUndefined();
		const [meeting] = created.output('Node');
		expect(meeting).toMatchObject({
			title: '项目评审',
			status: 'upcoming',
			durationMinutes: 45,
			invitees: ['lisi', 'wangwu'],
		});
		expect(String(meeting.meetingCode)).toMatch(/^\d{9}$/);
		expect(String(meeting.joinUrl)).toMatch(/^https:\/\/meeting\.tencent\.com\/dm\//);
		expect(meeting.startTime).toBe(tomorrow.toISO());

		const fetched = await op('get', { lookupBy: 'meetingCode', meetingCode: meeting.meetingCode });
		expect(fetched.output('Node')[0]).toMatchObject({
			title: '项目评审',
			meetingCode: meeting.meetingCode,
			hosts: ['lisi'],
		});

		const later = tomorrow.plus({ hours: 2 });
		const updated = await op('update', {
			meetingId: meeting.meetingId,
			updateFields: { startTime: later.toISO(), title: '项目评审（改期）' },
		});
		expect(updated.error).toBeUndefined();
		expect(updated.output('Node')[0]).toMatchObject({
			title: '项目评审（改期）',
			startTime: later.toISO(),
			durationMinutes: 45,
		});
		const sentUpdate = sandbox.state.log.all({ path: '/cgi-bin/meeting/update' })[0].body as Record<
			string,
			unknown
		>;
		expect(sentUpdate).toMatchObject({
			meeting_start: Math.floor(later.toSeconds()),
			meeting_duration: 2700,
		});

		const listed = await op('getAll', {
			memberUserId: { __rl: true, mode: 'id', value: 'lisi' },
			rangeStart: DateTime.now().toISO(),
			rangeEnd: DateTime.now().plus({ days: 3 }).toISO(),
			returnAll: true,
			options: { includeDetails: true },
		});
		expect(listed.output('Node').map((m) => m.meetingId)).toEqual([meeting.meetingId]);

		const cancelled = await op('cancel', { meetingId: meeting.meetingId });
		expect(cancelled.output('Node')).toEqual([{ meetingId: meeting.meetingId, cancelled: true }]);
		const after = await op('get', { lookupBy: 'meetingId', meetingId: meeting.meetingId });
		expect(after.output('Node')[0]).toMatchObject({ status: 'cancelled', statusCode: 4 });

		const again = await op('cancel', { meetingId: meeting.meetingId });
		expect(again.error?.message).toBe(
			`WeCom cannot cancel meeting ${String(meeting.meetingId)}: it is cancelled (40058)`,
		);
	});

	it('creates a weekly series and cancels one occurrence', async () => {
		const created = await op('create', {
			adminUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
			title: '周会',
			startTime: tomorrow.toISO(),
			durationMinutes: 30,
			recurrence: { repeatType: 1, repeatCount: 4 },
			remindBefore: [300],
		});
		const [meeting] = created.output('Node');
		expect(meeting.subMeetings).toHaveLength(4);
		const second = (meeting.subMeetings as Array<{ subMeetingId: string }>)[1].subMeetingId;
		const cancelled = await op('cancel', {
			meetingId: meeting.meetingId,
			options: { subMeetingId: second },
		});
		expect(cancelled.error).toBeUndefined();
		const after = await op('get', { lookupBy: 'meetingId', meetingId: meeting.meetingId });
		expect(
			(after.output('Node')[0].subMeetings as Array<{ status: string }>).map((s) => s.status),
		).toEqual(['upcoming', 'cancelled', 'upcoming', 'upcoming']);
	});

	it('keeps the valid items when one is invalid (Continue On Fail), and sends nothing for the invalid one', async () => {
		const run = await op(
			'create',
			{
				adminUserId: { __rl: true, mode: 'id', value: '={{ $json.admin }}' },
				title: '={{ $json.title }}',
				startTime: '={{ $json.start }}',
				durationMinutes: 30,
			},
			[
				{ admin: 'zhangsan', title: 'A', start: tomorrow.toISO() },
				{ admin: 'zhangsan', title: 'B', start: '2001-01-01T10:00:00+08:00' },
				{ admin: 'nobody', title: 'C', start: tomorrow.toISO() },
				{ admin: 'lisi', title: 'D', start: tomorrow.toISO() },
			],
			true,
		);
		expect(run.error).toBeUndefined();
		const out = run.output('Node');
		expect(out.map((o) => o.title ?? o.error)).toEqual([
			'A',
			'Start: 2001-01-01T10:00:00.000+08:00 is not in the future [item 1]',
			'WeCom: invalid admin_userid (40003)',
			'D',
		]);
		expect(out[2]).toMatchObject({ errcode: 40003 });
		expect(sandbox.state.log.all({ path: '/cgi-bin/meeting/create' })).toHaveLength(3);
	});

	it('explains a member outside the app’s visible range and a missing meeting permission', async () => {
		await fetch(`${sandbox.url}/__sandbox/wecom/app`, {
			method: 'POST',
			body: JSON.stringify({ kind: 'app', visibleDepartments: [3] }),
		});
		const outside = await op('create', {
			adminUserId: { __rl: true, mode: 'id', value: 'zhangsan' },
			title: 'x',
			startTime: tomorrow.toISO(),
			durationMinutes: 30,
		});
		expect(outside.error?.message).toBe(
			'WeCom: admin_userid is outside the app’s visible range (50002)',
		);
		await fetch(`${sandbox.url}/__sandbox/wecom/app`, {
			method: 'POST',
			body: JSON.stringify({ kind: 'app', revoke: ['meeting'] }),
		});
		const denied = await op('cancel', { meetingId: 'hy-any' });
		expect(denied.error?.description).toContain('可使用会议的应用');
	});
});
