import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * WeCom's duplicate check (message/send `enable_duplicate_check`, reference §3.1): a request whose
 * JSON is identical to one the app sent within `duplicate_check_interval` is delivered once. The
 * answer to the repeat does not say it was suppressed (UNCONFIRMED how it reads; the sandbox answers
 * with the first send's response), so the node remembers its own sends, per workflow and node, for
 * their window, and marks an identical one inside it as suppressed. Sends by other workflows or
 * tools of the same app are not known here.
 */

/** Sends remembered in a node's static data; the oldest go first. */
const MAX_REMEMBERED = 2000;

interface DuplicateData {
	/** Fingerprint of the request JSON → [window end (ms since epoch), message ID]. */
	sentMessages?: Record<string, [number, string]>;
}

const fingerprint = (body: IDataObject) =>
	createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);

const memory = (ctx: IExecuteFunctions) => {
	const data = ctx.getWorkflowStaticData('node') as DuplicateData;
	data.sentMessages ??= {};
	return data.sentMessages;
};

/** The message ID of an identical send whose window is still open, if this node made one. */
export function earlierIdenticalSend(ctx: IExecuteFunctions, body: IDataObject) {
	const earlier = memory(ctx)[fingerprint(body)];
	return earlier && earlier[0] > Date.now() ? earlier[1] : undefined;
}

/** Remembers a delivered send for its duplicate-check window. */
export function rememberSend(
	ctx: IExecuteFunctions,
	body: IDataObject,
	msgId: string,
	windowSeconds: number,
) {
	const now = Date.now();
	const sent = memory(ctx);
	sent[fingerprint(body)] = [now + windowSeconds * 1000, msgId];
	const open = Object.entries(sent).filter(([, [until]]) => until > now);
	(ctx.getWorkflowStaticData('node') as DuplicateData).sentMessages = Object.fromEntries(
		open.slice(-MAX_REMEMBERED),
	);
}
