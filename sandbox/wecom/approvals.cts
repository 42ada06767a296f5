import type { XmlObject } from '../callbacks.cjs';
import type { Router } from '../http.cjs';
import type { WeComApp } from './apps.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * The approval app (审批): templates, submitted approvals and their decisions. A decision can be
 * sent to a trigger as the `sys_approval_change` callback WeCom sends (reference §6.5).
 */

type Texts = Array<{ text: string; lang: string }>;

export interface TemplateControl {
	property: {
		control: string;
		id: string;
		title: Texts;
		placeholder?: Texts;
		require: number;
		un_print: number;
	};
	config?: Record<string, unknown>;
}

export interface Template {
	template_id: string;
	template_names: Texts;
	template_content: { controls: TemplateControl[] };
	/** Who approves when the template's own flow is used (use_template_approver 1). */
	approvers: string[];
}

export interface Approval {
	sp_no: string;
	sp_name: string;
	sp_status: number;
	template_id: string;
	apply_time: number;
	applyer: { userid: string; partyid: string };
	sp_record: Array<{
		sp_status: number;
		approverattr: number;
		details: Array<{
			approver: { userid: string };
			speech: string;
			sp_status: number;
			sptime: number;
			media_id: string[];
		}>;
	}>;
	notifyer: Array<{ userid: string }>;
	apply_data: { contents: Array<Record<string, unknown>> };
	comments: unknown[];
}

const zh = (text: string): Texts => [{ text, lang: 'zh_CN' }];

const control = (
	type: string,
	id: string,
	title: string,
	require: number,
	config?: Record<string, unknown>,
): TemplateControl => ({
	property: { control: type, id, title: zh(title), require, un_print: 0 },
	config,
});

/** The seed's meeting-booking form (会议预约, 000_*.txt): approved online meetings become WeCom meetings. */
export const MEETING_TEMPLATE_ID = 'SandboxMeetingBookingTemplate0001';

export function meetingTemplate(): Template {
	return {
		template_id: MEETING_TEMPLATE_ID,
		template_names: zh('会议预约'),
		approvers: ['lisi'],
		template_content: {
			controls: [
				control('Text', 'Text-1001', '会议主题', 1),
				control('Date', 'Date-1002', '开始时间', 1, { date: { type: 'hour' } }),
				control('Number', 'Number-1003', '时长（分钟）', 1),
				control('Contact', 'Contact-1004', '参会人', 0, {
					contact: { type: 'multi', mode: 'user' },
				}),
				control('Selector', 'Selector-1005', '会议形式', 1, {
					selector: {
						type: 'single',
						options: [
							{ key: 'option-online', value: zh('线上') },
							{ key: 'option-offline', value: zh('线下') },
						],
					},
				}),
				control('Textarea', 'Textarea-1006', '备注', 0),
				control('File', 'File-1007', '附件', 0),
				control('Tips', 'Tips-1008', '说明', 0),
			],
		},
	};
}

/** getapprovalinfo: "起始时间跨度不能超过31天", size ≤ 100 (path/91816, WxJava WxCpOaService). */
export const MAX_SPAN_SECONDS = 31 * 86400;

export class ApprovalStore {
	readonly templates = new Map<string, Template>([[MEETING_TEMPLATE_ID, meetingTemplate()]]);

	readonly approvals = new Map<string, Approval>();

	private counter = 0;

	constructor(private readonly now: () => number) {}

	/** Approval numbers look like 202001010001: the day and a counter (path/91853 example). */
	nextSpNo(at: number) {
		const day = new Date(at).toISOString().slice(0, 10).replace(/-/g, '');
		return `${day}${String(++this.counter).padStart(4, '0')}`;
	}

