import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/validation';
import { OPAQUE_ID } from '../common/ids';

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
