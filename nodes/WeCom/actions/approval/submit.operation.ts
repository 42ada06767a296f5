import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';
import { inputError } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { memberLocator } from '../common/fields';
import { readMemberLocator } from '../common/read';
import {
	applyData,
	processNodes,
	summaryList,
	type ControlField,
	type FlowNode,
} from './applyData';
import { RESOURCE, show, templateIdField } from './fields';
import { readTemplateId } from './validate';

export const option: OperationOption = {
	name: 'Submit',
	value: 'submit',
	action: 'Submit an approval',
	description: 'Submit an approval on a member’s behalf (提交审批申请)',
};

const showIn = (extra: IDataObject) => ({
	show: { resource: [RESOURCE], operation: ['submit'], ...extra },
});

export const description: INodeProperties[] = [
	memberLocator({
		name: 'applicant',
		displayName: 'Applicant',
		description:
			'The member the approval is submitted as (申请人); must be in the app’s visible range',
		required: true,
		displayOptions: show('submit'),
	}),
	templateIdField(
		['submit'],
		'The approval template (审批模板); Approval → Get Template lists its controls',
	),
	{
		displayName: 'Form Input',
		name: 'formInput',
		type: 'options',
		default: 'fields',
		displayOptions: show('submit'),
		options: [
			{ name: 'Form Fields', value: 'fields', description: 'One entry per control' },
			{
				name: 'JSON',
				value: 'json',
				description:
					'The apply_data.contents WeCom documents, for controls the fields do not cover',
			},
		],
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Form Field',
		default: {},
		displayOptions: showIn({ formInput: ['fields'] }),
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Control Name or ID',
						name: 'controlId',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getApprovalControls',
							loadOptionsDependsOn: ['templateId'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Type',
						name: 'kind',
						type: 'options',
						default: 'Text',
						options: [
							{ name: 'Date', value: 'Date' },
							{ name: 'Date and Time', value: 'DateTime' },
							{ name: 'Departments', value: 'Departments' },
							{ name: 'File (Media IDs)', value: 'File' },
							{ name: 'Members', value: 'Members' },
							{ name: 'Money', value: 'Money' },
							{ name: 'Multi-Line Text', value: 'Textarea' },
							{ name: 'Multiple Choice (Option Keys)', value: 'SelectorMulti' },
							{ name: 'Number', value: 'Number' },
							{ name: 'Single Choice (Option Key)', value: 'SelectorSingle' },
							{ name: 'Text', value: 'Text' },
						],
						description: 'The control’s kind, as Get Template shows it',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Text, a number, a date, option keys, member IDs, department IDs or media IDs (several separated by commas)',
					},
				],
			},
		],
	},
	{
		displayName: 'Apply Data (JSON)',
		name: 'applyDataJson',
		type: 'json',
		default:
			'[\n  {\n    "control": "Text",\n    "id": "Text-1",\n    "value": { "text": "" }\n  }\n]',
		description: 'The apply_data.contents (or {"contents": [...]}) as in WeCom’s docs',
		displayOptions: showIn({ formInput: ['json'] }),
	},
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: '会议: 季度复盘\n时间: 12-01 15:00',
		description: 'Up to 3 lines of up to 20 characters, shown on the approval card (摘要)',
		displayOptions: show('submit'),
	},
	{
		displayName: 'Approval Flow',
		name: 'flow',
		type: 'options',
		default: 'template',
		displayOptions: show('submit'),
		options: [
			{
				name: 'The Template’s Flow',
				value: 'template',
				description: 'The approvers set for the template in the admin console, conditions included',
			},
			{
				name: 'Custom Steps',
				value: 'custom',
				description: 'Approvers, CCs and handlers given here',
			},
		],
	},
	{
		displayName: 'Steps',
		name: 'steps',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Step',
		default: {},
		displayOptions: showIn({ flow: ['custom'] }),
		options: [
			{
				displayName: 'Step',
				name: 'step',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 1,
						options: [
							{ name: 'Approver (审批人)', value: 1 },
							{ name: 'CC (抄送人)', value: 2 },
							{ name: 'Handler (办理人)', value: 3 },
						],
					},
					listPickerField({
						name: 'members',
						displayName: 'Member Names or IDs',
						description: 'Who takes this step.',
						loadOptionsMethod: 'getMembers',
					}),
					{
						displayName: 'With Several Members',
						name: 'mode',
						type: 'options',
						default: 2,
						description: 'How several approvers or handlers decide (多人审批方式)',
						options: [
							{ name: 'All Must Agree (会签)', value: 1 },
							{ name: 'Any One Decides (或签)', value: 2 },
							{ name: 'One After Another (依次审批)', value: 3 },
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('submit'),
		options: [
			{
				displayName: 'Applicant Department ID',
				name: 'department',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'The department the applicant submits for (提单部门); their main department when not set',
			},
		],
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const body: IDataObject = {
		creator_userid: readMemberLocator(this, i, 'applicant', 'Applicant'),
		template_id: readTemplateId(this, i),
	};
	const custom = this.getNodeParameter('flow', i, 'template') === 'custom';
	body.use_template_approver = custom ? 0 : 1;
	if (custom) {
		const steps = (this.getNodeParameter('steps.step', i, []) as FlowNode[]) ?? [];
		body.process = processNodes(this, i, steps);
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (options.department !== undefined) {
		const department = Number(options.department);
		if (!Number.isInteger(department) || department < 1)
			throw inputError(
				this,
				i,
				'Applicant Department ID',
				'is not a department ID',
				'Give a whole number.',
			);
		body.choose_department = department;
	}
	const json = this.getNodeParameter('formInput', i, 'fields') === 'json';
	body.apply_data = applyData(
		this,
		i,
		json ? [] : ((this.getNodeParameter('formFields.field', i, []) as ControlField[]) ?? []),
		json ? this.getNodeParameter('applyDataJson', i) : undefined,
	);
	body.summary_list = summaryList(this, i, String(this.getNodeParameter('summary', i, '') ?? ''));
	return body;
}

/** A submitted approval cannot be taken back by the API: never repeated on an unclear failure. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	const response = await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/oa/applyevent',
		body,
		idempotent: false,
		itemIndex: i,
	});
	return { spNo: response.sp_no, templateId: body.template_id, applicant: body.creator_userid };
}
