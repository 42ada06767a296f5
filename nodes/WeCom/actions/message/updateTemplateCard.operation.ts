import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError, splitList, stringParam } from '../../../shared/validation';
import { weComAgentId, weComApiRequest } from '../../transport';
import { readMemberIds } from '../common/members';
import { readTemplateCard } from './templateCardWire';

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