	/**
	 * Approves (or rejects) a pending approval the way its approver would in the WeCom app, and
	 * returns the sys_approval_change event WeCom then sends (element names: WxJava WxCpXmlApprovalInfo).
	 */
	decide(spNo: string, approve: boolean, corpId: string, agentId: number, speech = ''): XmlObject {
		const approval = this.approvals.get(spNo);
		if (!approval) throw new Error(`no approval ${spNo}`);
		const at = Math.floor(this.now() / 1000);
		approval.sp_status = approve ? 2 : 3;
		for (const record of approval.sp_record) {
			record.sp_status = approval.sp_status;
			for (const detail of record.details)
				Object.assign(detail, { sp_status: approval.sp_status, sptime: at, speech });
		}
		return {
			ToUserName: corpId,
			FromUserName: 'sys',
			CreateTime: at,
			MsgType: 'event',
			Event: 'sys_approval_change',
			AgentID: agentId,
			ApprovalInfo: {
				SpNo: approval.sp_no,
				SpName: approval.sp_name,
				SpStatus: approval.sp_status,
				TemplateId: approval.template_id,
				ApplyTime: approval.apply_time,
				Applyer: { UserId: approval.applyer.userid, Party: approval.applyer.partyid },
				SpRecord: approval.sp_record.map((r) => ({
					SpStatus: r.sp_status,
					ApproverAttr: r.approverattr,
					Details: r.details.map((d) => ({
						Approver: { UserId: d.approver.userid },
						Speech: d.speech,
						SpStatus: d.sp_status,
						SpTime: d.sptime,
					})),
				})),
				Notifyer: approval.notifyer.map((n) => ({ UserId: n.userid })),
				// 2 = approved, 3 = rejected (StatuChangeEvent, reference §6.5).
				StatuChangeEvent: approve ? 2 : 3,
			},
		};
	}
}

const text = (value: unknown) =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as Record<string, unknown>).text === 'string';
const digits = (value: unknown) => typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);

/**
 * The value shape each control takes in apply_data (path/91853); anything else is 301025
 * (提交审批单请求参数错误, WxJava WxCpErrorMsgEnum).
 */
function checkValue(template: TemplateControl, value: Record<string, unknown>): number {
	const bad = (why: string): never => fail(301025, `${template.property.id}: ${why}`);
	switch (template.property.control) {
		case 'Text':
		case 'Textarea':
			if (!text(value)) bad('value.text must be a string');
			return 0;
		case 'Number':
			if (!digits(value.new_number)) bad('value.new_number must be a number as text');
			return 0;
		case 'Money':
			if (!digits(value.new_money)) bad('value.new_money must be a number as text');
			return 0;
		case 'Date': {
			const date = value.date as Record<string, unknown> | undefined;
			const type = (template.config?.date as Record<string, unknown>)?.type;
			if (
				!date ||
				date.type !== type ||
				typeof date.s_timestamp !== 'string' ||
				!/^\d+$/.test(date.s_timestamp)
			)
				bad(`value.date must be {type: "${String(type)}", s_timestamp: "<unix seconds>"}`);
			return 0;
		}
		case 'Selector': {
			const selector = value.selector as Record<string, unknown> | undefined;
			const config = template.config?.selector as { type: string; options: Array<{ key: string }> };
			const options = (selector?.options as Array<Record<string, unknown>>) ?? [];
			if (!selector || selector.type !== config.type || !options.length)
				bad('value.selector does not match the control');
			if (config.type === 'single' && options.length > 1) bad('a single choice takes one option');
			for (const o of options)
				if (!config.options.some((k) => k.key === o.key))
					bad(`unknown option key ${String(o.key)}`);
			return 0;
		}
		case 'Contact': {
			const mode = (template.config?.contact as Record<string, unknown>)?.mode;
			const list = (mode === 'department' ? value.departments : value.members) as
				| Array<Record<string, unknown>>
				| undefined;
			const key = mode === 'department' ? 'openapi_id' : 'userid';
			if (!Array.isArray(list) || !list.length || list.some((e) => typeof e[key] !== 'string'))
				bad(`value.${mode === 'department' ? 'departments' : 'members'} must list {${key}}`);
			return 0;
		}
		case 'File': {
			const files = value.files as Array<Record<string, unknown>> | undefined;
			if (!Array.isArray(files) || files.some((f) => typeof f.file_id !== 'string'))
				bad('value.files must list {file_id}');
			return files!.length;
		}
		default:
			return 0;
	}
}

/** getapprovaldetail answers option texts and member names next to the keys and IDs submitted. */
function asStored(world: WeComWorld, spec: TemplateControl, value: unknown) {
	const v = value as Record<string, unknown>;
	if (spec.property.control === 'Selector') {
		const config = spec.config?.selector as { options: Array<{ key: string; value: Texts }> };
		const selector = v.selector as { type: string; options: Array<{ key: string }> };
		return {
			selector: {
				...selector,
				options: selector.options.map((o) => ({
					key: o.key,
					value: config.options.find((c) => c.key === o.key)?.value ?? [],
				})),
			},
		};
	}
	if (spec.property.control === 'Contact' && Array.isArray(v.members))
		return {
			members: (v.members as Array<{ userid: string }>).map((m) => ({
				userid: m.userid,
				name: world.contacts.members.get(m.userid)?.name ?? m.userid,
			})),
		};
	return value;
}

