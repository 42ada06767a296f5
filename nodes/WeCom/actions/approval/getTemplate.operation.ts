import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { templateIdField } from './fields';
import { readTemplateId } from './validate';
import { approvalTemplate } from './template';

export const option: OperationOption = {
	name: 'Get Template',
	value: 'getTemplate',
	action: 'Get an approval template',
	description:
		'A template’s controls: IDs, types, required flags and option keys (获取审批模板详情)',
};

export const description: INodeProperties[] = [
	templateIdField(
		['getTemplate'],
		'template_id, from an approval (Get), the approval event (TemplateId) or the template’s edit page address',
	),
];

export function prepare(this: IExecuteFunctions, i: number) {
	return readTemplateId(this, i);
}

export async function execute(this: IExecuteFunctions, templateId: string, i: number) {
	return { ...(await approvalTemplate(this, templateId, i)) };
}
