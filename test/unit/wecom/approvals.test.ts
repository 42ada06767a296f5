import nock from 'nock';

import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { runNode } from '../../harness/run.cjs';
import { BASE, byId, posts, weComCredential } from './weComStub';

const credentials = weComCredential();
const zh = (text: string) => [{ text, lang: 'zh_CN' }];

beforeEach(() => {
	weComTokens.clear();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

const run = async (operation: string, parameters: Record<string, unknown>) =>
	await runNode(
		{ type: 'weCom', parameters: { resource: 'approval', operation, ...parameters } },
		{ credentials },
	);

const INFO = {
	sp_no: '202611210001',
	sp_name: '会议预约',
	sp_status: 2,
	template_id: 'TPL1',
	apply_time: 1763000000,
	applyer: { userid: 'zhangsan', partyid: '2' },
	apply_data: {
		contents: [
			{ control: 'Text', id: 'Text-1', title: zh('会议主题'), value: { text: '季度复盘' } },
			{
				control: 'Date',
				id: 'Date-1',
				title: zh('开始时间'),
				value: { date: { type: 'hour', s_timestamp: '1764572400' } },
			},
			{ control: 'Number', id: 'Number-1', title: zh('时长（分钟）'), value: { new_number: '45' } },
			{
				control: 'Contact',
				id: 'Contact-1',
				title: zh('参会人'),
				value: { members: [{ userid: 'lisi', name: '李四' }] },
			},
			{
				control: 'Selector',
				id: 'Selector-1',
				title: zh('会议形式'),
				value: {
					selector: { type: 'single', options: [{ key: 'option-online', value: zh('线上') }] },
				},
			},
			{ control: 'Tips', id: 'Tips-1', title: zh('说明'), value: {} },
		],
	},
};

describe('Approval → Get', () => {
	it('sends the number and turns the form into plain values by title', async () => {
		const { bodies } = posts('/cgi-bin/oa/getapprovaldetail', [{ info: INFO }]);
		const result = await run('get', { spNo: '202611210001' });
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([{ sp_no: '202611210001' }]);
		expect(result.output('Node')[0]).toEqual({
			spNo: '202611210001',
			name: '会议预约',
			status: 2,
			statusName: 'approved',
			templateId: 'TPL1',
			applicant: 'zhangsan',
			applicantDepartment: '2',
			appliedAt: '2025-11-13T10:13:20.000+08:00',
			values: {
				会议主题: '季度复盘',
				开始时间: '2025-12-01T15:00:00.000+08:00',
				'时长（分钟）': 45,
				参会人: ['lisi'],
				会议形式: '线上',
			},
			detail: INFO,
		});
	});

	it('refuses a number that is not digits before any call', async () => {
		const result = await run('get', { spNo: 'SP-1' });
		expect(result.error?.message).toBe(
			'Approval Number: "SP-1" is not an approval number [item 0]',
		);
	});
});

describe('Approval → Get Many', () => {
	const DAY = 86400;
	const start = 1761926400; // 2025-11-01 00:00 +08:00

	it('splits 70 days into 31-day windows, follows new_next_cursor and drops repeats', async () => {
		const { bodies } = posts('/cgi-bin/oa/getapprovalinfo', [
			{ sp_no_list: ['1', '2'], new_next_cursor: 'NEXT' },
			{ sp_no_list: ['3'] },
			{ sp_no_list: ['3', '4'] },
			{ sp_no_list: [] },
		]);
		const result = await run('getAll', {
			start: String(start),
			end: String(start + 70 * DAY),
			returnAll: true,
			filters: { templateId: 'TPL1', status: 2, departments: '2,3' },
		});
		expect(result.error).toBeUndefined();
		const filters = [
			{ key: 'template_id', value: 'TPL1' },
			{ key: 'department', value: '2' },
			{ key: 'department', value: '3' },
			{ key: 'sp_status', value: '2' },
		];
		const w1 = [start, start + 31 * DAY];
		const w2 = [w1[1] + 1, w1[1] + 1 + 31 * DAY];
		const w3 = [w2[1] + 1, start + 70 * DAY];
		const body = ([from, to]: number[], cursor = '') => ({
			starttime: String(from),
			endtime: String(to),
			new_cursor: cursor,
			size: 100,
			filters,
		});
		expect(bodies).toEqual([body(w1), body(w1, 'NEXT'), body(w2), body(w3)]);
		expect(result.output('Node')).toEqual([
			{ spNo: '1' },
			{ spNo: '2' },
			{ spNo: '3' },
			{ spNo: '4' },
		]);
	});

	it('reads each approval when asked, and stops at the limit', async () => {
		posts('/cgi-bin/oa/getapprovalinfo', [{ sp_no_list: ['202611210001', '2'] }]);
		const detail = posts('/cgi-bin/oa/getapprovaldetail', [{ info: INFO }]);
		const result = await run('getAll', {
			start: String(start),
			end: String(start + DAY),
			limit: 1,
			includeDetails: true,
		});
		expect(detail.bodies).toEqual([{ sp_no: '202611210001' }]);
		expect(result.output('Node').map((r) => r.spNo)).toEqual(['202611210001']);
	});

	it('refuses an end before the start', async () => {
		const result = await run('getAll', {
			start: '2026-11-02 00:00',
			end: '2026-11-01 00:00',
			returnAll: true,
		});
		expect(result.error?.message).toBe('Submitted To: is not after Submitted From [item 0]');
	});
});

describe('Approval → Submit', () => {
	const field = (controlId: string, kind: string, value: unknown) => ({ controlId, kind, value });
	const base = {
		applicant: byId('zhangsan'),
		templateId: 'TPL1',
		summary: '会议: 季度复盘\n时间: 12-01 15:00',
	};

	it('builds apply_data from form fields, the custom steps and the summary lines', async () => {
		const { bodies } = posts('/cgi-bin/oa/applyevent', [{ sp_no: '202612010001' }]);
		const result = await run('submit', {
			...base,
			flow: 'custom',
			steps: {
				step: [
					{ type: 1, members: 'lisi,wangwu', mode: 1 },
					{ type: 2, members: ['sunba'] },
				],
			},
			formFields: {
				field: [
					field('Text-1', 'Text', '季度复盘'),
					field('Date-1', 'DateTime', '2026-12-01 15:00'),
					field('Date-2', 'Date', '2026-12-01'),
					field('Number-1', 'Number', '45'),
					field('Money-1', 'Money', '1,280.50'),
					field('Selector-1', 'SelectorSingle', 'option-online'),
					field('Selector-2', 'SelectorMulti', 'a,b'),
					field('Contact-1', 'Members', 'lisi|wangwu'),
					field('Contact-2', 'Departments', '2'),
					field('File-1', 'File', 'MEDIA1'),
				],
			},
			options: { department: 2 },
		});
		expect(result.error).toBeUndefined();
		expect(bodies).toEqual([
			{
				creator_userid: 'zhangsan',
				template_id: 'TPL1',
				use_template_approver: 0,
				process: {
					node_list: [
						{ type: 1, apv_rel: 1, userid: ['lisi', 'wangwu'] },
						{ type: 2, userid: ['sunba'] },
					],
				},
				choose_department: 2,
				apply_data: {
					contents: [
						{ control: 'Text', id: 'Text-1', value: { text: '季度复盘' } },
						{
							control: 'Date',
							id: 'Date-1',
							value: { date: { type: 'hour', s_timestamp: '1796108400' } },
						},
						{
							control: 'Date',
							id: 'Date-2',
							value: { date: { type: 'day', s_timestamp: '1796054400' } },
						},
						{ control: 'Number', id: 'Number-1', value: { new_number: '45' } },
						{ control: 'Money', id: 'Money-1', value: { new_money: '1280.5' } },
						{
							control: 'Selector',
							id: 'Selector-1',
							value: { selector: { type: 'single', options: [{ key: 'option-online' }] } },
						},
						{
							control: 'Selector',
							id: 'Selector-2',
							value: { selector: { type: 'multi', options: [{ key: 'a' }, { key: 'b' }] } },
						},
						{
							control: 'Contact',
							id: 'Contact-1',
							value: { members: [{ userid: 'lisi' }, { userid: 'wangwu' }] },
						},
						{
							control: 'Contact',
							id: 'Contact-2',
							value: { departments: [{ openapi_id: '2' }] },
						},
						{ control: 'File', id: 'File-1', value: { files: [{ file_id: 'MEDIA1' }] } },
					],
				},
				summary_list: [
					{ summary_info: [{ text: '会议: 季度复盘', lang: 'zh_CN' }] },
					{ summary_info: [{ text: '时间: 12-01 15:00', lang: 'zh_CN' }] },
				],
			},
		]);
		expect(result.output('Node')).toEqual([
			{ spNo: '202612010001', templateId: 'TPL1', applicant: 'zhangsan' },
		]);
	});

	it('uses the template’s flow and takes apply_data as JSON', async () => {
		const { bodies } = posts('/cgi-bin/oa/applyevent', [{ sp_no: '1' }]);
		const contents = [{ control: 'Text', id: 'Text-1', value: { text: 'x' } }];
		await run('submit', {
			...base,
			formInput: 'json',
			applyDataJson: JSON.stringify({ contents }),
		});
		expect(bodies).toEqual([
			{
				creator_userid: 'zhangsan',
				template_id: 'TPL1',
				use_template_approver: 1,
				apply_data: { contents },
				summary_list: [
					{ summary_info: [{ text: '会议: 季度复盘', lang: 'zh_CN' }] },
					{ summary_info: [{ text: '时间: 12-01 15:00', lang: 'zh_CN' }] },
				],
			},
		]);
	});

	it('is not repeated when WeCom answers busy (the approval may exist already)', async () => {
		nock(BASE)
			.post('/cgi-bin/oa/applyevent')
			.query(true)
			.reply(200, { errcode: -1, errmsg: 'system busy' });
		const result = await run('submit', {
			...base,
			formFields: { field: [field('Text-1', 'Text', 'x')] },
		});
		expect(result.error?.message).toBe('WeCom: system busy (-1)');
		expect(nock.isDone()).toBe(true);
	});

	it.each([
		[{ summary: 'a\nb\nc\nd' }, "Summary: has 4 lines, over WeCom's limit of 3 [item 0]"],
		[
			{ summary: '一二三四五六七八九十一二三四五六七八九十一' },
			"Summary: line 1 is 21 characters, over WeCom's limit of 20 [item 0]",
		],
		[
			{ formFields: { field: [field('Number-1', 'Number', 'forty')] } },
			'Form Field 1 → Value: "forty" is not a number [item 0]',
		],
		[
			{ formFields: { field: [field('Text-1', 'Text', ' ')] } },
			'Form Field 1 → Value: is empty [item 0]',
		],
		[
			{ formFields: { field: [field('Text-1', 'Text', 'a'), field('Text-1', 'Text', 'b')] } },
			'Form Fields: control "Text-1" is given twice [item 0]',
		],
		[
			{ formFields: { field: [field('File-1', 'File', 'm1,m2,m3,m4,m5,m6,m7')] } },
			"Form Fields: has 7 attachments, over WeCom's limit of 6 per approval [item 0]",
		],
		[
			{ formFields: { field: [field('Date-1', 'Date', 'next friday')] } },
			'Form Field 1 → Value: "next friday" is not a date [item 0]',
		],
		[
			{
				flow: 'custom',
				steps: { step: [{ type: 2, members: 'lisi' }] },
				formFields: { field: [field('Text-1', 'Text', 'x')] },
			},
			'Approval Flow: has no approver step [item 0]',
		],
		[{ templateId: 'a b' }, 'Template ID: "a b" is not a template ID [item 0]'],
	])('refuses %j before any call', async (parameters, message) => {
		const result = await run('submit', {
			...base,
			formFields: { field: [field('Text-1', 'Text', 'x')] },
			...parameters,
		});
		expect(result.error?.message).toBe(message);
	});
});

describe('Approval → Get Template', () => {
	it('lists the controls with option keys', async () => {
		const { bodies } = posts('/cgi-bin/oa/gettemplatedetail', [
			{
				template_names: zh('会议预约'),
				template_content: {
					controls: [
						{
							property: { control: 'Text', id: 'Text-1', title: zh('会议主题'), require: 1 },
						},
						{
							property: {
								control: 'Selector',
								id: 'Selector-1',
								title: zh('会议形式'),
								require: 0,
							},
							config: {
								selector: {
									type: 'single',
									options: [{ key: 'option-online', value: zh('线上') }],
								},
							},
						},
					],
				},
			},
		]);
		const result = await run('getTemplate', { templateId: 'TPL1' });
		expect(bodies).toEqual([{ template_id: 'TPL1' }]);
		expect(result.output('Node')[0]).toMatchObject({
			templateId: 'TPL1',
			name: '会议预约',
			controls: [
				{ id: 'Text-1', control: 'Text', title: '会议主题', required: true },
				{
					id: 'Selector-1',
					control: 'Selector',
					title: '会议形式',
					required: false,
					options: [{ key: 'option-online', text: '线上' }],
				},
			],
		});
	});
});
