import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type OperationOption, showFor } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { readIdList } from '../common/read';
import { executeBatchSync, type SyncRecord } from '../contacts/batchSync';
import { maxWaitOption } from '../contacts/fields';
import { EMAIL, readMobile } from './details';
import { newUserFields, RESOURCE, userDetailFields } from './fields';

export const option: OperationOption = {
	name: 'Sync in Batch',
	value: 'syncBatch',
	action: 'Sync users in batch',
	description: 'Create or update users from all input items in WeLink jobs of 100 (批量同步用户)',
};

const show = showFor(RESOURCE, 'syncBatch');

export const description: INodeProperties[] = [
	...newUserFields('syncBatch'),
	{
		displayName: 'Corp Department Codes',
		name: 'corpDeptCodes',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'D001, D002',
		description: 'The user’s departments by your own codes (corpDeptCodes), separated by commas',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			// What a batch sync record takes of the fields Create offers (contact/v1/user/batch/sync).
			...userDetailFields('create').filter((field) =>
				['userEmail', 'employeeId'].includes(field.name),
			),
			{
				displayName: 'Main Corp Department Code',
				name: 'mainCorpDeptCode',
				type: 'string',
				default: '',
				description: 'One of the corp department codes: the user’s main department',
			},
			...userDetailFields('create').filter((field) =>
				['userNameEn', 'position'].includes(field.name),
			),
		],
	},
	maxWaitOption(show),
];

/** One input item = one user of contact/v1/user/batch/sync (created when missing, else updated). */
function readRecord(ctx: IExecuteFunctions, i: number): SyncRecord {
	const corpUserId = String(ctx.getNodeParameter('corpUserId', i, '') ?? '').trim();
	if (!corpUserId)
		throw inputError(
			ctx,
			i,
			'Corp User ID',
			'is required',
			'Give your own ID for the person, e.g. the employee number.',
		);
	if (/\s/.test(corpUserId))
		throw inputError(
			ctx,
			i,
			'Corp User ID',
			`"${corpUserId}" contains spaces`,
			'Use an ID without spaces.',
		);
	const userNameCn = String(ctx.getNodeParameter('userNameCn', i, '') ?? '').trim();
	if (!userNameCn)
		throw inputError(ctx, i, 'Name (Chinese)', 'is required', 'Give the person’s name.');
	const corpDeptCodes = readIdList(
		ctx,
		i,
		'Corp Department Codes',
		ctx.getNodeParameter('corpDeptCodes', i, ''),
		{ what: 'department code', required: true },
	);
	const record: IDataObject = {
		corpUserId,
		userNameCn,
		mobileNumber: readMobile(ctx, i, 'Mobile Number', ctx.getNodeParameter('mobileNumber', i, '')),
		sex: ctx.getNodeParameter('sex', i, 'M') === 'F' ? 'F' : 'M',
		corpDeptCodes,
	};
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const main = String(extra.mainCorpDeptCode ?? '').trim();
	if (main) {
		if (!corpDeptCodes.includes(main))
			throw inputError(
				ctx,
				i,
				'Main Corp Department Code',
				`"${main}" is not one of the Corp Department Codes`,
				'The main department must be one of the user’s departments.',
			);
		record.mainCorpDeptCode = main;
	}
	for (const name of ['userNameEn', 'employeeId', 'position'] as const) {
		const value = String(extra[name] ?? '').trim();
		if (value) record[name] = value;
	}
	const email = String(extra.userEmail ?? '').trim();
	if (email) {
		if (!EMAIL.test(email))
			throw inputError(ctx, i, 'Email', `"${email}" is not an email address`, 'Give name@domain.');
		record.userEmail = email;
	}
	return { record, key: corpUserId };
}

export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await executeBatchSync(
		this,
		items,
		'user',
		{ label: 'Corp User ID', name: 'corpUserId' },
		readRecord,
	);
}
