import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runSync } from '../../../shared/orgSync/node';
import { DEFAULT_EMPLOYEE_NO_ATTRIBUTE, weComSyncPlatform } from './platform';

/** Sync to WeCom: the input items are the source org (see nodes/shared/orgSync/node.ts). */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const options = this.getNodeParameter('syncOptions', 0, {}) as IDataObject;
	const attribute =
		String(options.employeeNoAttribute ?? '').trim() || DEFAULT_EMPLOYEE_NO_ATTRIBUTE;
	return await runSync(this, items, await weComSyncPlatform(this, attribute));
}
