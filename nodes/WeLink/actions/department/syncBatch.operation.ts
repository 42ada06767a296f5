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
import { checkCode, checkDeptName } from './details';
import { corpDeptCodeField, departmentDetailFields, deptNameField, RESOURCE } from './fields';

export const option: OperationOption = {
	name: 'Sync in Batch',
	value: 'syncBatch',
	action: 'Sync departments in batch',
	description:
		'Create, update or delete departments from all input items in WeLink jobs of 100 (批量同步部门)',
};

const show = showFor(RESOURCE, 'syncBatch');
const upsert = { show: { ...show.show, syncAction: ['upsert'] } };

export const description: INodeProperties[] = [
	corpDeptCodeField('syncBatch'),
	{
		displayName: 'Action',
		name: 'syncAction',
		type: 'options',
		default: 'upsert',
		options: [
			{ name: 'Create or Update', value: 'upsert' },
			{ name: 'Delete', value: 'delete' },
		],
		description: 'What to do with this department (valid "1" or "0")',
		displayOptions: show,
	},
	deptNameField(upsert),
	{
		displayName: 'Parent Corp Department Code',
		name: 'corpParentCode',
		type: 'string',
		required: true,
		default: '0',
		description: 'Your own code of the parent department; 0 for a level-1 department',
		displayOptions: upsert,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: upsert,
		options: [
			// What a batch sync record takes of the fields Create offers (contact/v1/department/batch/sync).
			...departmentDetailFields().filter((field) =>
				['managers', 'deptNameEn'].includes(field.name),
			),
			{
				displayName: 'Order',
				name: 'orderNo',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 999 },
				default: 1,
				description: 'Position among its siblings, 1–999 (lower first)',
			},
		],
	},
	maxWaitOption(show),
];

/** orderNo range (reference §5.5). */
export const ORDER_MIN = 1;
export const ORDER_MAX = 999;

/** One input item = one department of contact/v1/department/batch/sync (valid "1" upsert, "0" delete). */
function readRecord(ctx: IExecuteFunctions, i: number): SyncRecord {
	const corpDeptCode = checkCode(
		ctx,
		i,
		'Corp Department Code',
		ctx.getNodeParameter('corpDeptCode', i, ''),
	);
	const remove = ctx.getNodeParameter('syncAction', i, 'upsert') === 'delete';
	const record: IDataObject = { corpDeptCode, valid: remove ? '0' : '1' };
	if (remove) return { record, key: corpDeptCode, remove };
	record.deptNameCn = checkDeptName(
		ctx,
		i,
		'Name (Chinese)',
		ctx.getNodeParameter('deptNameCn', i, ''),
		true,
	);
	const parent = checkCode(
		ctx,
		i,
		'Parent Corp Department Code',
		ctx.getNodeParameter('corpParentCode', i, '0'),
	);
	if (parent === corpDeptCode)
		throw inputError(
			ctx,
			i,
			'Parent Corp Department Code',
			'is the department itself',
			'Give the parent’s corp code, or 0 for a level-1 department.',
		);
	// A level-1 department has corpParentCode "0" (reference §5.1).
	record.corpParentCode = parent;
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const en = checkDeptName(ctx, i, 'Name (English)', extra.deptNameEn, false);
	if (en) record.deptNameEn = en;
	if (extra.orderNo !== undefined) {
		const order = Number(extra.orderNo);
		if (!Number.isInteger(order) || order < ORDER_MIN || order > ORDER_MAX)
			throw inputError(
				ctx,
				i,
				'Order',
				`${String(extra.orderNo)} is outside ${ORDER_MIN}–${ORDER_MAX}`,
				'Lower numbers are listed first; leave it empty for the default.',
			);
		// A string, as both official SDKs send it (PY depts.py str(value); JAR DeptInfos.orderNo: String).
		record.orderNo = String(order);
	}
	if (extra.managers !== undefined) {
		const managers = readIdList(ctx, i, 'Manager Names or IDs', extra.managers, {
			what: 'WeLink user ID',
		});
		if (managers.length) record.managerId = managers;
	}
	return { record, key: corpDeptCode, parent };
}

export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	return await executeBatchSync(
		this,
		items,
		'department',
		{ label: 'Corp Department Code', name: 'corpDeptCode' },
		readRecord,
	);
}
