import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { ipList, outputField, prepareOutput } from './fetch';

export const option: OperationOption = {
	name: 'Get API Domain IPs',
	value: 'getApiIps',
	action: 'Get the IPs of the WeCom API domain',
	description:
		'Addresses behind qyapi.weixin.qq.com, to allow the n8n server’s outgoing calls (获取企业微信接口IP段)',
};

export const description = [outputField('getApiIps')];

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareOutput(this, i);
}

export async function execute(this: IExecuteFunctions, split: boolean, i: number) {
	return await ipList(this, 'api', split, i);
}
