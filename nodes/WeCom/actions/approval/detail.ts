import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../../shared/transport';
import { isoFromUnix } from '../../../shared/time';
import { weComApiRequest } from '../../transport';
import { APPROVAL_STATUS } from './fields';

type Texts = Array<{ text?: string; lang?: string }> | undefined;

/** A multi-language text of WeCom ([{text, lang}]): Chinese first, as the console shows it. */
export function textOf(texts: Texts): string {
	const list = Array.isArray(texts) ? texts : [];
	return String((list.find((t) => t.lang === 'zh_CN') ?? list[0])?.text ?? '');
}

/** The plain value of one filled-in control (apply_data.contents[], path/91983). */
export function controlValue(content: IDataObject, zone: string): unknown {
	const value = (content.value as IDataObject) ?? {};
	switch (content.control) {
		case 'Text':
		case 'Textarea':
			return value.text;
		case 'Number':
			return value.new_number === undefined ? undefined : Number(value.new_number);
		case 'Money':
			return value.new_money === undefined ? undefined : Number(value.new_money);
		case 'Date':
			return isoFromUnix((value.date as IDataObject)?.s_timestamp, zone);
		case 'Selector': {
			const selector = (value.selector as IDataObject) ?? {};
			const texts = ((selector.options as IDataObject[]) ?? []).map((o) =>
				textOf(o.value as Texts),
			);
			return selector.type === 'multi' ? texts : texts[0];
		}
		case 'Contact':
			if (Array.isArray(value.departments))
				return (value.departments as IDataObject[]).map((d) => d.openapi_id);
			return ((value.members as IDataObject[]) ?? []).map((m) => m.userid);
		case 'File':
			return ((value.files as IDataObject[]) ?? []).map((f) => f.file_id);
		case 'Table':
			return ((value.children as IDataObject[]) ?? []).map((row) =>
				controlValues((row.list as IDataObject[]) ?? [], zone),
			);
		case 'DateRange': {
			const range = (value.date_range as IDataObject) ?? {};
			return {
				begin: isoFromUnix(range.new_begin, zone),
				end: isoFromUnix(range.new_end, zone),
				durationSeconds: range.new_duration,
			};
		}
		default:
			return value;
	}
}

/** Control title → plain value, for expressions like {{ $json.values['开始时间'] }}. */
export function controlValues(contents: IDataObject[], zone: string): IDataObject {
	const values: IDataObject = {};
	for (const content of contents) {
		if (content.control === 'Tips') continue;
		const title = textOf(content.title as Texts) || String(content.id);
		values[title] = controlValue(content, zone) as IDataObject[keyof IDataObject];
	}
	return values;
}

/** One approval as the node outputs it: the plain facts first, WeCom's own object under `detail`. */
export function approvalItem(info: IDataObject, zone: string): IDataObject {
	const applyer = (info.applyer as IDataObject) ?? {};
	const status = Number(info.sp_status);
	const contents = ((info.apply_data as IDataObject)?.contents as IDataObject[]) ?? [];
	return {
		spNo: info.sp_no,
		name: info.sp_name,
		status,
		statusName: APPROVAL_STATUS[status] ?? `status ${status}`,
		templateId: info.template_id,
		applicant: applyer.userid,
		applicantDepartment: applyer.partyid,
		appliedAt: isoFromUnix(info.apply_time, zone),
		values: controlValues(contents, zone),
		detail: info,
	};
}

/** oa/getapprovaldetail (path/91983). */
export async function approvalDetail(
	ctx: ApiContext & { getTimezone(): string },
	spNo: string,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/oa/getapprovaldetail',
		body: { sp_no: spNo },
		idempotent: true,
		itemIndex,
	});
	return approvalItem((response.info as IDataObject) ?? {}, ctx.getTimezone());
}
