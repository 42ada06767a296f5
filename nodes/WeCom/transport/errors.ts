/**
 * WeCom errcodes: a plain-English meaning and, for the ones users hit in practice, what to do.
 * Meanings follow WeCom's global error-code page (path/90455); decide on the code, never on errmsg.
 */
interface ErrorInfo {
	meaning: string;
	hint?: string;
}

const ADMIN = 'WeCom admin console (work.weixin.qq.com/wework_admin)';

export const WECOM_ERRORS: Record<number, ErrorInfo> = {
	[-1]: {
		meaning: 'WeCom is busy (系统繁忙)',
		hint: 'A temporary state on WeCom’s side; try again later if it persists.',
	},
	6000: {
		meaning: 'data version conflict (concurrent change)',
		hint: 'Avoid changing the same record from several workflows at once.',
	},
	40001: {
		meaning: 'invalid corpsecret',
		hint: `Copy the Secret again from the ${ADMIN}: 应用管理 → your app → Secret (contacts sync: 管理工具 → 通讯录同步; customer contact: 客户联系 → API). A reset secret invalidates the old one.`,
	},
	40003: {
		meaning: 'invalid UserID',
		hint: 'Check the member ID (账号); it must exist in the contacts and be visible to the app.',
	},
	40004: { meaning: 'invalid media type' },
	40005: { meaning: 'invalid media type parameter' },
	40006: {
		meaning: 'invalid file size',
		hint: 'Image ≤ 10 MB, voice ≤ 2 MB (AMR), video ≤ 10 MB (MP4), file ≤ 20 MB, all > 5 bytes.',
	},
	40007: {
		meaning: 'invalid media_id',
		hint: 'Temporary media IDs expire after 3 days and belong to one corp (robot media: one robot).',
	},
	40008: { meaning: 'invalid message type' },
	40013: {
		meaning: 'invalid corpid',
		hint: `Copy the Corp ID (企业ID) from the ${ADMIN}: 我的企业 → 企业信息.`,
	},
	40029: {
		meaning: 'invalid OAuth code (不合法的oauth_code)',
		hint: 'A sign-in code works once and for 5 minutes: send the member through the sign-in link again. A reloaded page or a retried request reuses a spent code.',
	},
	40014: {
		meaning: 'invalid access_token',
		hint: 'The token is refreshed automatically; if this persists the secret was probably reset.',
	},
	40031: { meaning: 'invalid user list (some members do not exist or are not visible)' },
	40032: { meaning: 'too many members in one call' },
	40035: { meaning: 'invalid parameter' },
	40056: {
		meaning: 'invalid agentid',
		hint: 'Set the Agent ID (AgentId) of the app in the credential; it is shown on the app page in the admin console.',
	},
	40058: { meaning: 'parameter not acceptable' },
	40063: { meaning: 'a required parameter is empty' },
	40066: { meaning: 'invalid department list' },
	40068: { meaning: 'invalid tag ID' },
	40070: { meaning: 'all tag members are invalid' },
	40071: { meaning: 'tag name already exists' },
	40072: { meaning: 'invalid tag name length' },
	40088: { meaning: 'job ID not found' },
	40089: { meaning: 'batch job result no longer available (only the last 5 are kept)' },
	40091: {
		meaning: 'secret is not valid for this corp',
		hint: 'The Secret belongs to another corp or app; check the Corp ID and Secret pair.',
	},
	40096: { meaning: 'invalid external user ID' },
	41001: { meaning: 'access_token missing' },
	41002: { meaning: 'corpid missing', hint: 'Fill in the Corp ID in the credential.' },
	41004: { meaning: 'corpsecret missing', hint: 'Fill in the Secret in the credential.' },
	41006: { meaning: 'media_id missing' },
	41051: { meaning: 'the customer has already started chatting (welcome code used or expired)' },
	42001: { meaning: 'access_token expired', hint: 'The token is refreshed automatically.' },
	43004: { meaning: 'the member has not followed the WeChat plugin / logged in with WeChat' },
	44001: { meaning: 'empty media file' },
	44004: { meaning: 'empty text content' },
	45001: { meaning: 'media file too large' },
	45002: { meaning: 'message content too large' },
	45008: { meaning: 'too many articles (max 8)' },
	45009: {
		meaning: 'API call frequency limit reached (接口调用超过限制)',
		hint: 'Retried with backoff automatically. If it persists, lower the schedule frequency or batch size; group robots allow 20 messages per minute.',
	},
	45024: { meaning: 'account limit of the licence reached' },
	45026: { meaning: 'delete protection triggered (too many members would be removed)' },
	45033: {
		meaning: 'too many concurrent calls',
		hint: 'Retried with backoff automatically; reduce parallel executions if it persists.',
	},
	46004: { meaning: 'member does not exist' },
	48002: {
		meaning: 'API not authorised for this app (接口无权限)',
		hint: `Give the app the permission in the ${ADMIN}: e.g. add it under 打卡 / 审批 / 客户联系 → 可调用接口的应用, use the contacts-sync secret for contact writes, or enable the API for the app.`,
	},
	48005: { meaning: 'API deprecated' },
	48009: {
		meaning: 'API forbidden for the contacts-sync secret (api forbidden for contact assistant)',
		hint: `Since 2022-08-15 WeCom lets the contacts-sync secret (通讯录同步) only list IDs and write when it is called from an IP added to its trusted IPs after that date; names and details must be read with a self-built app (应用管理) whose visible range (可见范围) covers them.`,
	},
	50001: { meaning: 'redirect URL not on a trusted domain' },
	50002: {
		meaning: 'member outside the app’s visible range (可见范围)',
		hint: 'Add the member or department to the app’s visible range in the admin console.',
	},
	50003: { meaning: 'app disabled', hint: 'Enable the app in the admin console (应用管理).' },
	60001: { meaning: 'invalid department name length' },
	60003: { meaning: 'department not found' },
	60004: { meaning: 'parent department not found' },
	60005: { meaning: 'department still has members' },
	60006: { meaning: 'department still has sub-departments' },
	60007: { meaning: 'the root department cannot be deleted' },
	60008: { meaning: 'department ID or name already exists' },
	60009: { meaning: 'illegal characters in department name' },
	60011: {
		meaning: 'no permission on this member, department or tag',
		hint: 'The app (or contacts-sync secret) must be able to see and manage the target; check its visible range.',
	},
	60020: {
		meaning: 'caller IP not allowed (not allow to access from your ip)',
		hint: `Add the IP WeCom saw to the app's trusted IPs in the ${ADMIN}: 应用管理 → your app → 开发者接口 → 企业可信IP (contacts sync: 管理工具 → 通讯录同步 → 企业可信IP). The n8n server needs a fixed egress IP.`,
	},
	60102: { meaning: 'UserID already exists' },
	60103: { meaning: 'invalid mobile number' },
	60104: { meaning: 'mobile number already exists' },
	60105: { meaning: 'invalid email' },
	60106: { meaning: 'email already exists' },
	60110: { meaning: 'member is in too many departments' },
	60111: { meaning: 'UserID not found' },
	60112: { meaning: 'invalid member name' },
	60123: { meaning: 'invalid department ID' },
	60124: { meaning: 'invalid parent department ID' },
	60125: { meaning: 'invalid department name' },
	60129: { meaning: 'mobile and email are both empty' },
	81001: { meaning: 'more than 30,000 nodes under one department' },
	81002: { meaning: 'departments nested deeper than 15 levels' },
	81011: { meaning: 'no permission on this tag' },
	81013: {
		meaning:
			'no valid recipient (all members, departments and tags invalid or outside the app’s visible range)',
		hint: 'Check the IDs and the app’s visible range (可见范围).',
	},
	81014: { meaning: 'too many members or departments for one tag call' },
	81017: {
		meaning: 'too many group owners in one customer-group list call',
		hint: 'Filter the customer groups by owner (群主); the pack sends 100 owners per call.',
	},
	82001: { meaning: 'all given members, departments or tags are invalid' },
	84015: {
		meaning: 'invalid user ticket (成员票据无效)',
		hint: 'A user_ticket comes from Get Member From Code with the snsapi_privateinfo scope and lives 1,800 seconds.',
	},
	84061: {
		meaning: 'no such customer relationship (不存在外部联系人的关系)',
		hint: 'The member does not have this customer: check the member ID (跟进人) and the customer ID (external_userid).',
	},
	84074: {
		meaning: 'no customer-contact permission (没有外部联系人权限)',
		hint: 'Use the customer-contact secret (客户联系 → API), or add the app under 客户联系 → 可调用接口的应用, and give the member customer contact (客户联系 → 使用范围).',
	},
	301005: { meaning: 'the corp creator cannot be deleted' },
	301021: { meaning: 'invalid userid for check-in' },
	301022: { meaning: 'check-in data temporarily unavailable', hint: 'Try again later.' },
	301023: { meaning: 'useridlist empty or more than 100 members' },
	301024: { meaning: 'invalid check-in time range' },
	301025: { meaning: 'invalid approval request (提交审批单请求参数错误)' },
	301055: {
		meaning: 'no approval permission, or the applicant is outside the app’s visible range',
		hint: 'Add the app under 审批 → 可调用接口的应用 (API → 审批数据权限) and make sure the applicant is in its visible range.',
	},
	301056: { meaning: 'the approval app is disabled (审批应用已停用)' },
	301057: { meaning: 'WeCom could not submit the approval (提交审批单内部接口失败)' },
};

