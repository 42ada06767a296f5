import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readIdList } from '../common/fields';
import { executeBatchSync, type SyncRecord } from './batchSync';
import { checkCode, checkDeptName } from './department';

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
