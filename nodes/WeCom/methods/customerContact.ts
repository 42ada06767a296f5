import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { approvalTemplate } from '../actions/approval/template';
import { corpTags } from '../actions/customerTag/api';
import { followUsers } from '../actions/externalContact/followUsers';
import { OPAQUE_ID } from '../actions/common/ids';
import { matches } from './directory';

/**
 * Pickers of the customer-contact and approval resources. They read lists that work with the
 * customer-contact secret (get_follow_user_list, get_corp_tag_list), which cannot list departments.
 */
async function searchFollowUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const ids = await followUsers(this);
	return {
		results: ids.filter((id) => matches(filter, id)).map((id) => ({ name: id, value: id })),
	};
}

async function getFollowUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await followUsers(this)).map((id) => ({ name: id, value: id }));
}

async function getCorpTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await corpTags(this)).map((tag) => ({
		name: `${tag.groupName} / ${tag.tagName}`,
		value: tag.tagId,
	}));
}

/** The controls of the template in Template ID, for Approval → Submit's form fields. */
async function getApprovalControls(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templateId = String(this.getNodeParameter('templateId', '') ?? '').trim();
	if (!OPAQUE_ID.test(templateId)) return [];
	const template = await approvalTemplate(this, templateId);
	return template.controls
		.filter((c) => c.control !== 'Tips')
		.map((c) => ({
			name: `${c.title || c.id} (${c.control}${c.required ? ', required' : ''})`,
			value: c.id,
		}));
}

export const customerListSearch = { searchFollowUsers };

export const customerLoadOptions = { getFollowUsers, getCorpTags, getApprovalControls };
