import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { importUsers } from './users';

/** batch/syncuser: members in the file are created or updated; members not in it are untouched. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await importUsers(this, items, 'syncuser');
}
