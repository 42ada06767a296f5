import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { checkText, inputError, splitList, stringParam } from '../../../shared/validation';
import { weComAgentId, weComApiRequest } from '../../transport';
import { readMemberIds } from '../common/read';
import { RESOURCE, show } from './fields';
import { templateCardFields } from './templateCard';
import { readTemplateCard } from './templateCardWire';

export const option: OperationOption = {
	name: 'Update Template Card',
	value: 'updateTemplateCard',
	action: 'Update a template card',
	description: 'Replace a sent card’s button text, or the whole card, by its response code',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Response Code',
		name: 'responseCode',
		type: 'string',
		required: true,
		default: '',
		description:
			'The responseCode of the send, or the ResponseCode of the click event; each code works once, for 72 hours',
		displayOptions: show('updateTemplateCard'),
	},
	{
		displayName: 'Whose Cards',
		name: 'updateScope',
		type: 'options',
		options: [
			{ name: 'Everyone Who Received It', value: 'all' },
			{ name: 'Specific Members, Departments or Tags', value: 'specific' },
		],
		default: 'all',
		displayOptions: show('updateTemplateCard'),
	},
	...[
		[
			'Member IDs',
			'updateMembers',
			'At most 1,000, separated by commas (or an array from an expression)',
		],
		['Department IDs', 'updateDepartments', 'At most 100'],
		['Tag IDs', 'updateTags', 'At most 100'],
	].map(
		([displayName, name, description]): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: '',
			description,
			displayOptions: {
				show: {
					resource: [RESOURCE],
					operation: ['updateTemplateCard'],
					updateScope: ['specific'],
				},
			},
		}),
	),
	{
		displayName: 'Update',
		name: 'updateMode',
		type: 'options',
		options: [
			{
				name: 'Replace Button Text',
				value: 'button',
				description: 'Grey out the buttons with a new label (e.g. "已同意")',
			},
			{ name: 'Replace the Whole Card', value: 'card' },
		],
		default: 'button',
		displayOptions: show('updateTemplateCard'),
	},
	{
		displayName: 'New Button Text',
		name: 'replaceButtonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: '已处理',
		displayOptions: {
			show: { resource: [RESOURCE], operation: ['updateTemplateCard'], updateMode: ['button'] },
		},
	},
	...templateCardFields({
		resource: [RESOURCE],
		operation: ['updateTemplateCard'],
		updateMode: ['card'],
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('updateTemplateCard'),
		options: [
			{
				displayName: 'Translate IDs',
				name: 'enableIdTrans',
				type: 'boolean',
				default: false,
				description: 'Whether WeCom shows names for IDs in the card',
			},
		],
	},
];

interface UpdateCardInput {
	body: IDataObject;
}

/** update_template_card limits (reference §3.3): 1,000 members, 100 departments, 100 tags. */
export function prepare(this: IExecuteFunctions, i: number): UpdateCardInput {
	const responseCode = stringParam(this, 'responseCode', i);
	if (!responseCode) {
		throw inputError(
			this,
			i,
			'Response Code',
			'is required',
			'Use the response code of the send (responseCode) or of the click event (ResponseCode); each works once, for 72 hours.',
		);
	}
	const body: IDataObject = { response_code: responseCode };
	const scope = this.getNodeParameter('updateScope', i, 'all') as string;
	if (scope === 'all') {
		body.atall = 1;
	} else {
		const userids = readMemberIds(
			this,
			i,
			'Member IDs',
			this.getNodeParameter('updateMembers', i, ''),
			1000,
		);
		const partyids = splitList(this.getNodeParameter('updateDepartments', i, '')).map(Number);
		const tagids = splitList(this.getNodeParameter('updateTags', i, '')).map(Number);
		if (partyids.length > 100)
			throw inputError(
				this,
				i,
				'Departments',
				`has ${partyids.length}, over WeCom's limit of 100`,
				'Give at most 100.',
			);
		if (tagids.length > 100)
			throw inputError(
				this,
				i,
				'Tags',
				`has ${tagids.length}, over WeCom's limit of 100`,
				'Give at most 100.',
			);
		if (!userids.length && !partyids.length && !tagids.length) {
			throw inputError(
				this,
				i,
				'Whose Cards',
				'no member, department or tag given',
				'Add recipients or choose "Everyone Who Received It".',
			);
		}
		if (userids.length) body.userids = userids;
		if (partyids.length) body.partyids = partyids;
		if (tagids.length) body.tagids = tagids;
	}
	if (this.getNodeParameter('updateMode', i, 'button') === 'button') {
		const label = stringParam(this, 'replaceButtonText', i);
		checkText(this, i, label, {
			field: 'New Button Text',
			max: 10,
			unit: 'characters',
			required: true,
		});
		body.button = { replace_name: label };
	} else {
		body.template_card = readTemplateCard(this, i);
	}
	if ((this.getNodeParameter('options', i, {}) as IDataObject).enableIdTrans)
		body.enable_id_trans = 1;
	return { body };
}

export async function execute(this: IExecuteFunctions, input: UpdateCardInput, itemIndex: number) {
	const agentid = await weComAgentId.call(this, itemIndex);
	const response = await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/message/update_template_card',
		body: { ...input.body, agentid },
		// A response code works once: a repeat would fail, never update twice.
		idempotent: true,
		itemIndex,
	});
	return {
		updated: true,
		invalidUsers: response.invaliduser ?? [],
		invalidParties: response.invalidparty ?? [],
		invalidTags: response.invalidtag ?? [],
	};
}
