/**
 * The API permission (接口权限) a WeLink path needs, so that a 501 says what to request. Names come
 * from the table of devg-welink start-10 ("服务端接口权限与API对应清单"), except 待办通知, which a
 * vendor's WeLink integration manual names for the todo APIs. A path neither lists is named by its
 * address: the console's permission list shows the address of each API too.
 */
const PERMISSIONS: Array<[string, string[]]> = [
	['租户详细信息', ['/tenant/v1/tenants']],
	['用户登录信息', ['/auth/v2/userid', '/contact/v1/users/accounts', '/weopen/v1/isadmin']],
	[
		'用户详细信息',
		[
			'/contact/v1/users',
			'/contact/v3/users',
			'/contact/v1/user/users',
			'/contact/v2/user/detail',
			'/contact/v1/user/detail',
			'/contact/v1/user/simplelist',
			'/contact/v2/user/list',
			'/contact/v1/rolegroup/simplelist',
			'/contact/v1/user/list',
		],
	],
	['用户邮箱信息', ['/contact/v1/users/email']],
	['用户简单信息', ['/contact/v2/user/userid']],
	[
		'通讯录同步',
		[
			'/contact/v1/user/mobilenumber',
			'/contact/v1/users/bulk',
			'/contact/v2/users/bulk',
			'/contact/v1/users/update',
			'/contact/v1/users/status',
			'/contact/v2/departments/bulk',
			'/contact/v2/departments/status',
		],
	],
	['待办通知', ['/todo/v1/addtask', '/todo/v2/addtask', '/todo/v3/addtask', '/todo/v2/updatetask']],
];

const BY_PATH = new Map(PERMISSIONS.flatMap(([name, paths]) => paths.map((p) => [p, name])));

/** Where the permission is requested (start-10). */
export const PERMISSION_PAGE =
	'WeLink developer console → 应用开发 → 企业内部应用 → your We码 or 轻应用 → 版本管理 → 接口权限';

export function permissionFor(path: string): string | undefined {
	return BY_PATH.get(path.split('?')[0].replace(/\/+$/, ''));
}

/** What a 501 tells the user: the permission to request, where, and when it takes effect. */
export function permissionHint(path: string): string {
	const name = permissionFor(path);
	const what = name
		? `the API permission ${name} (it covers ${path})`
		: `the API permission that lists ${path}`;
	return (
		`Request ${what} in the ${PERMISSION_PAGE}, and have it approved. ` +
		'WeLink grants a new permission only to tokens issued after it (start-10): the next run fetches a new token.'
	);
}
