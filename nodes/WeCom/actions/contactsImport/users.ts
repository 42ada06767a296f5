import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkText, inputError, splitList } from '../../../shared/validation';
import { readDepartmentIds } from '../common/read';
import { checkEmail, checkMemberId, checkMobile, MAX_DEPARTMENTS } from '../member/validate';
import { toCsv, USER_COLUMNS } from './csv';
import { readWaitMs, runJob } from './job';
import { readRows, rowResults, type Row } from './rows';

/** One input item = one member row of the import file (columns of USER_COLUMNS). */
function readUserRow(ctx: IExecuteFunctions, i: number): Row {
	const param = (name: string) => String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	const userid = param('userId');
	checkMemberId(ctx, i, userid);
	const name = param('name');
	checkText(ctx, i, name, { field: 'Name', max: 64, unit: 'characters', required: true });
	const departments = readDepartmentIds(
		ctx,
		i,
		'Department IDs',
		ctx.getNodeParameter('departmentIds', i, ''),
	);
	if (!departments.length)
		throw inputError(
			ctx,
			i,
			'Department IDs',
			'is empty',
			'Give at least one department ID (1 is the root).',
		);
	if (departments.length > MAX_DEPARTMENTS)
		throw inputError(
			ctx,
			i,
			'Department IDs',
			`has ${departments.length} departments, over WeCom's limit of ${MAX_DEPARTMENTS}`,
			'Keep the member in at most 100 departments.',
		);
	const mobile = param('mobile');
	const email = param('email');
	if (mobile) checkMobile(ctx, i, mobile);
	if (email) checkEmail(ctx, i, email);
	if (!mobile && !email)
		throw inputError(
			ctx,
			i,
			'Mobile',
			'and Email are both empty',
			'WeCom needs a mobile number or an email address for each member.',
		);
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const text = (key: string, field: string, max: number) => {
		const value = String(extra[key] ?? '').trim();
		checkText(ctx, i, value, { field, max, unit: 'characters' });
		return value;
	};
	const leaderIn = readDepartmentIds(ctx, i, 'Leader In Department IDs', extra.leaderIn ?? '');
	const orders = splitList(extra.orders ?? '');
	if (orders.length && orders.length !== departments.length)
		throw inputError(
			ctx,
			i,
			'Orders In Departments',
			`has ${orders.length} values for ${departments.length} departments`,
			'Give one order per department, in the same order.',
		);
	const cells = [
		name,
		userid,
		mobile,
		email,
		departments.join(';'),
		text('position', 'Position', 128),
		extra.gender === undefined ? '' : String(extra.gender) === '2' ? '女' : '男',
		leaderIn.length ? departments.map((d) => (leaderIn.includes(d) ? '1' : '0')).join(';') : '',
		orders.join(';'),
		text('alias', 'Alias', 64),
		text('address', 'Address', 128),
		text('telephone', 'Telephone', 32),
		extra.enabled === false ? '1' : extra.enabled === true ? '0' : '',
	];
	if (cells.length !== USER_COLUMNS.length)
		throw new RangeError('member row does not match the template');
	return { key: userid, cells };
}

/** Builds the member file from every input item, imports it (syncuser or replaceuser) and reports each row. */
export async function importUsers(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: 'syncuser' | 'replaceuser',
) {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const maxWaitMs = readWaitMs(ctx, options);
	const { rows, errors } = readRows(ctx, items, 'Member ID', (i) => readUserRow(ctx, i));
	if (!rows.length) return [...errors.values()];
	const job = await runJob(
		ctx,
		kind,
		toCsv(
			USER_COLUMNS,
			rows.map((r) => r.cells),
		),
		{ toInvite: options.toInvite !== false, maxWaitMs },
	);
	return rowResults(items, rows, errors, job, (entry) => String(entry.userid ?? ''), 'userid');
}
