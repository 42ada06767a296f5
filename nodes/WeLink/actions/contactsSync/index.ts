import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as exportFromWeLink from './exportFromWeLink.operation';
import * as syncToWeLink from './syncToWeLink.operation';

export const operations = { syncToWeLink, exportFromWeLink };

export const description: INodeProperties[] = [
	operationPicker(
		'contactsSync',
		Object.values(operations).map((op) => op.option),
		'syncToWeLink',
	),
	{
		displayName:
			'Needs the app permissions 通讯录同步 (writes) and 用户详细信息 (reads), with the app visible to everyone being synced. IDs are your corp codes: corpDeptCode for departments, corpUserId for users; level-1 departments hang under "0".',
		name: 'permissionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['contactsSync'] } },
	},
	...Object.values(operations).flatMap((op) => op.description),
];
