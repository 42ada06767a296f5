import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as apiRequest from './actions/apiRequest';
import * as checkin from './actions/checkin';
import * as contactsImport from './actions/contactsImport';
import * as contactsSync from './actions/contactsSync';
import * as department from './actions/department';
import * as groupRobot from './actions/groupRobot';
import * as media from './actions/media';
import * as meeting from './actions/meeting';
import * as member from './actions/member';
import * as message from './actions/message';
import * as tag from './actions/tag';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './actions/message/sendAndWait.operation';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class WeCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom',
		name: 'weCom',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Automate WeCom (企业微信): meetings, messages, contacts, check-in and any API',
		defaults: { name: 'WeCom' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'wecomWelinkWeComApi',
				required: true,
				displayOptions: { hide: { resource: ['groupRobot'] } },
			},
			{
				name: 'wecomWelinkWeComRobotApi',
				required: true,
				displayOptions: { show: { resource: ['groupRobot'] } },
			},
			{
				name: 'wecomWelinkWeComReaderApi',
				required: true,
				displayOptions: { show: { resource: ['contactsSync'], readWith: ['readerApp'] } },
			},
		],
		webhooks: sendAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Check-In', value: 'checkin' },
					{ name: 'Contacts Import', value: 'contactsImport' },
					{ name: 'Contacts Sync', value: 'contactsSync' },
					{ name: 'Department', value: 'department' },
					{ name: 'Group Robot', value: 'groupRobot' },
					{ name: 'Media', value: 'media' },
					{ name: 'Meeting', value: 'meeting' },
					{ name: 'Member', value: 'member' },
					{ name: 'Message', value: 'message' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'meeting',
			},
			...meeting.description,
			...message.description,
			...media.description,
			...groupRobot.description,
			...apiRequest.description,
			...checkin.description,
			...department.description,
			...member.description,
			...tag.description,
			...contactsImport.description,
			...contactsSync.description,
		],
	};

	methods = { listSearch, loadOptions };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
