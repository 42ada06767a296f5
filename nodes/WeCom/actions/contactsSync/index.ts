import type { INodeProperties } from 'n8n-workflow';

import * as exportFromWeCom from './exportFromWeCom.operation';
import { readWith } from './fields';
import * as syncToWeCom from './syncToWeCom.operation';
import { properNounAction } from '../../../shared/subtitles';

export const operations = { syncToWeCom, exportFromWeCom };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactsSync'] } },
		options: [
			{
				name: 'Export From WeCom',
				value: 'exportFromWeCom',
				action: properNounAction('Export the org from WeCom'),
				description: 'Every department (with its path) and member, as items for another system',
			},
			{
				name: 'Sync to WeCom',
				value: 'syncToWeCom',
				action: properNounAction('Sync an org to WeCom'),
				description:
					'Make WeCom’s departments and members match the input items (同步通讯录到企业微信)',
			},
		],
		default: 'syncToWeCom',
	},
	{
		displayName:
			'Writes need the contacts-sync secret (管理工具 → 通讯录同步, API 编辑通讯录 on) in the WeCom API credential. From servers whose IP was added to its trusted IPs after 2022-08-15, WeCom lets that secret only list IDs: names and fields are then read with a self-built app (WeCom Contacts Reader credential).',
		name: 'secretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['contactsSync'] } },
	},
	readWith,
	...syncToWeCom.description,
	...exportFromWeCom.description,
];
