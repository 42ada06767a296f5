import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { checkText } from '../../../shared/validation';
import { show } from './fields';
import { lookup } from './lookup';
import { checkMobile } from './validate';

export const option: OperationOption = {
	name: 'Get ID by Mobile',
	value: 'getIdByMobile',
	action: 'Get a member ID by mobile',
	description: 'Find a member by mobile number (手机号获取userid)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: '13800000000',
		displayOptions: show('getIdByMobile'),
	},
];

export function prepare(this: IExecuteFunctions, i: number): string {
	const mobile = String(this.getNodeParameter('mobile', i, '') ?? '').trim();
	checkText(this, i, mobile, { field: 'Mobile', min: 5, max: 32, unit: 'bytes', required: true });
	checkMobile(this, i, mobile);
	return mobile;
}

/** POST user/getuserid. WeCom blocks the app for a day after many unknown numbers. */
export async function execute(this: IExecuteFunctions, mobile: string, i: number) {
	return await lookup(this, '/cgi-bin/user/getuserid', { mobile }, 'userid', i);
}
