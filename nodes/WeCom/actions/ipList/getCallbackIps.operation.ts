import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { ipList, outputField, prepareOutput } from './fetch';

export const option: OperationOption = {
	name: 'Get Callback IPs',
	value: 'getCallbackIps',
	action: 'Get the IPs WeCom sends callbacks from',
	description:
		'Addresses WeCom calls the triggers’ webhooks from, to allow incoming callbacks (获取企业微信回调IP段)',
};

export const description = [outputField('getCallbackIps')];

export function prepare(this: IExecuteFunctions, i: number) {
	return prepareOutput(this, i);
}

export async function execute(this: IExecuteFunctions, split: boolean, i: number) {
	return await ipList(this, 'callback', split, i);
}
