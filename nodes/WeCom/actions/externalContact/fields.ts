import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { memberLocator } from '../common/fields';

export const RESOURCE = 'externalContact';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** The member who has the customer (跟进成员), listed from the members with customer contact. */
export function followMemberField(operations: string[]): INodeProperties {
	return memberLocator({
		name: 'member',
		displayName: 'Member',
		description: 'The member who added the customer (跟进成员)',
		required: true,
		displayOptions: show(...operations),
		searchListMethod: 'searchFollowUsers',
	});
}

export function customerIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Customer ID',
		name: 'externalUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wmqfasd1e19278312917231231',
		description:
			'The customer’s external_userid (外部联系人ID, starts with wm or wo), e.g. from Get Many or the WeCom External Contact Trigger',
		displayOptions: show(...operations),
	};
}
