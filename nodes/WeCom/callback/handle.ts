import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { seenBefore } from '../../shared/callbackDedup';
import { isoFromUnix } from '../../shared/time';
import type { XmlNode, XmlRecord } from '../../shared/xml';
import {
	callbackConfig,
	dedupKey,
	eventKey,
	passiveReply,
	readWeComCallback,
	type PassiveReply,
} from './read';

export const CALLBACK_CREDENTIAL = 'wecomWelinkWeComCallbackApi';

const str = (value: XmlNode | undefined) => (typeof value === 'string' ? value : '');

/** The event with WeCom's field names, plus a few normalised ones. */
export function eventItem(message: XmlRecord, zone: string): IDataObject {
	const msgType = str(message.MsgType);
	const item: IDataObject = { ...(message as IDataObject) };
	item.event = msgType === 'event' ? str(message.Event) : msgType;
	item.type = msgType === 'event' ? 'event' : 'message';
	item.eventKey = eventKey(message);
	item.fromUser = str(message.FromUserName);
	item.createdAt = isoFromUnix(str(message.CreateTime), zone);
	if (message.AgentID !== undefined)
		item.agentId = Number(str(message.AgentID)) || str(message.AgentID);
	if (message.ChangeType !== undefined) item.changeType = str(message.ChangeType);
	return item;
}

export interface HandledCallback {
	/** Set for a new, accepted event; undefined when nothing should run. */
	message?: XmlRecord;
	item?: IDataObject;
}

/**
 * Answers WeCom at once (URL verification, refusals, the ack or passive reply) and tells the
 * trigger whether to start an execution. The workflow runs after the answer, so WeCom's 5-second
 * deadline never depends on it. Nothing secret is written to the answer or the logs.
 */
export async function handleWeComCallback(
	ctx: IWebhookFunctions,
	options: {
		accept: (key: string) => boolean;
		reply?: (message: XmlRecord) => PassiveReply | undefined;
	},
): Promise<HandledCallback> {
	const req = ctx.getRequestObject();
	const res = ctx.getResponseObject();
	const settings = ctx.getNodeParameter('options', {}) as IDataObject;
	let config;
	try {
		config = callbackConfig(await ctx.getCredentials(CALLBACK_CREDENTIAL));
	} catch (error) {
		ctx.logger.error(`WeCom callback credential is unusable: ${(error as Error).message}`);
		res.status(500).type('text/plain').send('callback credential misconfigured');
		return {};
	}
	const outcome = readWeComCallback(
		{
			method: req.method,
			query: req.query as Record<string, unknown>,
			rawBody: (req as { rawBody?: Buffer }).rawBody,
		},
		config,
		{ toleranceSeconds: Number(settings.toleranceSeconds ?? 300) },
	);
	if (outcome.kind === 'reject') {
		ctx.logger.warn(`WeCom callback refused (${outcome.status}): ${outcome.reason}`);
		res
			.status(outcome.status)
			.type('text/plain')
			.send(outcome.status === 400 ? 'bad request' : 'forbidden');
		return {};
	}
	if (outcome.kind === 'verify') {
		res.status(200).type('text/plain').send(outcome.echo);
		return {};
	}
	const { message } = outcome;
	const key = eventKey(message);
	const duplicate = seenBefore(ctx, dedupKey(message));
	const wanted = options.accept(key);
	const reply = wanted ? options.reply?.(message) : undefined;
	if (reply)
		res
			.status(200)
			.type('application/xml')
			.send(passiveReply(config, message, reply, outcome.timestamp, outcome.nonce));
	else res.status(200).type('text/plain').send('');
	if (duplicate || !wanted) return {};
	return { message, item: eventItem(message, ctx.getTimezone()) };
}
