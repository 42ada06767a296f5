import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/validation';
import { OPAQUE_ID } from '../common/ids';

/** template_id: WeCom gives no format; it is one token of letters and digits. */
export function readTemplateId(ctx: IExecuteFunctions, i: number, field = 'Template ID'): string {
	const id = stringParam(ctx, 'templateId', i);
	if (!OPAQUE_ID.test(id))
		throw inputError(
			ctx,
			i,
			field,
			id ? `"${id.slice(0, 60)}" is not a template ID` : 'is required',
			'Copy the template_id from an approval (Get), the approval event (TemplateId) or the template’s edit page address in the admin console (审批 → 模板).',
		);
	return id;
}

/** 审批单号 (sp_no): digits, e.g. 202611210001. */
export function readSpNo(ctx: IExecuteFunctions, i: number): string {
	const spNo = stringParam(ctx, 'spNo', i);
	if (!/^\d{1,32}$/.test(spNo))
		throw inputError(
			ctx,
			i,
			'Approval Number',
			spNo ? `"${spNo.slice(0, 60)}" is not an approval number` : 'is required',
			'Give the sp_no (审批编号, digits only), e.g. {{ $json.ApprovalInfo.SpNo }} from the WeCom Trigger.',
		);
	return spNo;
}
