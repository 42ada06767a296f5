import { createHash } from 'crypto';

import type { PlatformLimits } from '../../../shared/orgSync/model';
import { USERID } from '../common/ids';

/** Department IDs the sync gives new departments: 10^9 and up, far above WeCom's own (sequential) ones. */
const DERIVED_DEPARTMENT_BASE = 1_000_000_000;
const DERIVED_DEPARTMENT_SPAN = 2 ** 31 - 1 - DERIVED_DEPARTMENT_BASE;

const hashOf = (key: string) => createHash('sha1').update(key).digest('hex');

/** WeCom's contact rules (reference §4.1, §4.2): names 1–64 characters without \ : * ? " < > |, 15 levels. */
export const WECOM_LIMITS: PlatformLimits = {
	maxDepth: 15,
	departmentName(name) {
		const length = [...name].length;
		if (length < 1 || length > 64) return `department name "${name}" must be 1–64 characters`;
		if (/[\\:*?"<>|]/.test(name))
			return `department name "${name}" contains a character WeCom forbids (\\ : * ? " < > |)`;
		return undefined;
	},
	memberId: (id) => USERID.test(id),
	deriveMemberId: (key) => (USERID.test(key) ? key : `u${hashOf(key).slice(0, 15)}`),
	// The member ID is the source key (or its hash): a member with that ID is the linked one.
	idIsLink: true,
	// department/create takes an `id` (int32 > 1, reference §4.1): derived from the key, a later run
	// finds a renamed or moved department without saved links.
	deriveDepartmentId: (key) =>
		String(
			DERIVED_DEPARTMENT_BASE + (parseInt(hashOf(key).slice(0, 8), 16) % DERIVED_DEPARTMENT_SPAN),
		),
	// batch/replaceuser refuses to remove more than 50 members and 20 %, or more than 80 % (45026, reference §4.3).
	removalGuard: { count: 50, percent: 20, allPercent: 80 },
};
