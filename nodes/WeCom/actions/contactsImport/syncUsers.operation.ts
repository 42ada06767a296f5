import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { memberRowFields } from './fields';
import { importUsers } from './users';

export const option: OperationOption = {
	name: 'Import Members (Incremental)',
	value: 'syncUsers',
	action: 'Import members incrementally',
	description:
		'Each input item is a member; they are created or updated, others stay (增量更新成员)',
};

export const description: INodeProperties[] = memberRowFields('syncUsers');

/** batch/syncuser: members in the file are created or updated; members not in it are untouched. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await importUsers(this, items, 'syncuser');
}
