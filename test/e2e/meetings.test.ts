import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import approvalToMeeting from '../../examples/approval-to-meeting.json';
import cancelMeeting from '../../examples/cancel-meeting.json';
import { itemsWorkflow, sandboxCredentials, WECOM_APP } from './fixtures.cjs';
import { cleanup, startN8n, type N8n } from './lab.cjs';

const wecomNode = (
	operation: string,
	parameters: Record<string, unknown>,
	continueOnFail = false,
) => ({
	type: 'n8n-nodes-wecom-welink.weCom',
	parameters: { resource: 'meeting', operation, ...parameters },
	credentials: WECOM_APP,
	continueOnFail,
	typeVersion: 2,
});

const workflows = [
	approvalToMeeting,
	cancelMeeting,
	itemsWorkflow(
		'e2eMeetingGet001',
		'e2e-meeting-get',
		wecomNode('get', { lookupBy: 'meetingId', meetingId: '={{ $json.meetingId }}' }),
	),
	itemsWorkflow(
		'e2eMeetingUpd001',
		'e2e-meeting-update',
		wecomNode('update', {
			meetingId: '={{ $json.meetingId }}',
			updateFields: { startTime: '={{ $json.start }}', location: '={{ $json.location }}' },
		}),
	),
	itemsWorkflow(
		'e2eMeetingList01',
		'e2e-meeting-list',
		wecomNode('getAll', {
			memberUserId: { __rl: true, mode: 'id', value: '={{ $json.member }}' },
			rangeStart: '={{ $now.minus({ days: 1 }) }}',
			rangeEnd: '={{ $now.plus({ days: 400 }) }}',
			returnAll: true,
		}),
	),
	itemsWorkflow(
		'e2eMeetingBatch1',
		'e2e-meeting-create-batch',
		wecomNode(
			'create',
			{
				adminUserId: { __rl: true, mode: 'id', value: '={{ $json.admin }}' },
				title: '={{ $json.title }}',
				startTime: '={{ $json.start }}',
				durationMinutes: 30,
			},
			true,
		),
	),
];

describe('meetings in real n8n (approval → meeting → cancel)', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const start = DateTime.now()
		.setZone('Asia/Shanghai')
		.plus({ days: 2 })
		.set({ hour: 15, minute: 0, second: 0, millisecond: 0 });

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('books a meeting from an approval and writes back ID, code and join link; get, update, list, cancel it', async () => {
		const approval = await n8n.webhook('approval-to-meeting', {
			approvalId: 'SP-2026-0042',
			applicant: 'zhangsan',
			title: '季度复盘',
			start: start.toFormat('yyyy-MM-dd HH:mm'),
			durationMinutes: 60,
			attendees: 'lisi|wangwu',
			format: 'online',
		});
		expect(approval.status).toBe(200);
		const booked = approval.data as Record<string, string>;
		expect(booked).toMatchObject({
			approvalId: 'SP-2026-0042',
			status: 'booked',
			startTime: start.toISO(),
		});
		expect(booked.meetingCode).toMatch(/^\d{9}$/);
		expect(booked.joinUrl).toMatch(/^https:\/\/meeting\.tencent\.com\//);
		const stored = sandbox.state.wecom.meetings.meetings.get(booked.meetingId);
		expect(stored).toMatchObject({
			title: '季度复盘',
			invitees: ['lisi', 'wangwu'],
			admin_userid: 'zhangsan',
		});

		const offline = await n8n.webhook('approval-to-meeting', {
			approvalId: 'SP-2',
			format: 'offline',
		});
		expect(offline.data).toEqual({
			approvalId: 'SP-2',
			status: 'offline meeting, no WeCom booking',
		});

		const got = await n8n.webhook('e2e-meeting-get', { items: [{ meetingId: booked.meetingId }] });
		expect(got.data).toEqual([
			expect.objectContaining({
				meetingId: booked.meetingId,
				status: 'upcoming',
				meetingCode: booked.meetingCode,
			}),
		]);

		const later = start.plus({ days: 1 });
		const updated = await n8n.webhook('e2e-meeting-update', {
			items: [{ meetingId: booked.meetingId, start: later.toISO(), location: '5F' }],
		});
		expect(updated.data).toEqual([
			expect.objectContaining({ startTime: later.toISO(), location: '5F', durationMinutes: 60 }),
		]);

		const listed = await n8n.webhook('e2e-meeting-list', { items: [{ member: 'wangwu' }] });
		expect(listed.data).toEqual([{ meetingId: booked.meetingId }]);

		const cancelled = await n8n.webhook('cancel-meeting', { meetingId: booked.meetingId });
		expect(cancelled.data).toEqual({ meetingId: booked.meetingId, status: 'cancelled' });
		const again = await n8n.webhook('cancel-meeting', { meetingId: booked.meetingId });
		expect(again.status).toBe(502);
		expect(again.data).toMatchObject({
			meetingId: booked.meetingId,
			status: 'failed',
			reason: `WeCom cannot cancel meeting ${booked.meetingId}: it is cancelled (40058)`,
		});
	});

	it('answers the approval system with a non-2xx status and a JSON reason when a booking fails', async () => {
		sandbox.state.log.clear();
		const request = {
			approvalId: 'SP-9',
			applicant: 'zhangsan',
			title: '复盘',
			durationMinutes: 60,
			format: 'online',
		};
		const invalid = await n8n.webhook('approval-to-meeting', {
			...request,
			start: '2000-01-01 10:00',
		});
		expect(invalid.status).toBe(422);
		expect(invalid.data).toMatchObject({ approvalId: 'SP-9', status: 'failed' });
		expect((invalid.data as { reason: string }).reason).toMatch(/^Start: .* is not in the future/);
		expect(sandbox.state.log.all({ path: '/cgi-bin/meeting/create' })).toHaveLength(0);

		const refused = await n8n.webhook('approval-to-meeting', {
			...request,
			applicant: 'nobody-here',
			start: start.toFormat('yyyy-MM-dd HH:mm'),
		});
		expect(refused.status).toBe(502);
		expect(refused.data).toMatchObject({ approvalId: 'SP-9', status: 'failed' });
		expect((refused.data as { reason: string }).reason).toMatch(/^WeCom: .*\(40003\)$/);
	});

	it('keeps the valid items of a batch when one is invalid, calling WeCom only for the valid ones', async () => {
		sandbox.state.log.clear();
		const { data } = await n8n.webhook('e2e-meeting-create-batch', {
			items: [
				{ admin: 'zhangsan', title: '一', start: start.toISO() },
				{ admin: 'zhangsan', title: '二', start: '2000-01-01T10:00:00+08:00' },
				{ admin: 'lisi', title: '三', start: start.plus({ hours: 1 }).toISO() },
			],
		});
		const out = data as Array<Record<string, unknown>>;
		expect(out.map((o) => o.title ?? o.error)).toEqual([
			'一',
			'Start: 2000-01-01T10:00:00.000+08:00 is not in the future [item 1]',
			'三',
		]);
		expect(sandbox.state.log.all({ path: '/cgi-bin/meeting/create' })).toHaveLength(2);
	});
});