export const WECOM_TOKEN_ERRORS = new Set([40014, 41001, 42001]);

/** Rejected before execution: the call can be repeated safely, even for writes. */
export const WECOM_RATE_LIMIT_ERRORS = new Set([45009, 45033]);

/** Transient server-side states; repeating is safe only for idempotent calls. */
export const WECOM_TRANSIENT_ERRORS = new Set([-1, 6000, 301022]);

/** The errcode WeCom answered, from an error thrown by the transport (undefined for other failures). */
export function weComErrcode(error: unknown): number | undefined {
	const details = (error as { context?: { details?: { errcode?: unknown } } } | undefined)?.context
		?.details;
	const code = details?.errcode;
	return typeof code === 'number' ? code : undefined;
}

export interface ExplainedError {
	message: string;
	description?: string;
}

/**
 * WeCom's own words lead the message: a code can mean different things to different APIs (40007 is
 * "invalid media_id" on the error page and "invalid msgid" from message/recall). The table's meaning
 * and hint follow in the description, and WeCom's full answer (hint id, help link) when it says more.
 */
export function explainWeComError(errcode: number, errmsg: string | undefined): ExplainedError {
	const info = WECOM_ERRORS[errcode];
	const said = cleanErrmsg(errmsg);
	const parts: string[] = [];
	if (info && said && said.toLowerCase() !== info.meaning.toLowerCase())
		parts.push(`WeCom's error list gives ${errcode} as: ${info.meaning}.`);
	if (errcode === 60020) {
		const ip = /from ip:\s*([0-9a-f.:]+)/i.exec(errmsg ?? '')?.[1];
		if (ip) parts.push(`WeCom saw the call coming from IP ${ip}.`);
	}
	if (info?.hint) parts.push(info.hint);
	if (errmsg && errmsg.trim() !== said) parts.push(`WeCom said: ${errmsg}`);
	return {
		message: `WeCom: ${said ?? info?.meaning ?? 'unknown error'} (${errcode})`,
		description: parts.length ? parts.join(' ') : undefined,
	};
}

/** errmsg carries a hint id, the caller IP and a help link after the first comma; keep the sentence. */
function cleanErrmsg(errmsg: string | undefined) {
	const first = errmsg?.split(/,\s*(?:hint|from ip|more info)/i)[0]?.trim();
	return first || undefined;
}
