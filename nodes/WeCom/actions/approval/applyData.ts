import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { toDateTime, unixSeconds } from '../../../shared/time';
import { charCount, inputError, splitList } from '../../../shared/validation';
import { OPAQUE_ID } from '../common/ids';
import { readMemberIds } from '../common/read';

/**
 * Wire format of oa/applyevent (path/91853): apply_data.contents from structured fields, the
 * custom flow (process.node_list) and the summary lines. Checked before anything is sent.
 */

/** Kinds of control a field can fill, and the control name WeCom expects for each. */
export const CONTROL_KINDS = {
	Text: 'Text',
	Textarea: 'Textarea',
	Number: 'Number',
	Money: 'Money',
	Date: 'Date',
	DateTime: 'Date',
	SelectorSingle: 'Selector',
	SelectorMulti: 'Selector',
	Members: 'Contact',
	Departments: 'Contact',
	File: 'File',
} as const;

export type ControlKind = keyof typeof CONTROL_KINDS;

/** 一个审批申请单，全局仅支持上传6个附件 (path/91853). */
export const MAX_FILES = 6;
/** summary_list: at most 3 lines (path/91853), each line at most 20 characters (SDK transcriptions). */
export const MAX_SUMMARY_LINES = 3;
export const MAX_SUMMARY_CHARS = 20;

export interface ControlField {
	controlId?: string;
	kind?: ControlKind;
	value?: unknown;
}

function numberText(ctx: IExecuteFunctions, i: number, field: string, raw: string): string {
	const n = Number(raw.replace(/,/g, ''));
	if (raw === '' || !Number.isFinite(n))
		throw inputError(
			ctx,
			i,
			field,
			`"${raw.slice(0, 40)}" is not a number`,
			'Give digits, e.g. 42 or 12.5.',
		);
	return String(n);
}

/** One apply_data.contents entry. */
export function contentFor(
	ctx: IExecuteFunctions,
	i: number,
	field: ControlField,
	position: number,
): IDataObject {
	const id = String(field.controlId ?? '').trim();
	const where = `Form Field ${position + 1}`;
	if (!OPAQUE_ID.test(id))
		throw inputError(
			ctx,
			i,
			`${where} → Control`,
			id ? `"${id.slice(0, 60)}" is not a control ID` : 'is required',
			'Pick the control from the list (it needs the Template ID), or copy its id from Approval → Get Template.',
		);
	const kind = field.kind ?? 'Text';
	const control = CONTROL_KINDS[kind];
	if (!control) throw inputError(ctx, i, `${where} → Type`, `"${kind}" is not a control type`);
	const raw = field.value;
	const text = raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw.trim() : raw;
	if (text === '' || (Array.isArray(text) && !text.length))
		throw inputError(
			ctx,
			i,
			`${where} → Value`,
			'is empty',
			'Give a value, or remove the field (optional controls may be left out).',
		);
	let value: IDataObject;
	switch (kind) {
		case 'Text':
		case 'Textarea':
			value = { text: String(text) };
			break;
		case 'Number':
			value = { new_number: numberText(ctx, i, `${where} → Value`, String(text)) };
			break;
		case 'Money':
			value = { new_money: numberText(ctx, i, `${where} → Value`, String(text)) };
			break;
		case 'Date':
		case 'DateTime': {
			const when = toDateTime(raw, ctx.getTimezone());
			if (!when)
				throw inputError(
					ctx,
					i,
					`${where} → Value`,
					`"${String(raw).slice(0, 40)}" is not a date`,
					'Give an ISO date such as 2026-12-01 or 2026-12-01 15:00, or Unix seconds.',
				);
			value = {
				date: { type: kind === 'Date' ? 'day' : 'hour', s_timestamp: String(unixSeconds(when)) },
			};
			break;
		}
		case 'SelectorSingle':
		case 'SelectorMulti': {
			const keys = splitList(text);
			if (kind === 'SelectorSingle' && keys.length > 1)
				throw inputError(
					ctx,
					i,
					`${where} → Value`,
					'has several options for a single choice',
					'Give one option key.',
				);
			value = {
				selector: {
					type: kind === 'SelectorSingle' ? 'single' : 'multi',
					options: keys.map((key) => ({ key })),
				},
			};
			break;
		}
		case 'Members':
			value = {
				members: readMemberIds(ctx, i, `${where} → Value`, text).map((userid) => ({ userid })),
			};
			break;
		case 'Departments': {
			const ids = splitList(text);
			const bad = ids.find((d) => !/^\d+$/.test(d));
			if (bad !== undefined)
				throw inputError(
					ctx,
					i,
					`${where} → Value`,
					`"${bad}" is not a department ID`,
					'Give numeric department IDs.',
				);
			value = { departments: ids.map((openapi_id) => ({ openapi_id })) };
			break;
		}
		case 'File':
			value = { files: splitList(text).map((file_id) => ({ file_id })) };
			break;
	}
	return { control, id, value };
}

