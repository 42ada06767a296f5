import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { partialFailure } from '../../../shared/partialFailure';
import { inputError } from '../../../shared/validation';
import { weComAgentId, weComApiRequest } from '../../transport';
import { uploadTemporaryMedia } from '../media/upload';
import type { MessageContent } from './contentWire';
import { earlierIdenticalSend, rememberSend } from './duplicates';
import { planBatches, resolveMobiles, type Recipients } from './recipients';

export interface SendInput {
	recipients: Recipients;
	content: MessageContent;
	options: IDataObject;
}

/** Shown when a send without the duplicate check failed in a way that was not safe to repeat. */
const DUPLICATE_CHECK_ADVICE =
	'Check whether the recipients got it; to let the node retry sends like this itself, turn on Options → Duplicate Check (WeCom then delivers an identical send only once within the window).';

const list = (value: unknown) => (typeof value === 'string' && value ? value.split('|') : []);

interface SendReport {
	msgIds: string[];
	responseCodes: string[];
	invalidUsers: string[];
	invalidParties: string[];
	invalidTags: string[];
	unlicensedUsers: string[];
	calls: number;
	/** Message IDs of the earlier identical sends WeCom's duplicate check held these calls back for. */
	duplicateOf: string[];
}

/**
 * Sends one message to any number of recipients: members given as mobiles are resolved, a binary
 * file is uploaded, and recipients are split into the fewest calls WeCom allows. With the duplicate
 * check on (the default), a send whose answer was lost is repeated safely: WeCom delivers identical
 * requests inside the window once.
 */
export async function sendMessage(
	ctx: IExecuteFunctions,
	input: SendInput,
	itemIndex: number,
): Promise<IDataObject> {
	const agentid = await weComAgentId.call(ctx, itemIndex);
	const { recipients, content, options } = input;
	let unresolvedMobiles: string[] | undefined;
	let members = recipients.members;
	if (recipients.mobiles.length) {
		const resolved = await resolveMobiles(ctx, recipients.mobiles, itemIndex);
		unresolvedMobiles = resolved.unresolved;
		members = [...new Set([...members, ...resolved.userids])];
		if (!members.length && !recipients.departments.length && !recipients.tags.length) {
			throw inputError(
				ctx,
				itemIndex,
				'Members',
				'none of the mobile numbers belongs to a WeCom member',
				`Unknown numbers: ${resolved.unresolved.slice(0, 10).join(', ')}`,
			);
		}
	}
	const payload = { ...content.payload };
	if (content.upload)
		payload.media_id = (
			await uploadTemporaryMedia(ctx, content.upload.file, content.upload.type, itemIndex)
		).mediaId;

	const duplicateCheck = options.duplicateCheck !== false;
	const report: SendReport = {
		msgIds: [],
		responseCodes: [],
		invalidUsers: [],
		invalidParties: [],
		invalidTags: [],
		unlicensedUsers: [],
		calls: 0,
		duplicateOf: [],
	};
	const batches = planBatches({ ...recipients, members });
	let allInvalid: unknown;
	for (const [n, batch] of batches.entries()) {
		// UNCONFIRMED whether WeCom accepts one task_id in several calls; each call gets its own.
		const perCall =
			content.msgtype === 'template_card' && payload.task_id && n > 0
				? { ...payload, task_id: `${String(payload.task_id).slice(0, 120)}_${n + 1}` }
				: payload;
		const body: IDataObject = { msgtype: content.msgtype, agentid, [content.msgtype]: perCall };
		if (batch.touser) body.touser = batch.touser;
		if (batch.toparty) body.toparty = batch.toparty;
		if (batch.totag) body.totag = batch.totag;
		if (options.safe) body.safe = options.safe;
		if (options.enableIdTrans) body.enable_id_trans = 1;
		if (duplicateCheck) {
			body.enable_duplicate_check = 1;
			body.duplicate_check_interval = options.duplicateCheckInterval;
		}
		const earlier = duplicateCheck ? earlierIdenticalSend(ctx, body) : undefined;
		let response: IDataObject | undefined;
		let failure: unknown;
		try {
			response = await weComApiRequest.call(ctx, {
				method: 'POST',
				path: '/cgi-bin/message/send',
				body,
				idempotent: duplicateCheck,
				retryAdvice: DUPLICATE_CHECK_ADVICE,
				itemIndex,
			});
		} catch (error) {
			failure = error;
		}
		report.calls++;
		if (failure) {
			const details = ((failure as { context?: IDataObject }).context?.details ??
				{}) as IDataObject;
			// 81013: every recipient of this call is invalid. Other calls may still reach people.
			if (Number(details.errcode) === 81013) {
				allInvalid = failure;
				report.invalidUsers.push(...batch.users);
				continue;
			}
			throw batchFailure(ctx, failure, report, n, batches.length, itemIndex);
		}
		if (earlier !== undefined) report.duplicateOf.push(earlier);
		else if (duplicateCheck)
			rememberSend(
				ctx,
				body,
				String(response?.msgid ?? ''),
				Number(options.duplicateCheckInterval),
			);
		if (response?.msgid) report.msgIds.push(String(response.msgid));
		if (response?.response_code) report.responseCodes.push(String(response.response_code));
		report.invalidUsers.push(...list(response?.invaliduser));
		report.invalidParties.push(...list(response?.invalidparty));
		report.invalidTags.push(...list(response?.invalidtag));
		report.unlicensedUsers.push(...list(response?.unlicenseduser));
	}
	if (!report.msgIds.length && allInvalid) throw allInvalid;
	return {
		msgId: report.msgIds[0],
		msgIds: report.msgIds,
		...(report.responseCodes.length
			? { responseCode: report.responseCodes[0], responseCodes: report.responseCodes }
			: {}),
		messageType: content.msgtype,
		calls: report.calls,
		// WeCom answers a suppressed repeat as sent; it reached nobody again.
		...(duplicateCheck
			? {
					duplicateSuppressed: report.duplicateOf.length > 0,
					...(report.duplicateOf.length ? { duplicateOf: report.duplicateOf } : {}),
				}
			: {}),
		recipients: recipients.toAll
			? { everyone: true }
			: {
					members: members.length,
					departments: recipients.departments.length,
					tags: recipients.tags.length,
				},
		invalidUsers: report.invalidUsers,
		invalidParties: report.invalidParties,
		invalidTags: report.invalidTags,
		unlicensedUsers: report.unlicensedUsers,
		...(unresolvedMobiles ? { unresolvedMobiles } : {}),
		...(payload.media_id && content.upload ? { mediaId: payload.media_id } : {}),
	};
}

/** A later call failed after earlier ones delivered: say so, and keep the delivered message IDs. */
function batchFailure(
	ctx: IExecuteFunctions,
	failure: unknown,
	report: SendReport,
	batch: number,
	total: number,
	itemIndex: number,
) {
	if (batch === 0) return failure as Error;
	return partialFailure(ctx, failure, itemIndex, (original) => ({
		message: `Sent ${batch} of ${total} batches, then failed: ${original.message}`,
		description:
			`Messages already delivered: ${report.msgIds.join(', ')} (recall them with Message → Recall if needed). ${original.description ?? ''}`.trim(),
		delivered: { deliveredMsgIds: report.msgIds, failedBatch: batch + 1, batches: total },
	}));
}
