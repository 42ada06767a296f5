import type { INodeProperties } from 'n8n-workflow';

import { apiRequestProperties } from '../../../shared/apiRequest';
import * as request from './request.operation';

export const operations = { request };

/** Picker and fields come whole from the API Request builder shared with WeCom. */
export const description: INodeProperties[] = [
	...apiRequestProperties({
		platform: 'WeLink',
		operationDescription: 'Call any WeLink open API with the token, errors and retries handled',
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
	}),
];
