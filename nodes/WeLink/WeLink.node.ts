import type {
	IExecuteFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as apiRequest from './actions/apiRequest';
import * as attendance from './actions/attendance';
import * as contact from './actions/contact';
import * as contactsSync from './actions/contactsSync';
import * as message from './actions/message';
import { operations, router } from './actions/router';
import * as todo from './actions/todo';
import { listSearch, loadOptions } from './methods';
import { nodeOutputs } from '../shared/outputs';
import { operationSubtitle } from '../shared/subtitles';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'API Request', value: 'apiRequest' },
			{ name: 'Attendance', value: 'attendance' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Contacts Sync', value: 'contactsSync' },
			{ name: 'Message', value: 'message' },
			{ name: 'Todo', value: 'todo' },
		],
		default: 'message',
	},
	...message.description,
	...todo.description,
	...contact.description,
	...contactsSync.description,
	...attendance.description,
	...apiRequest.description,
];

export class WeLink implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeLink',
		name: 'weLink',
		icon: { light: 'file:../../icons/welink.svg', dark: 'file:../../icons/welink.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Automate Huawei WeLink: messages, todos, contacts and any open API',
		defaults: { name: 'WeLink' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: nodeOutputs(operations),
		credentials: [{ name: 'wecomWelinkWeLinkApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
