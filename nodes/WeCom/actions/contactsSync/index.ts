import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as exportFromWeCom from './exportFromWeCom.operation';
import { readWith } from './fields';
import * as syncToWeCom from './syncToWeCom.operation';

export const operations = { syncToWeCom, exportFromWeCom };

export const description: INodeProperties[] = [
	operationPicker(
		'contactsSync',
		Object.values(operations).map((op) => op.option),
		'syncToWeCom',
	),
	{
		displayName:
			'Writes need the contacts-sync secret (管理工具 → 通讯录同步, API 编辑通讯录 on) in the WeCom API credential. From servers whose IP was added to its trusted IPs after 2022-08-15, WeCom lets that secret only list IDs: names and fields are then read with a self-built app (WeCom Contacts Reader credential).',
		name: 'secretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['contactsSync'] } },
	},
	readWith,
	...Object.values(operations).flatMap((op) => op.description),
];
