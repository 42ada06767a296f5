import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError, stringParam } from '../../../shared/validation';
import { weLinkApiRequest } from '../../transport';
import { readUserId } from '../common/read';
import { checkHttpUrl, checkLink } from '../common/text';
import { personFields, show, taskIdField } from './fields';
import { readTaskId } from './validate';
import { completeNames, readNames, type Person } from './names';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a todo',
	description: 'Put a todo on a handler’s WeLink (新增待办)',
};

export const description: INodeProperties[] = [
	taskIdField(['create']),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: '张三的报销申请',
		displayOptions: show('create'),
	},
	...personFields(
		{
			name: 'handler',
			displayName: 'Handler',
			description: 'Who has to act on the todo (current handler)',
		},
		'create',
	),
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
	...personFields(
		{
			name: 'applicant',
			displayName: 'Applicant',
			description: 'Who made the request',
		},
		'create',
	),
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
];

interface CreateInput {
	handler: Person;
	applicant: Person;
	body: IDataObject;
}

function required(ctx: IExecuteFunctions, i: number, name: string, field: string, fix: string) {
	const value = stringParam(ctx, name, i);
	if (!value) throw inputError(ctx, i, field, 'is required', fix);
	return value;
}

export function prepare(this: IExecuteFunctions, i: number): CreateInput {
	const taskId = readTaskId(this, i);
	const taskTitle = required(this, i, 'title', 'Title', 'Give the todo a title.');
	const detailsUrl = required(
		this,
		i,
		'detailsUrl',
		'Details URL',
		'Give the page the handler opens on the phone.',
	);
	checkLink(this, i, 'Details URL', detailsUrl);
	const appName = required(
		this,
		i,
		'appName',
		'App Name',
		'Give the name of your system, e.g. OA.',
	);
	const applicantId = required(
		this,
		i,
		'requestId',
		'Request ID',
		'Give the ID of the request (e.g. the approval number); use the same one for every handler of the request.',
	);
	const handler: Person = {
		userId: readUserId(this, i, 'handler', 'Handler'),
		...readNames(this, i, 'handlerNameCn', 'handlerNameEn'),
	};
	const applicant: Person = {
		userId: readUserId(this, i, 'applicant', 'Applicant'),
		...readNames(this, i, 'applicantNameCn', 'applicantNameEn'),
	};
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { taskId, taskTitle, detailsUrl, appName, applicantId };
	const pc = String(options.pcDetailsUrl ?? '').trim();
	if (pc) {
		checkHttpUrl(this, i, 'PC Details URL', pc);
		body.detailsUrlPc = pc;
	}
	if (options.sendMessage !== undefined) body.isMsg = options.sendMessage === true ? 1 : 0;
	if (options.showApplicantName !== undefined)
		body.isShowApplicantUserName = options.showApplicantName !== false;
	const businessCode = String(options.businessCode ?? '').trim();
	if (businessCode) {
		if (!/^[A-Za-z0-9]+$/.test(businessCode))
			throw inputError(
				this,
				i,
				'Business Code',
				`"${businessCode}" has characters other than letters and digits`,
				'WeLink accepts letters and digits only.',
			);
		body.businessCode = businessCode;
	}
	return { handler, applicant, body };
}

/** Adds the todo (todo/v3/addtask). Not repeated on an ambiguous failure. */
export async function execute(this: IExecuteFunctions, input: CreateInput, itemIndex: number) {
	const handler = await completeNames(this, input.handler, 'Handler', itemIndex);
	const applicant =
		input.applicant.userId === handler.userId && !input.applicant.nameCn && !input.applicant.nameEn
			? handler
			: await completeNames(this, input.applicant, 'Applicant', itemIndex);
	const body: IDataObject = {
		...input.body,
		userId: handler.userId,
		userNameCn: handler.nameCn,
		userNameEn: handler.nameEn,
		applicantUserId: applicant.userId,
		applicantUserNameCn: applicant.nameCn,
		applicantUserNameEn: applicant.nameEn,
	};
	const response = await weLinkApiRequest.call(this, {
		method: 'POST',
		path: '/todo/v3/addtask',
		body,
		idempotent: false,
		itemIndex,
	});
	const data = (response.data as IDataObject | undefined) ?? {};
	return { ...body, ...data, taskId: input.body.taskId, created: true };
}
