import type {
	IExecuteFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as apiRequest from './actions/apiRequest';
import * as attendance from './actions/attendance';
import * as contactsSync from './actions/contactsSync';
import * as department from './actions/department';
import * as message from './actions/message';
import { operations, router } from './actions/router';
import * as todo from './actions/todo';
import * as user from './actions/user';
import { contactVersion1 } from './actions/version1';
import { listSearch, loadOptions } from './methods';
import { nodeOutputs } from '../shared/outputs';
import { operationSubtitle } from '../shared/subtitles';
import { withVersion1Resource } from '../shared/versions';

const properties: INodeProperties[] = withVersion1Resource(
	[
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'API Request', value: 'apiRequest' },
				{ name: 'Attendance', value: 'attendance' },
				{ name: 'Contacts Sync', value: 'contactsSync' },
				{ name: 'Department', value: 'department' },
				{ name: 'Message', value: 'message' },
				{ name: 'Todo', value: 'todo' },
				{ name: 'User', value: 'user' },
			],
			default: 'message',
		},
		...message.description,
		...todo.description,
		...department.description,
		...user.description,
		...contactsSync.description,
		...attendance.description,
		...apiRequest.description,
	],
	contactVersion1,
);

export class WeLink implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeLink',
		name: 'weLink',
		icon: { light: 'file:../../icons/welink.svg', dark: 'file:../../icons/welink.dark.svg' },
		group: ['output'],
		version: [1, 2],
		defaultVersion: 2,
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
