import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { syncProperties } from '../../../shared/orgSync/fields';
import { properNounAction } from '../../../shared/subtitles';
import { runSync, SYNC_OUTPUTS } from '../../../shared/orgSync/run';
import { employeeNoAttribute, lookupLimit } from './fields';
import { weComSyncPlatform } from './platform';
import { readSettings } from './settings';

export const option: OperationOption = {
	name: 'Sync to WeCom',
	value: 'syncToWeCom',
	action: properNounAction('Sync an org to WeCom'),
	description: 'Make WeCom’s departments and members match the input items (同步通讯录到企业微信)',
};

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
