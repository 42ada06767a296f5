import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runSync, SYNC_OUTPUTS } from '../../../shared/orgSync/node';
import { weLinkSyncPlatform } from './platform';

export const outputNames = SYNC_OUTPUTS;

/** Sync to WeLink: the input items are the source org (see nodes/shared/orgSync/node.ts). */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const options = this.getNodeParameter('syncOptions', 0, {}) as IDataObject;
	const sex = String(options.defaultSex ?? '');
	return await runSync(
		this,
		items,
		await weLinkSyncPlatform(this, {
			defaultSex: sex === 'M' || sex === 'F' ? sex : undefined,
			deleteAccounts: options.deleteAccounts === true,
		}),
	);
}
