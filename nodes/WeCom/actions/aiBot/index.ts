import type { INodeProperties } from 'n8n-workflow';

import { properNounAction } from '../../../shared/subtitles';
import * as reply from './reply.operation';

export { reply };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['aiBot'] } },
		options: [
			{
				name: 'Reply',
				value: 'reply',
				action: properNounAction('Reply to a member of an AI bot'),
				description:
					'Answer the member who wrote to the WeCom AI bot (智能机器人): the answer replaces the thinking text in their chat',
			},
		],
		default: 'reply',
	},
	...reply.description,
];
