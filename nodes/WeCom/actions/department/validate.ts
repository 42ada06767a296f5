import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { checkDepartmentName, readDepartmentIds } from '../common/read';

const MAX_ORDER = 2 ** 32 - 1;
const MAX_ID = 2 ** 31 - 1;

/**
 * The optional department fields of create and update, checked against reference §4.1:
 * English name as the name, order 0–2^32−1 (bigger first), parent a department ID.
 */
export function readDepartmentFields(
	ctx: IExecuteFunctions,
	i: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	if (fields.nameEn !== undefined && String(fields.nameEn).trim() !== '') {
		body.name_en = String(fields.nameEn).trim();
		checkDepartmentName(ctx, i, String(body.name_en), 'English Name');
	}
	if (fields.order !== undefined && fields.order !== '') {
		const order = Number(fields.order);
		if (!Number.isInteger(order) || order < 0 || order > MAX_ORDER)
			throw inputError(
				ctx,
				i,
				'Order',
				`${String(fields.order)} is not a whole number from 0 to ${MAX_ORDER}`,
				'Use 0 or more; a bigger order sorts first (次序值大的排序靠前).',
			);
		body.order = order;
	}
	if (fields.parentId !== undefined && String(fields.parentId).trim() !== '') {
		body.parentid = readDepartmentIds(ctx, i, 'Parent Department', fields.parentId, 1)[0];
	}
	return body;
}

export function readNewDepartmentId(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
): number | undefined {
	if (value === undefined || value === null || value === '' || value === 0) return undefined;
	const id = Number(value);
	if (!Number.isInteger(id) || id <= 1 || id > MAX_ID)
		throw inputError(
			ctx,
			i,
			'ID',
			`${String(value)} is not a whole number from 2 to ${MAX_ID}`,
			'Leave ID empty to let WeCom choose one; 1 is the root department.',
		);
	return id;
}
