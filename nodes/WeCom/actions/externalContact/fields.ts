import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringParam, inputError } from '../../../shared/validation';
import { OPAQUE_ID } from '../common/ids';
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

/** external_userid: WeCom gives no length; it never holds spaces or separators. */
export function readCustomerId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = stringParam(ctx, 'externalUserId', itemIndex);
	if (!id)
		throw inputError(
			ctx,
			itemIndex,
			'Customer ID',
			'is required',
			'Give the customer’s external_userid (外部联系人ID), e.g. {{ $json.externalUserId }}.',
		);
	if (!OPAQUE_ID.test(id))
		throw inputError(
			ctx,
			itemIndex,
			'Customer ID',
			`"${id.slice(0, 80)}" is not an external_userid`,
			'Give one ID of letters and digits (it starts with wm or wo), not a name or a list.',
		);
	return id;
}
