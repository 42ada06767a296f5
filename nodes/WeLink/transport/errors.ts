/**
 * WeLink `code` values: a plain-English meaning and what to do. Success is code "0" (a string on
 * most endpoints, a number on some old contact endpoints). Each group names the page it comes from
 * (docs/reference/welink-sources.md lists them).
 */
interface ErrorInfo {
	meaning: string;
	hint?: string;
}

const CONSOLE = 'WeLink developer console (open.welink.huaweicloud.com)';

export const WELINK_ERRORS: Record<string, ErrorInfo> = {
	// Token issuance: devg-welink start-09.
	'10007': {
		meaning: 'client ID or client secret is wrong',
		hint: `Copy the Client ID and Client Secret again from the ${CONSOLE}: your app → 基本信息.`,
	},
	'41403': {
		meaning: 'too many failed token requests; the client ID is locked for a while',
		hint: 'Fix the secret, then wait before trying again.',
	},
	'41500': { meaning: 'could not issue an access token' },
	'41579': { meaning: 'client ID is empty', hint: 'Fill in the Client ID in the credential.' },
	'41580': {
		meaning: 'client secret is empty',
		hint: 'Fill in the Client Secret in the credential.',
	},
	// jsapi overview.html.
	'41600': { meaning: 'access token invalid' },
	// Contacts: simpleinfo_query.html (47000, 47001, 47101); department_query.html (47003, 47004);
	// staff_query.html (47103 "Authentication failed").
	'47000': {
		meaning: 'no permission for this contact data',
		hint: 'Check the app’s contacts permission scope in the developer console.',
	},
	'47001': { meaning: 'user not found' },
	'47003': { meaning: 'a required parameter is empty' },
	'47004': { meaning: 'a parameter is not right (参数不对)' },
	'47101': { meaning: 'access token format error' },
	'47103': { meaning: 'access token rejected' },
	// Rate limit: start-11.
	'48503': {
		meaning: 'rate limit reached (接口超限)',
		hint: 'Retried with backoff automatically. WeLink allows 40 calls/s and 1,500 calls/min per API per app.',
	},
	// start-10; the permission it lacks is named by the transport (permissions.ts).
	'501': { meaning: 'the app has no permission for this API (第三方接口无权限)' },
	// Messages: start-141, start-145, start-146.
	'51018': { meaning: 'more than 1,000 recipients in one send' },
	'51019': { meaning: 'recipients are not followers of the public account (非粉丝)' },
	'51021': { meaning: 'missing parameters' },
	'51033': { meaning: 'no matching message' },
	'51056': { meaning: 'message by department without a department list' },
	'51059': { meaning: 'unsupported msgRange' },
	'51062': { meaning: 'invalid parameter' },
	'51078': { meaning: 'WeLink message service error' },
	'51095': { meaning: 'message by role without a role list' },
	'51100': { meaning: 'cross-tenant operation not allowed' },
	'51104': { meaning: 'invalid messageStatus' },
	'51107': { meaning: 'this message has no status to change' },
	'51111': { meaning: 'message not found' },
	'51112': { meaning: 'public account not found' },
	'51113': { meaning: 'tenant not found' },
	'51114': { meaning: 'recipient not found' },
	// Todos: start-18, start-21.
	'55000': { meaning: 'todo service: missing parameters or authorisation failed' },
	'55002': {
		meaning: 'no permission for todos',
		hint: 'Grant the todo permission to the app in the developer console.',
	},
	'55004': { meaning: 'todo service: authorisation failed' },
	'55005': { meaning: 'todo service: parameter validation failed' },
	'55006': { meaning: 'todo could not be deleted' },
	'55009': { meaning: 'todo could not be deleted' },
	'55011': { meaning: 'illegal todo flow update' },
	'55012': { meaning: 'todo service: authentication service error' },
	'55014': { meaning: 'todo service: token authentication failed' },
};

/**
 * Codes that mean the token itself is bad: refresh once. 47101/47103 (contact pages), 41600 (jsapi
 * page) and 55014 (start-21) are documented; 1000 is what one public sample treats as "reset the
 * token". 501 is not here: it is a missing API permission, which a new token does not cure until
 * the permission is granted (start-10).
 */
export const WELINK_TOKEN_ERRORS = new Set(['47101', '47103', '41600', '55014', '1000']);

/** No permission for the API called (start-10: "返回501错误，并提示'第三方接口无权限'"). */
export const WELINK_PERMISSION_ERROR = '501';

export const WELINK_RATE_LIMIT_ERRORS = new Set(['48503']);

/** WeLink's `code` kept on an error of the transport (`context.details.code`). */
export function weLinkCodeOf(error: unknown): string | undefined {
	const details = (error as { context?: { details?: { code?: unknown } } } | undefined)?.context
		?.details;
	return details?.code === undefined ? undefined : String(details.code);
}

export function explainWeLinkError(code: string, message: string | undefined) {
	const info = WELINK_ERRORS[code];
	const meaning = info?.meaning ?? (message?.trim() || 'unknown error');
	const parts: string[] = [];
	if (info?.hint) parts.push(info.hint);
	if (message && info) parts.push(`WeLink said: ${message}`);
	return {
		message: `WeLink: ${meaning} (${code})`,
		description: parts.length ? parts.join(' ') : undefined,
	};
}
