import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { importUsers } from './users';

/**
 * batch/replaceuser: the file becomes the whole member list; members not in it are DELETED. WeCom
 * refuses (45026) when that deletes over 50 people and 20 %, or under 50 and 80 %.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await importUsers(this, items, 'replaceuser');
}
