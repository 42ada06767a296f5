import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	apiRequestFields,
	apiRequestOption,
	readApiRequest,
	transportRequest,
	type ApiRequestInput,
} from '../../../shared/apiRequest';
import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { weComApiRequest, weComApiRequestAllItems } from '../../transport';

export const option: OperationOption = apiRequestOption(
	'Call any WeCom server API with the token, errors and retries handled',
);

export const description: INodeProperties[] = apiRequestFields({
	platform: 'WeCom',
	methods: ['GET', 'POST'],
	pathPlaceholder: '/cgi-bin/user/get',
	pathHint: 'Path below the API base URL, as in the WeCom docs. The access_token is added for you.',
	paging: [
		{
			displayName: 'Follow Cursor',
			name: 'followCursor',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep calling with next_cursor until WeCom returns no more, outputting one item per entry of the list field',
		},
		{
			displayName: 'List Field',
			name: 'listField',
			type: 'string',
			default: '',
			placeholder: 'dept_user',
			description: 'Response field holding the list, used with Follow Cursor',
		},
	],
});

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
