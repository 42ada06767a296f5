/**
 * CSV for WeCom's batch import (reference §4.3): RFC 4180 quoting, CRLF lines, UTF-8 with a byte
 * order mark. UNCONFIRMED: the encoding WeCom expects; UTF-8 with BOM is what its own templates open
 * as in spreadsheet tools, so it is the safest choice.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Buffer {
	const cell = (value: string) =>
		/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
	const lines = [header, ...rows].map((row) => row.map(cell).join(','));
	return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Columns of the member import template (通讯录批量导入模板); WeCom matches columns by these titles. */
export const USER_COLUMNS = [
	'姓名',
	'帐号',
	'手机号',
	'邮箱',
	'所在部门',
	'职位',
	'性别',
	'是否部门内领导',
	'排序',
	'别名',
	'地址',
	'座机',
	'禁用',
] as const;

/** Columns of the department import template. */
export const DEPARTMENT_COLUMNS = ['部门名称', '部门ID', '父部门ID', '排序'] as const;
