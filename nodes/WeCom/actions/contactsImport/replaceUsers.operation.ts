import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { memberRowFields } from './fields';
import { importUsers } from './users';

export const option: OperationOption = {
	name: 'Replace All Members',
	value: 'replaceUsers',
	action: 'Replace all members',
	description:
		'The input items become the whole member list; members not in it are DELETED (全量覆盖成员)',
};

export const description: INodeProperties[] = memberRowFields('replaceUsers');

/**
 * batch/replaceuser: the file becomes the whole member list; members not in it are DELETED. WeCom
 * refuses (45026) when that deletes over 50 people and 20 %, or under 50 and 80 %.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await importUsers(this, items, 'replaceuser');
}
