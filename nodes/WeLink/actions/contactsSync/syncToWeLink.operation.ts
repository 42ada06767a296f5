import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { syncProperties } from '../../../shared/orgSync/fields';
import { runSync, SYNC_OUTPUTS } from '../../../shared/orgSync/run';
import { properNounAction } from '../../../shared/subtitles';
import { inputError } from '../../../shared/validation';
import { MAX_WAIT_SECONDS } from '../contacts/batchSync';
import { weLinkSyncPlatform } from './platform';

export const option: OperationOption = {
	name: 'Sync to WeLink',
	value: 'syncToWeLink',
	action: properNounAction('Sync an org to WeLink'),
	description: 'Make WeLink’s departments and users match the input items (通讯录同步到WeLink)',
};

export const description: INodeProperties[] = syncProperties({
	resource: 'contactsSync',
	operation: 'syncToWeLink',
	platform: 'WeLink',
	orderHint:
		'WeLink’s orderNo, 1–999, smaller first; values outside are clipped; empty keeps WeLink’s order',
	matchOptions: [
		{ name: 'Email', value: 'email' },
		{ name: 'Employee Number', value: 'employeeNo', description: 'WeLink’s employeeId (工号)' },
		{
			name: 'Corp User ID',
			value: 'id',
			description: 'The member’s Target ID (or key) equals the WeLink corpUserId',
		},
		{ name: 'Mobile', value: 'mobile' },
	],
	extraOptions: [
		{
			displayName: 'Delete WeLink Accounts Too',
			name: 'deleteAccounts',
			type: 'boolean',
			default: false,
			description:
				'Whether deleting a user (Leavers: Delete) also deletes the WeLink account (isDeleteUser), not only removes it from the directory',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			default: 120,
			description:
				'How long to wait for WeLink to apply what it does later: a department order (batch job), a user closed or reopened (users/bulk, read back until WeLink shows it). What is not applied by then is reported as failed; the next run checks again.',
		},
		{
			displayName: 'Sex for New Users Without Gender',
			name: 'defaultSex',
			type: 'options',
			options: [
				{ name: 'Female (F)', value: 'F' },
				{ name: 'Leave Out', value: '' },
				{ name: 'Male (M)', value: 'M' },
			],
			default: '',
			description:
				'What a new user’s sex is when the source has no gender, and what is sent to close or reopen a user WeLink has no sex for; WeLink’s older sync API (users/bulk, which closes and reopens users) requires it',
		},
	],
});

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
