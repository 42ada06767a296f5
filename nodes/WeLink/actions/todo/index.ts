import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../common/fields';
import * as close from './close.operation';
import * as create from './create.operation';
import * as handOver from './handOver.operation';

export { close, create, handOver };

const show = (...operation: string[]) => ({ show: { resource: ['todo'], operation } });

const NAME_HINT = 'Leave empty to read it from WeLink contacts (needs the 用户详细信息 permission)';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['todo'] } },
		options: [
			{
				name: 'Close',
				value: 'close',
				action: 'Close a todo',
				description: 'Remove the todo when the request is finished or withdrawn (删除待办)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a todo',
				description: 'Put a todo on a handler’s WeLink (新增待办)',
			},
			{
				name: 'Hand Over',
				value: 'handOver',
				action: 'Hand over a todo to the next handler',
				description: 'Move the todo to the next handler of the flow (更新待办处理人)',
			},
		],
		default: 'create',
	},
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SP-2026-0042-step1',
		description:
			'Your own ID for the todo (taskId), unique within the app; Hand Over and Close use it',
		displayOptions: show('create', 'handOver', 'close'),
	},

	// Create
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: '张三的报销申请',
		displayOptions: show('create'),
	},
	userLocator({
		name: 'handler',
		displayName: 'Handler',
		description: 'Who has to act on the todo (current handler)',
		required: true,
		displayOptions: show('create'),
	}),
	{
		displayName: 'Handler Name (Chinese)',
		name: 'handlerNameCn',
		type: 'string',
		default: '',
		description: NAME_HINT,
		displayOptions: show('create'),
	},
	{
		displayName: 'Handler Name (English)',
		name: 'handlerNameEn',
		type: 'string',
		default: '',
		description: `${NAME_HINT}; the Chinese name is used when WeLink has none`,
		displayOptions: show('create'),
	},
	{
		displayName: 'Details URL',
		name: 'detailsUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://oa.example.com/approval/42',
		description: 'Page the handler opens in the WeLink mobile app',
		displayOptions: show('create'),
	},
	{
		displayName: 'App Name',
		name: 'appName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'OA',
		description: 'Name of the system the todo comes from',
		displayOptions: show('create'),
	},
	userLocator({
		name: 'applicant',
		displayName: 'Applicant',
		description: 'Who made the request',
		required: true,
		displayOptions: show('create'),
	}),
	{
		displayName: 'Applicant Name (Chinese)',
		name: 'applicantNameCn',
		type: 'string',
		default: '',
		description: NAME_HINT,
		displayOptions: show('create'),
	},
	{
		displayName: 'Applicant Name (English)',
		name: 'applicantNameEn',
		type: 'string',
		default: '',
		description: `${NAME_HINT}; the Chinese name is used when WeLink has none`,
		displayOptions: show('create'),
	},
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SP-2026-0042',
		description:
			'ID of the request (applicantId); use the same value when the request goes to several people',
		displayOptions: show('create'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('create'),
		options: [
			{
				displayName: 'Also Send a Message',
				name: 'sendMessage',
				type: 'boolean',
				default: false,
				description: 'Whether WeLink also sends a public account message about the todo (isMsg)',
			},
			{
				displayName: 'Business Code',
				name: 'businessCode',
				type: 'string',
				default: '',
				description: 'Letters and digits shown on the todo page, e.g. the approval number',
			},
			{
				displayName: 'PC Details URL',
				name: 'pcDetailsUrl',
				type: 'string',
				default: '',
				description: 'Page opened in the local browser on PC (http or https)',
			},
			{
				displayName: 'Show Applicant Name',
				name: 'showApplicantName',
				type: 'boolean',
				default: true,
				description: 'Whether the applicant’s name is shown on the todo',
			},
		],
	},

	// Hand over
	userLocator({
		name: 'nextHandler',
		displayName: 'Next Handler',
		description: 'Who gets the todo now',
		required: true,
		displayOptions: show('handOver'),
	}),
	{
		displayName: 'Next Handler Name (Chinese)',
		name: 'nextHandlerNameCn',
		type: 'string',
		default: '',
		description: NAME_HINT,
		displayOptions: show('handOver'),
	},
	{
		displayName: 'Next Handler Name (English)',
		name: 'nextHandlerNameEn',
		type: 'string',
		default: '',
		description: `${NAME_HINT}; the Chinese name is used when WeLink has none`,
		displayOptions: show('handOver'),
	},
];
