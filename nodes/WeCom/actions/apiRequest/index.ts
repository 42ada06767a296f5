import type { INodeProperties } from 'n8n-workflow';

import { apiRequestProperties } from '../../../shared/apiRequest';
import * as request from './request.operation';

export { request };

export const description: INodeProperties[] = [
	...apiRequestProperties({
		platform: 'WeCom',
		operationDescription: 'Call any WeCom server API with the token, errors and retries handled',
		methods: ['GET', 'POST'],
		pathPlaceholder: '/cgi-bin/user/get',
		pathHint:
			'Path below the API base URL, as in the WeCom docs. The access_token is added for you.',
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
	}),
];
