import type {
	IExecuteFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as aiBot from './actions/aiBot';
import * as apiRequest from './actions/apiRequest';
import * as approval from './actions/approval';
import * as checkin from './actions/checkin';
import * as contactsImport from './actions/contactsImport';
import * as contactsSync from './actions/contactsSync';
import * as customerGroup from './actions/customerGroup';
import * as customerTag from './actions/customerTag';
import * as department from './actions/department';
import * as externalContact from './actions/externalContact';
import * as groupRobot from './actions/groupRobot';
import * as ipList from './actions/ipList';
import * as media from './actions/media';
import * as meeting from './actions/meeting';
import * as member from './actions/member';
import * as message from './actions/message';
import * as oauth from './actions/oauth';
import * as tag from './actions/tag';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './actions/message/sendAndWait.operation';
import { operations, router } from './actions/router';
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
			{ name: 'AI Bot', value: 'aiBot' },
			{ name: 'API Request', value: 'apiRequest' },
			{ name: 'Approval (审批)', value: 'approval' },
			{ name: 'Check-In', value: 'checkin' },
			{ name: 'Contacts Import', value: 'contactsImport' },
			{ name: 'Contacts Sync', value: 'contactsSync' },
			{ name: 'Customer (客户)', value: 'externalContact' },
			{ name: 'Customer Group (客户群)', value: 'customerGroup' },
			{ name: 'Customer Tag (客户标签)', value: 'customerTag' },
			{ name: 'Department', value: 'department' },
			{ name: 'Group Robot', value: 'groupRobot' },
			{ name: 'IP List', value: 'ipList' },
			{ name: 'Media', value: 'media' },
			{ name: 'Meeting', value: 'meeting' },
			{ name: 'Member', value: 'member' },
			{ name: 'Message', value: 'message' },
			{ name: 'Sign-In (OAuth)', value: 'oauth' },
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
	...externalContact.description,
	...customerTag.description,
	...customerGroup.description,
	...approval.description,
	...oauth.description,
	...ipList.description,
	...aiBot.description,
];

export class WeCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom',
		name: 'weCom',
		icon: { light: 'file:../../icons/wecom.svg', dark: 'file:../../icons/wecom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description:
			'Automate WeCom (企业微信): meetings, messages, contacts, check-in, AI bot replies and any API',
		defaults: { name: 'WeCom' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: nodeOutputs(operations),
		credentials: [
			{
				name: 'wecomWelinkWeComApi',
				required: true,
				displayOptions: { hide: { resource: ['groupRobot', 'aiBot'] } },
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
		properties,
	};

	methods = { listSearch, loadOptions };

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
