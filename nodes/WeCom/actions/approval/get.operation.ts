import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { approvalDetail } from './detail';
import { show } from './fields';
import { readSpNo } from './validate';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get an approval',
	description: 'An approval with its status, approvers and filled-in form (获取审批申请详情)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Approval Number',
		name: 'spNo',
		type: 'string',
		required: true,
		default: '',
		placeholder: '202611210001',
		description: '审批编号 (sp_no), e.g. ApprovalInfo.SpNo of the WeCom Trigger’s approval event',
		displayOptions: show('get'),
	},
];

export function prepare(this: IExecuteFunctions, i: number) {
	return readSpNo(this, i);
}

export async function execute(this: IExecuteFunctions, spNo: string, i: number) {
	return await approvalDetail(this, spNo, i);
}
