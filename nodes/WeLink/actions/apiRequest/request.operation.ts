import type { IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import {
	apiRequestFields,
	apiRequestOption,
	readApiRequest,
	transportRequest,
	type ApiRequestInput,
} from '../../../shared/apiRequest';
import type { OperationOption } from '../../../shared/display';
import { weLinkApiRequest, weLinkApiRequestAllItems } from '../../transport';

export const option: OperationOption = apiRequestOption(
	'Call any WeLink open API with the token, errors and retries handled',
);

export const description: INodeProperties[] = apiRequestFields({
	platform: 'WeLink',
	methods: ['GET', 'POST', 'PUT', 'DELETE'],
	pathPlaceholder: '/contact/v2/user/detail',
	pathHint:
		'Path below the API base URL (which ends with /api), as in the WeLink docs. The x-wlk-Authorization header is added for you.',
	paging: [
		{
			displayName: 'Follow Pages',
			name: 'followPages',
			type: 'boolean',
			default: false,
			description:
				'Whether to keep requesting the next page number until WeLink reports no more, outputting one item per entry of the list field',
		},
		{
			displayName: 'List Field',
			name: 'listField',
			type: 'string',
			default: 'data',
			description: 'Response field holding the list, used with Follow Pages',
		},
		{
			displayName: 'Page Number Parameter',
			name: 'pageParam',
			type: 'string',
			default: 'pageNo',
			description: 'Query parameter carrying the page number (starts at 1)',
		},
		{
			displayName: 'Page Size Parameter',
			name: 'sizeParam',
			type: 'string',
			default: 'pageSize',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 50,
		},
	],
});

export function prepare(this: IExecuteFunctions, itemIndex: number): ApiRequestInput {
	const input = readApiRequest(this, itemIndex, 'WeLink');
	// The base URL already ends with /api; accept paths copied from the docs with the prefix.
	return { ...input, path: input.path.replace(/^\/api(?=\/)/, '') };
}

export async function execute(this: IExecuteFunctions, input: ApiRequestInput, itemIndex: number) {
	const request = transportRequest<IHttpRequestMethods>(input, itemIndex);
	const { options } = input;
	if (options.followPages === true) {
		return await weLinkApiRequestAllItems.call(this, request, {
			listKey: String(options.listField || 'data'),
			pageParam: String(options.pageParam || 'pageNo'),
			sizeParam: String(options.sizeParam || 'pageSize'),
			pageSize: Number(options.pageSize ?? 50),
		});
	}
	return await weLinkApiRequest.call(this, request);
}
