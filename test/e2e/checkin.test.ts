import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { planDay } from '../../sandbox/wecom/checkin.cjs';
import { SANDBOX_ROBOT_KEY } from '../../sandbox/wecom/world.cjs';
import dailyCheckinReport from '../../examples/daily-checkin-report.json';
import { itemsWorkflow, sandboxCredentials, WECOM_APP, withManualStart } from './fixtures.cjs';
import { cleanup, startN8n, type N8n } from './lab.cjs';

const checkinNode = (
	operation: string,
	parameters: Record<string, unknown>,
	continueOnFail = false,
) => ({
	type: 'n8n-nodes-wecom-welink.weCom',
	parameters: { resource: 'checkin', operation, returnAll: true, ...parameters },
	credentials: WECOM_APP,
	continueOnFail,
});

const workflows = [
	withManualStart(dailyCheckinReport),
	itemsWorkflow(
		'e2eCheckinRecs01',
		'e2e-checkin-records',
		checkinNode('getRecords', {
			who: 'members',
			members: '={{ $json.members }}',
			period: 'custom',
			start: '={{ $json.start }}',
			end: '={{ $json.end }}',
		}),
	),
	itemsWorkflow(
		'e2eCheckinDays01',
		'e2e-checkin-daily',
		checkinNode(
			'getDailyReports',
			{ who: 'members', members: '={{ $json.members }}', period: 'yesterday' },
			true,
		),
	),
	itemsWorkflow(
		'e2eCheckinSched1',
		'e2e-checkin-schedules',
		checkinNode('getSchedules', {
			who: 'departments',
			departments: '={{ $json.departments }}',
			period: 'thisMonth',
			options: { outputMode: 'member' },
		}),
	),
];

const DEMO = ['zhangsan', 'lisi', 'wangwu', 'zhaoliu', 'qianqi', 'sunba'];

describe('check-in in real n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8n;
	const today = () => DateTime.now().setZone('Asia/Shanghai').startOf('day');
	const member = (userid: string) => {
		const found = sandbox.state.wecom.contacts.members.get(userid);
		if (!found) throw new Error(`no ${userid}`);
		return found;
	};

	beforeAll(async () => {
		sandbox = await startSandbox();
		n8n = await startN8n({ credentials: sandboxCredentials(sandbox), workflows });
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
		if (n8n) cleanup(n8n);
	});

	it('runs the daily check-in report example: yesterday’s exceptions posted as markdown to the group', async () => {
		const yesterday = today().minus({ days: 1 }).toFormat('yyyy-MM-dd');
		for (const id of DEMO) sandbox.state.wecom.checkin.setOutcome(id, yesterday, 'normal');
		sandbox.state.wecom.checkin.setOutcome('zhangsan', yesterday, 'late');
		sandbox.state.wecom.checkin.setOutcome('lisi', yesterday, 'absent');
		sandbox.state.wecom.checkin.setOutcome('sunba', yesterday, 'missing');
		const robot = sandbox.state.wecom.robots.get(SANDBOX_ROBOT_KEY);
		const before = robot?.messages.length ?? 0;

		const result = await n8n.execute(dailyCheckinReport.id);
		expect(result.ok).toBe(true);
		expect(robot?.messages.slice(before)).toEqual([
			{
				msgtype: 'markdown',
				markdown: {
					content: [
						`## 昨日考勤异常（${yesterday}）`,
						'共 3 人，请及时补卡或提交申请。',
						'> 张三：<font color="warning">迟到</font>',
						'> 李四：<font color="warning">旷工</font>',
						'> 孙八：<font color="warning">缺卡</font>',
					].join('\n'),
				},
			},
		]);
		const calls = sandbox.state.log.all({ path: '/cgi-bin/checkin/getcheckin_daydata' });
		expect(calls).toHaveLength(1);
		expect((calls[0].body as { useridlist: string[] }).useridlist).toHaveLength(6);
	});

	it('posts "no exceptions" on a day when everyone punched normally', async () => {
		const yesterday = today().minus({ days: 1 }).toFormat('yyyy-MM-dd');
		for (const id of DEMO) sandbox.state.wecom.checkin.setOutcome(id, yesterday, 'normal');
		const robot = sandbox.state.wecom.robots.get(SANDBOX_ROBOT_KEY);
		const before = robot?.messages.length ?? 0;

		const result = await n8n.execute(dailyCheckinReport.id);
		expect(result.ok).toBe(true);
		expect(robot?.messages.slice(before)).toEqual([
			{
				msgtype: 'markdown',
				markdown: {
					content: `## 昨日考勤（${yesterday}）\n<font color="info">无异常</font>，全员正常打卡。 No check-in exceptions yesterday.`,
				},
			},
		]);
	});

	it('returns punch records split over WeCom’s 30-day windows, as ISO times in the workflow timezone', async () => {
		sandbox.state.log.clear();
		const end = today().minus({ days: 1 });
		const start = end.minus({ days: 44 });
		const { status, data } = await n8n.webhook('e2e-checkin-records', {
			items: [{ members: 'zhangsan|lisi', start: start.toISODate(), end: end.toISODate() }],
		});
		expect(status).toBe(200);
		const records = data as Array<Record<string, unknown>>;
		const expected = ['zhangsan', 'lisi'].flatMap((id) =>
			Array.from({ length: 45 }, (_, i) =>
				planDay(sandbox.state.wecom, member(id), start.plus({ days: i }).toFormat('yyyy-MM-dd')),
			).flatMap((plan) => plan.punches),
		);
		expect(records).toHaveLength(expected.length);
		expect(records.map((r) => r.checkinTimeUnix).sort()).toEqual(
			expected.map((p) => p.checkin_time).sort(),
		);
		expect(String(records[0].checkinTime)).toMatch(/\+08:00$/);
		expect(sandbox.state.log.all({ path: '/cgi-bin/checkin/getcheckindata' })).toHaveLength(2);
	});

	it('keeps the valid items of a batch: unknown members explained with their code, bad IDs refused before any call', async () => {
		sandbox.state.log.clear();
		const { data } = await n8n.webhook('e2e-checkin-daily', {
			items: [{ members: 'zhangsan' }, { members: 'ghost' }, { members: '张三' }],
		});
		const out = data as Array<Record<string, unknown>>;
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ userId: 'zhangsan', name: '张三' });
		expect(out[1]).toMatchObject({
			error: 'WeCom: a member does not exist or is outside the app’s visible range (301021)',
			errcode: 301021,
		});
		expect(out[2]).toMatchObject({
			error: 'Members: "张三" is not a member ID (账号: 1–64 letters, digits or _-@.) [item 2]',
		});
		expect(sandbox.state.log.all({ path: '/cgi-bin/checkin/getcheckin_daydata' })).toHaveLength(2);
	});

	it('reads this month’s shift schedule of a department, one item per member', async () => {
		const { data } = await n8n.webhook('e2e-checkin-schedules', { items: [{ departments: '6' }] });
		const [sunba] = data as Array<{ userId: string; count: number; schedules: unknown[] }>;
		expect(sunba).toMatchObject({ userId: 'sunba', name: '孙八', count: today().daysInMonth });
		expect(sunba.schedules[0]).toMatchObject({
			date: today().startOf('month').toFormat('yyyy-MM-dd'),
		});
	});
});
