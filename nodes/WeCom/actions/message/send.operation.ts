import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { partialFailure } from '../../../shared/partialFailure';
import { inputError } from '../../../shared/validation';
import { weComAgentId, weComApiRequest } from '../../transport';
import { uploadTemporaryMedia } from '../media/upload';
import { readContent, type MessageContent } from './contentWire';
import { cancelNotices } from './notices';
import { earlierIdenticalSend, rememberSend } from './duplicates';
import { planBatches, readRecipients, resolveMobiles, type Recipients } from './recipients';
import { readTemplateCard } from './templateCardWire';

export interface SendInput {
	recipients: Recipients;
	content: MessageContent;
	options: IDataObject;
}

/** Types WeCom allows "safe" (confidential) for; 2 (corp only) exists for mpnews alone. */
const SAFE_TYPES = ['text', 'image', 'video', 'file', 'mpnews'];

/** Default and maximum of duplicate_check_interval, seconds (reference §3.1). */
export const DUPLICATE_WINDOW_DEFAULT = 1800;
export const DUPLICATE_WINDOW_MAX = 14400;

/** Shown when a send without the duplicate check failed in a way that was not safe to repeat. */
const DUPLICATE_CHECK_ADVICE =
	'Check whether the recipients got it; to let the node retry sends like this itself, turn on Options → Duplicate Check (WeCom then delivers an identical send only once within the window).';

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

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendInput> {
	const recipients = readRecipients(this, i);
	const msgtype = this.getNodeParameter('messageType', i) as string;
	const content: MessageContent =
		msgtype === 'template_card'
			? {
					msgtype,
					payload: readTemplateCard(
						this,
						i,
						false,
						`n8n_${this.getExecutionId()}_${i}`.replace(/[^0-9a-zA-Z_\-@]/g, '_'),
					),
				}
			: await readContent(this, i, msgtype);
	return { recipients, content, options: readSendOptions(this, i, msgtype) };
}

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

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	cancelNotices(this, input.recipients.members);
	const { parts } = input.content;
	if (!parts) return await sendMessage(this, input, itemIndex);
	// A split text: one message per part, in order; a failure names the parts already delivered.
	const sent: IDataObject[] = [];
	for (const [n, part] of parts.entries()) {
		const content = { ...input.content, payload: { ...input.content.payload, content: part } };
		try {
			sent.push(await sendMessage(this, { ...input, content }, itemIndex));
		} catch (error) {
			const delivered = sent.flatMap((s) => s.msgIds as string[]);
			throw partialFailure(this, error, itemIndex, (original) => ({
				message: original.message,
				description: n
					? `Parts 1–${n} of ${parts.length} were delivered (${delivered.join(', ')}). ${original.description ?? ''}`.trim()
					: original.description,
				delivered: { deliveredMsgIds: delivered, failedPart: n + 1 },
			}));
		}
	}
	const msgIds = sent.flatMap((s) => s.msgIds as string[]);
	return {
		...sent[0],
		msgId: msgIds[0],
		msgIds,
		parts: parts.length,
		calls: sent.reduce((sum, s) => sum + Number(s.calls), 0),
	};
}
