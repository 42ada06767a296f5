import { createHash } from 'crypto';

import type { PlatformLimits } from '../../../shared/orgSync/model';
import { MAX_DEPT_NAME } from '../department/details';

/**
 * The virtual root: WeLink has no root department object; level-1 departments have parent code "0"
 * (reference §5.1). The planner mounts the source tree under it; the adapter never writes it.
 */
export const WELINK_ROOT = '0';

/**
 * Departments and users without a corp code (made in the WeLink admin console) are addressed by
 * WeLink's own code: their target ID is "#" + deptCode / userId. "#" never starts a corp code the
 * sync chooses, so the two kinds cannot collide.
 */
export const OWN_CODE = '#';

// UNCONFIRMED: WeLink publishes no depth limit; 15 levels below the root (as WeCom) is assumed. The
// virtual root counts as level 1 for the planner, hence 16.
const MAX_DEPTH = 16;

// UNCONFIRMED: no format is published for corpDeptCode / corpUserId ("unique within the customer");
// the pack accepts 1–64 characters without spaces and without a leading "#" (kept for OWN_CODE).
const CORP_CODE = /^[^\s#][^\s]{0,63}$/;

/** Department order (orderNo) 1–999, default 1000 = unordered (reference §5.5, PY depts.py). */
export const MIN_ORDER = 1;
export const MAX_ORDER = 999;

export const isCorpCode = (code: string) => CORP_CODE.test(code) && code !== WELINK_ROOT;

const hashed = (prefix: string, key: string) =>
	`${prefix}${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;

/**
 * The corp code a new department gets. WeLink lets the caller choose corpDeptCode, so the source
 * key itself is used when it is a valid code (the HR system's code stays readable in WeLink);
 * otherwise a stable hash of it. Without a source key (the disabled members' department) the code
 * is derived from the parent and name. `taken` holds the codes in use: a clash moves to the hash.
 */
export function deriveDepartmentCode(
	sourceKey: string | undefined,
	parent: string,
	name: string,
	taken: (code: string) => boolean,
): string {
	const candidates =
		sourceKey !== undefined
			? [sourceKey, hashed('D', `key:${sourceKey}`), hashed('D', `key:${sourceKey}/${parent}`)]
			: [hashed('D', `place:${parent}/${name}`)];
	const free = candidates.find((code) => isCorpCode(code) && !taken(code));
	return free ?? hashed('D', `${sourceKey ?? ''}/${parent}/${name}/${Date.now()}`);
}

/** WeLink's contact rules as the planner needs them (reference §5.5, §5.6). */
export const WELINK_LIMITS: PlatformLimits = {
	maxDepth: MAX_DEPTH,
	departmentName(name) {
		const length = [...name].length;
		// The department name limit (see contact/department.ts).
		if (length < 1 || length > MAX_DEPT_NAME)
			return `department name "${name}" must be 1–${MAX_DEPT_NAME} characters`;
		// UNCONFIRMED: no forbidden characters are published; control characters are refused.
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u001f\u007f]/.test(name))
			return `department name "${name}" contains a control character`;
		return undefined;
	},
	memberId: (id) => isCorpCode(id),
	deriveMemberId: (key) => (isCorpCode(key) ? key : hashed('u', key).slice(0, 16)),
	// orderNo 1–999: smaller orders are clipped to 1 and bigger ones to 999, here as well as when
	// writing, so a re-run compares the order WeLink keeps and makes no write.
	departmentOrder: (order) => Math.min(MAX_ORDER, Math.max(MIN_ORDER, Math.round(order))),
};
