import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as apiRequest from './actions/apiRequest';
import { router } from './actions/router';

export class WeLink implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeLink',
		name: 'weLink',
		icon: { light: 'file:../../icons/welink.svg', dark: 'file:../../icons/welink.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Automate Huawei WeLink: messages, todos, contacts and any open API',
		defaults: { name: 'WeLink' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weLinkApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'API Request', value: 'apiRequest' }],
				default: 'apiRequest',
			},
			...apiRequest.description,
		],
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
