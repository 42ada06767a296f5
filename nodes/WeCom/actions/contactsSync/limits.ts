import { createHash } from 'crypto';

import type { PlatformLimits } from '../../../shared/orgSync/model';
import { USERID } from '../common/members';

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
	deriveMemberId: (key) =>
		USERID.test(key) ? key : `u${createHash('sha1').update(key).digest('hex').slice(0, 15)}`,
};
