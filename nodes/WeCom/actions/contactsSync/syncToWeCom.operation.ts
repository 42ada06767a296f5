import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { syncProperties } from '../../../shared/orgSync/fields';
import { runSync, SYNC_OUTPUTS } from '../../../shared/orgSync/run';
import { employeeNoAttribute, lookupLimit } from './fields';
import { weComSyncPlatform } from './platform';
import { readSettings } from './settings';

export const description = syncProperties({
	resource: 'contactsSync',
	operation: 'syncToWeCom',
	platform: 'WeCom',
	extraOptions: [employeeNoAttribute, lookupLimit],
	departmentPicker: 'getDepartments',
	guardHint:
		'WeCom’s own guard applies whatever these say: more than 50 members and 20 %, or more than 80 %',
});

export const outputNames = SYNC_OUTPUTS;

/** Sync to WeCom: the input items are the source org (see nodes/shared/orgSync/run.ts). */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const settings = readSettings(this, 'syncOptions');
	return await runSync(this, items, await weComSyncPlatform(this, settings));
}
