import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { MEETING_STATUS } from './output';

/**
 * WeCom refuses to change or cancel a meeting that is no longer upcoming, without a dedicated
 * errcode. When update/cancel fails, read the meeting once and say what state it is in.
 */
export async function explainMeetingRefusal(
	ctx: IExecuteFunctions,
	error: unknown,
	meetingId: string,
	action: 'update' | 'cancel',
	itemIndex: number,
): Promise<Error> {
	const original = error as NodeApiError & { context?: IDataObject };
	const details = (original.context?.details ?? {}) as IDataObject;
	if (details.errcode === undefined) return original;
	if (Number(details.errcode) === 48002) {
		original.description =
			`The app needs permission to use meetings: in the WeCom admin console open 会议 → 设置 → 可使用会议的应用 (or the app’s API permissions) and add this app. ${original.description ?? ''}`.trim();
		return original;
	}
	let status: number | undefined;
	try {
		const info = await weComApiRequest.call(ctx, {
			method: 'POST',
			path: '/cgi-bin/meeting/get_info',
			body: { meetingid: meetingId },
			idempotent: true,
			itemIndex,
		});
		status = Number(info.status);
	} catch {
		// The meeting could not be read either (unknown ID, no access): keep the original error.
	}
	if (status === undefined || status === 1) return original;
	return new NodeApiError(ctx.getNode(), { ...details, meetingStatus: status } as JsonObject, {
		message: `WeCom cannot ${action} meeting ${meetingId}: it is ${MEETING_STATUS[status] ?? `in status ${status}`} (${String(details.errcode)})`,
		description: `Only upcoming (预约/待开始) meetings can be ${action === 'update' ? 'updated' : 'cancelled'}. ${original.message}`,
		itemIndex,
		httpCode: String(details.errcode),
	});
}
