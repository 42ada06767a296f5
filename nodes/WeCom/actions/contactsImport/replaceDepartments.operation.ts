import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { checkDepartmentName, readDepartmentIds } from '../common/read';
import { DEPARTMENT_COLUMNS, toCsv } from './csv';
import { show } from './fields';
import { readWaitMs, runJob } from './job';
import { readRows, rowResults, type Row } from './rows';

export const option: OperationOption = {
	name: 'Replace All Departments',
	value: 'replaceDepartments',
	action: 'Replace all departments',
	description:
		'The input items become the whole department tree; empty departments not in it are deleted (全量覆盖部门)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Department Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '={{ $json.name }}',
		displayOptions: show('replaceDepartments'),
	},
	{
		displayName: 'Department ID',
		name: 'departmentId',
		type: 'string',
		required: true,
		default: '={{ $json.id }}',
		displayOptions: show('replaceDepartments'),
	},
	{
		displayName: 'Parent Department ID',
		name: 'parentId',
		type: 'string',
		required: true,
		default: '={{ $json.parentid }}',
		description: '1 for a top-level department',
		displayOptions: show('replaceDepartments'),
	},
	{
		displayName: 'Order',
		name: 'order',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Bigger first; 0 keeps the current order',
		displayOptions: show('replaceDepartments'),
	},
];

function readDepartmentRow(ctx: IExecuteFunctions, i: number): Row {
	const name = String(ctx.getNodeParameter('name', i, '') ?? '').trim();
	checkDepartmentName(ctx, i, name);
	const [id] = readDepartmentIds(
		ctx,
		i,
		'Department ID',
		ctx.getNodeParameter('departmentId', i, ''),
		1,
	);
	if (id === undefined || id < 2)
		throw inputError(
			ctx,
			i,
			'Department ID',
			id === undefined ? 'is required' : 'is 1, the root',
			'Give the department’s own ID (2 or more); the root is not in the file.',
		);
	const [parent] = readDepartmentIds(
		ctx,
		i,
		'Parent Department ID',
		ctx.getNodeParameter('parentId', i, ''),
		1,
	);
	if (parent === undefined)
		throw inputError(
			ctx,
			i,
			'Parent Department ID',
			'is required',
			'Give 1 for a top-level department.',
		);
	if (parent === id)
		throw inputError(
			ctx,
			i,
			'Parent Department ID',
			'is the department itself',
			'Give its parent’s ID.',
		);
	const order = ctx.getNodeParameter('order', i, 0) as number;
	if (!Number.isInteger(order) || order < 0)
		throw inputError(
			ctx,
			i,
			'Order',
			`${order} is not a whole number of 0 or more`,
			'Use 0 to keep the current order.',
		);
	return { key: String(id), cells: [name, String(id), String(parent), order ? String(order) : ''] };
}

/**
 * batch/replaceparty: the file becomes the whole department tree; departments not in it are deleted
 * when they are empty.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const maxWaitMs = readWaitMs(this, this.getNodeParameter('options', 0, {}) as IDataObject);
	const { rows, errors } = readRows(this, items, 'Department ID', (i) =>
		readDepartmentRow(this, i),
	);
	if (!rows.length) return [...errors.values()];
	const job = await runJob(
		this,
		'replaceparty',
		toCsv(
			DEPARTMENT_COLUMNS,
			rows.map((r) => r.cells),
		),
		{ maxWaitMs },
	);
	return rowResults(items, rows, errors, job, (entry) => String(entry.partyid ?? ''), 'id');
}
