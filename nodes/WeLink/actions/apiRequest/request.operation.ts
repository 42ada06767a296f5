import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { readApiRequest, transportRequest, type ApiRequestInput } from '../../../shared/apiRequest';
import { weLinkApiRequest, weLinkApiRequestAllItems } from '../../transport';

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