/** apply_data from the Form Fields, or from the JSON escape hatch (an array or {contents}). */
export function applyData(
	ctx: IExecuteFunctions,
	i: number,
	fields: ControlField[],
	json?: unknown,
): IDataObject {
	let contents: IDataObject[];
	if (json !== undefined) {
		const parsed = typeof json === 'string' ? safeParse(ctx, i, json) : json;
		const list = Array.isArray(parsed) ? parsed : (parsed as IDataObject)?.contents;
		if (!Array.isArray(list) || !list.length)
			throw inputError(
				ctx,
				i,
				'Apply Data (JSON)',
				'must be a list of controls, or {"contents": [...]}',
				'Each entry is {"control": "Text", "id": "Text-1", "value": {"text": "…"}}, as in Approval → Get.',
			);
		list.forEach((c: IDataObject, n) => {
			if (!c || typeof c !== 'object' || !c.control || !c.id || typeof c.value !== 'object')
				throw inputError(
					ctx,
					i,
					'Apply Data (JSON)',
					`entry ${n + 1} needs control, id and a value object`,
					'Each entry is {"control": "Text", "id": "Text-1", "value": {"text": "…"}}.',
				);
		});
		contents = list as IDataObject[];
	} else {
		if (!fields.length)
			throw inputError(
				ctx,
				i,
				'Form Fields',
				'is empty',
				'Add the controls the template requires.',
			);
		contents = fields.map((f, n) => contentFor(ctx, i, f, n));
	}
	const ids = contents.map((c) => String(c.id));
	const twice = ids.find((id, n) => ids.indexOf(id) !== n);
	if (twice !== undefined)
		throw inputError(
			ctx,
			i,
			'Form Fields',
			`control "${twice}" is given twice`,
			'Fill each control once.',
		);
	const files = contents
		.filter((c) => c.control === 'File')
		.reduce((n, c) => n + (((c.value as IDataObject).files as unknown[]) ?? []).length, 0);
	if (files > MAX_FILES)
		throw inputError(
			ctx,
			i,
			'Form Fields',
			`has ${files} attachments, over WeCom's limit of ${MAX_FILES} per approval`,
			`Attach at most ${MAX_FILES} files.`,
		);
	return { contents };
}

function safeParse(ctx: IExecuteFunctions, i: number, text: string): unknown {
	try {
		return jsonParse(text);
	} catch {
		throw inputError(
			ctx,
			i,
			'Apply Data (JSON)',
			'is not valid JSON',
			'Check quotes, commas and brackets.',
		);
	}
}

/** summary_list: 1–3 lines of at most 20 characters, shown on the approval card. */
export function summaryList(ctx: IExecuteFunctions, i: number, summary: string): IDataObject[] {
	const lines = summary
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	if (!lines.length)
		throw inputError(
			ctx,
			i,
			'Summary',
			'is empty',
			'Write 1 to 3 short lines shown on the approval card (摘要).',
		);
	if (lines.length > MAX_SUMMARY_LINES)
		throw inputError(
			ctx,
			i,
			'Summary',
			`has ${lines.length} lines, over WeCom's limit of ${MAX_SUMMARY_LINES}`,
			'Keep at most 3 lines.',
		);
	lines.forEach((line, n) => {
		if (charCount(line) > MAX_SUMMARY_CHARS)
			throw inputError(
				ctx,
				i,
				'Summary',
				`line ${n + 1} is ${charCount(line)} characters, over WeCom's limit of ${MAX_SUMMARY_CHARS}`,
				'Shorten the line.',
			);
	});
	return lines.map((text) => ({ summary_info: [{ text, lang: 'zh_CN' }] }));
}

export interface FlowNode {
	type?: number;
	members?: unknown;
	mode?: number;
}

/** process.node_list of a flow given through the API (use_template_approver 0). */
export function processNodes(ctx: IExecuteFunctions, i: number, nodes: FlowNode[]): IDataObject {
	if (!nodes.some((n) => Number(n.type ?? 1) === 1))
		throw inputError(
			ctx,
			i,
			'Approval Flow',
			'has no approver step',
			'Add at least one step of type Approver, or use the template’s flow.',
		);
	const node_list = nodes.map((node, n) => {
		const type = Number(node.type ?? 1);
		const userid = readMemberIds(ctx, i, `Approval Flow → Step ${n + 1} → Members`, node.members);
		if (!userid.length)
			throw inputError(
				ctx,
				i,
				`Approval Flow → Step ${n + 1} → Members`,
				'is empty',
				'Give at least one member.',
			);
		// apv_rel is required for approver and handler steps (1 co-sign, 2 or-sign, 3 in turn).
		return type === 2 ? { type, userid } : { type, apv_rel: Number(node.mode ?? 2), userid };
	});
	return { node_list };
}
