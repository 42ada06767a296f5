import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runSync, SYNC_OUTPUTS } from '../../../shared/orgSync/run';
import { inputError } from '../../../shared/validation';
import { MAX_WAIT_SECONDS } from '../contacts/batchSync';
import { weLinkSyncPlatform } from './platform';

export const outputNames = SYNC_OUTPUTS;

/** Sync to WeLink: the input items are the source org (see nodes/shared/orgSync/run.ts). */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const options = this.getNodeParameter('syncOptions', 0, {}) as IDataObject;
	const sex = String(options.defaultSex ?? '');
	const wait = Number(options.maxWaitSeconds ?? 120);
	if (!Number.isInteger(wait) || wait < 1 || wait > MAX_WAIT_SECONDS)
		throw inputError(
			this,
			0,
			'Max Wait (Seconds)',
			`${String(options.maxWaitSeconds)} is not a whole number from 1 to ${MAX_WAIT_SECONDS}`,
			'Set how long to wait for WeLink to apply its asynchronous writes.',
		);
	return await runSync(
		this,
		items,
		await weLinkSyncPlatform(this, {
			defaultSex: sex === 'M' || sex === 'F' ? sex : undefined,
			deleteAccounts: options.deleteAccounts === true,
			maxWaitMs: wait * 1000,
		}),
	);
}
