import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readApiRequest, transportRequest, type ApiRequestInput } from '../../../shared/apiRequest';
import { inputError } from '../../../shared/validation';
import { weComApiRequest, weComApiRequestAllItems } from '../../transport';

export function prepare(this: IExecuteFunctions, itemIndex: number): ApiRequestInput {
	const input = readApiRequest(this, itemIndex, 'WeCom');
	if (input.options.followCursor === true && !String(input.options.listField ?? '').trim()) {
		throw inputError(
			this,
			itemIndex,
			'List Field',
			'is required with Follow Cursor',
			'Name the response field that holds the list, e.g. dept_user.',
		);
	}
	return input;
}

export async function execute(this: IExecuteFunctions, input: ApiRequestInput, itemIndex: number) {
	const request = transportRequest<'GET' | 'POST'>(input, itemIndex);
	if (input.options.followCursor === true) {
		return await weComApiRequestAllItems.call(this, request, {
			listKey: String(input.options.listField).trim(),
			cursorIn: input.method === 'GET' ? 'qs' : 'body',
		});
	}
	return (await weComApiRequest.call(this, request)) as IDataObject;
}