export function registerApprovalRoutes(router: Router, world: WeComWorld) {
	const opts = { permission: 'approval' as const };
	const store = () => world.approvals;

	/** Self-built apps only see approvals of applicants in their visible range (path/91816). */
	const visibleTo = (app: WeComApp, userid: string) => {
		const member = world.contacts.members.get(userid);
		return member !== undefined && world.canSee(app, member);
	};

	wecomRoute(router, world, 'POST', '/cgi-bin/oa/gettemplatedetail', opts, ({ body }) => {
		validate(body, { template_id: { type: 'string', required: true } });
		const template = store().templates.get(String(body.template_id));
		// UNCONFIRMED: the code for an unknown template; 40058 = invalid parameter.
		if (!template) fail(40058, 'invalid template_id');
		return { template_names: template.template_names, template_content: template.template_content };
	});

	wecomRoute(router, world, 'POST', '/cgi-bin/oa/getapprovaldetail', opts, ({ body, app }) => {
		validate(body, { sp_no: { type: 'string', required: true } });
		const approval = store().approvals.get(String(body.sp_no));
		// UNCONFIRMED: the code for an unknown or invisible approval number; 40058 = invalid parameter.
		if (!approval || !visibleTo(app, approval.applyer.userid)) fail(40058, 'invalid sp_no');
		return { info: approval };
	});

	// path/91816: endtime after starttime, at most 31 days, size ≤ 100, new_cursor / new_next_cursor.
	wecomRoute(router, world, 'POST', '/cgi-bin/oa/getapprovalinfo', opts, ({ body, app }) => {
		validate(body, {
			// WeCom's example sends the times as strings; SDKs (WxJava) send numbers: both are taken.
			starttime: { type: 'any', required: true },
			endtime: { type: 'any', required: true },
			new_cursor: { type: 'string' },
			size: { type: 'uint', max: 100 },
			filters: {
				type: 'object[]',
				fields: {
					key: {
						type: 'string',
						required: true,
						enum: ['template_id', 'creator', 'department', 'sp_status', 'record_type'],
					},
					value: { type: 'string', required: true },
				},
			},
		});
		const time = (v: unknown, name: string) => {
			if (
				!(typeof v === 'number' && Number.isInteger(v)) &&
				!(typeof v === 'string' && /^\d+$/.test(v))
			)
				fail(40058, `${name} must be unix seconds`);
			return Number(v);
		};
		const start = time(body.starttime, 'starttime');
		const end = time(body.endtime, 'endtime');
		// UNCONFIRMED: the codes for a reversed or too long range (the limits are documented); 40058.
		if (end <= start) fail(40058, 'endtime must be after starttime');
		if (end - start > MAX_SPAN_SECONDS) fail(40058, 'time range exceeds 31 days');
		const filters = (body.filters as Array<{ key: string; value: string }>) ?? [];
		// "仅'部门'支持同时配置多个筛选条件" (path/91816).
		for (const f of filters)
			if (f.key !== 'department' && filters.filter((g) => g.key === f.key).length > 1)
				fail(40058, `filter ${f.key} given twice`);
		const departments = filters.filter((f) => f.key === 'department').map((f) => Number(f.value));
		const matches = (a: Approval) =>
			filters.every((f) => {
				if (f.key === 'template_id') return a.template_id === f.value;
				if (f.key === 'creator') return a.applyer.userid === f.value;
				if (f.key === 'sp_status') return String(a.sp_status) === f.value;
				if (f.key === 'department') return departments.includes(Number(a.applyer.partyid));
				return true;
			});
		const list = [...store().approvals.values()]
			.filter(
				(a) =>
					a.apply_time >= start &&
					a.apply_time <= end &&
					visibleTo(app, a.applyer.userid) &&
					matches(a),
			)
			.sort((a, b) => a.apply_time - b.apply_time || a.sp_no.localeCompare(b.sp_no));
		const offset = body.new_cursor
			? Number(Buffer.from(String(body.new_cursor), 'base64url').toString())
			: 0;
		if (!Number.isInteger(offset) || offset < 0) fail(40058, 'invalid new_cursor');
		const size = Number(body.size ?? 100) || 100;
		const page = list.slice(offset, offset + size);
		const next = offset + page.length;
		// "当返回结果没有该字段时表示审批单已经拉取完".
		return {
			sp_no_list: page.map((a) => a.sp_no),
			...(next < list.length
				? { new_next_cursor: Buffer.from(String(next)).toString('base64url') }
				: {}),
		};
	});

	// path/91853 (applyevent), new flow format `process.node_list` (type 1 approver, 2 CC, 3 handler).
	wecomRoute(router, world, 'POST', '/cgi-bin/oa/applyevent', opts, ({ body, app }) => {
		validate(body, {
			creator_userid: { type: 'string', required: true },
			template_id: { type: 'string', required: true },
			use_template_approver: { type: 'uint', required: true, enum: [0, 1] },
			choose_department: { type: 'uint' },
			process: {
				type: 'object',
				fields: {
					node_list: {
						type: 'object[]',
						required: true,
						fields: {
							type: { type: 'uint', required: true, enum: [1, 2, 3] },
							apv_rel: { type: 'uint', enum: [1, 2, 3] },
							userid: { type: 'string[]', required: true },
						},
					},
				},
			},
			apply_data: {
				type: 'object',
				required: true,
				fields: { contents: { type: 'object[]', required: true } },
			},
			summary_list: {
				type: 'object[]',
				required: true,
				max: 3,
				fields: {
					summary_info: {
						type: 'object[]',
						required: true,
						// "摘要行显示文字…不要超过20个字符" (SDK transcriptions of path/91853).
						fields: {
							text: { type: 'string', required: true, max: 20, unit: 'chars', errcode: 301025 },
							lang: { type: 'string' },
						},
					},
				},
			},
		});
		const creator = String(body.creator_userid);
		// 301055: "提单者不在审批应用/自建应用的可见范围" (WxJava WxCpErrorMsgEnum).
		if (!visibleTo(app, creator)) fail(301055, 'creator not in the visible range');
		const template = store().templates.get(String(body.template_id));
		if (!template) fail(301025, 'invalid template_id');
		const nodes =
			((body.process as Record<string, unknown>)?.node_list as Array<Record<string, unknown>>) ??
			[];
		// "新版流程列表，use_template_approver = 0 时必填"; apv_rel "type为1、3时必填".
		if (body.use_template_approver === 0 && !nodes.length) fail(301025, 'process is required');
		for (const node of nodes) {
			if (node.type !== 2 && node.apv_rel === undefined)
				fail(301025, 'apv_rel is required for approver and handler steps');
			for (const id of node.userid as string[])
				if (!world.contacts.members.has(id)) fail(301025, `invalid userid ${id}`);
		}
		const contents = (body.apply_data as { contents: Array<Record<string, unknown>> }).contents;
		const controls = template.template_content.controls;
		let files = 0;
		const seen = new Set<string>();
		for (const content of contents) {
			validate(content, {
				control: { type: 'string', required: true },
				id: { type: 'string', required: true },
				value: { type: 'object', required: true },
			});
			const spec = controls.find((c) => c.property.id === content.id);
			if (!spec || spec.property.control !== content.control)
				fail(301025, `unknown control ${String(content.id)}`);
			if (seen.has(spec.property.id)) fail(301025, `control ${spec.property.id} given twice`);
			seen.add(spec.property.id);
			files += checkValue(spec, content.value as Record<string, unknown>);
		}
		// "目前一个审批申请单，全局仅支持上传6个附件".
		if (files > 6) fail(301025, 'more than 6 attachments');
		for (const spec of controls)
			if (spec.property.require === 1 && !seen.has(spec.property.id))
				fail(301025, `${spec.property.id} is required`);
		const member = world.contacts.members.get(creator)!;
		const at = world.now();
		const spNo = store().nextSpNo(at);
		const steps =
			body.use_template_approver === 1
				? [{ type: 1, apv_rel: 2, userid: template.approvers }]
				: nodes;
		store().approvals.set(spNo, {
			sp_no: spNo,
			sp_name: template.template_names[0].text,
			sp_status: 1,
			template_id: template.template_id,
			apply_time: Math.floor(at / 1000),
			applyer: {
				userid: creator,
				partyid: String(body.choose_department ?? member.main_department ?? member.department[0]),
			},
			sp_record: steps
				.filter((s) => s.type !== 2)
				.map((s) => ({
					sp_status: 1,
					approverattr: s.apv_rel === 1 ? 2 : 1,
					details: (s.userid as string[]).map((userid) => ({
						approver: { userid },
						speech: '',
						sp_status: 1,
						sptime: 0,
						media_id: [],
					})),
				})),
			notifyer: steps
				.filter((s) => s.type === 2)
				.flatMap((s) => (s.userid as string[]).map((userid) => ({ userid }))),
			apply_data: {
				contents: contents.map((c) => {
					const spec = controls.find((s) => s.property.id === c.id)!;
					return { ...c, title: spec.property.title, value: asStored(world, spec, c.value) };
				}),
			},
			comments: [],
		});
		return { sp_no: spNo };
	});
}
