import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';

/** Types WeCom allows "safe" (confidential) for; 2 (corp only) exists for mpnews alone. */
const SAFE_TYPES = ['text', 'image', 'video', 'file', 'mpnews'];

/** Default and maximum of duplicate_check_interval, seconds (reference §3.1). */
export const DUPLICATE_WINDOW_DEFAULT = 1800;
export const DUPLICATE_WINDOW_MAX = 14400;

/** Send's Options (also sent by Send and Wait), checked against the message type. */
export function readSendOptions(ctx: IExecuteFunctions, i: number, msgtype: string): IDataObject {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const safe = Number(options.safe ?? 0);
	if (safe && !SAFE_TYPES.includes(msgtype)) {
		throw inputError(
			ctx,
			i,
			'Confidential',
			`does not apply to ${msgtype} messages`,
			`WeCom supports it for ${SAFE_TYPES.join(', ')}.`,
		);
	}
	if (safe === 2 && msgtype !== 'mpnews') {
		throw inputError(
			ctx,
			i,
			'Confidential',
			'"Only Inside the Corp" applies to MPNews only',
			'Choose "Confidential" instead.',
		);
	}
	const interval = Number(options.duplicateCheckInterval ?? DUPLICATE_WINDOW_DEFAULT);
	if (!Number.isInteger(interval) || interval < 1 || interval > DUPLICATE_WINDOW_MAX) {
		throw inputError(
			ctx,
			i,
			'Duplicate Check Window (Seconds)',
			`${interval} is outside 1–${DUPLICATE_WINDOW_MAX}`,
			'WeCom keeps identical messages apart for at most 4 hours.',
		);
	}
	return { ...options, safe, duplicateCheckInterval: interval };
}
