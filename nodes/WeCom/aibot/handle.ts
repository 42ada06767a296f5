import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { seenBefore } from '../../shared/callbackDedup';
import { isoFromUnix } from '../../shared/time';
import { captureStreaming } from './chunks';
import { downloadImages } from './images';
import { aiBotEventKey, aiBotItem, imageUrls, streamIdFor } from './message';
import { aiBotConfig, readAiBotCallback, type AiBotConfig } from './read';
import { encryptedReply, streamMessage, welcomeMessage } from './reply';
import { findStream, openStream, visibleContent, type StreamState } from './streams';

export const AIBOT_CREDENTIAL = 'wecomWelinkWeComAiBotApi';

export interface AiBotSettings {
	accept: (eventKey: string) => boolean;
	replyMode: 'stream' | 'responseUrl';
	thinkingText: string;
	fallbackText: string;
	welcomeText: string;
	downloadImages: boolean;
	toleranceSeconds: number;
}

/**
 * Answers a WeCom AI-bot callback at once — before any workflow runs, so WeCom never waits on it — and
 * says whether to start an execution. A member's message opens a stream ("thinking…") that the
 * execution fills and finishes; WeCom's refresh callbacks read it; a retried message (same msgid) gets
 * the same stream and starts nothing. Forged, stale or malformed calls get 4xx and start nothing.
 * Nothing secret reaches the answer or the logs.
 */
export async function handleAiBotCallback(
	ctx: IWebhookFunctions,
	settings: AiBotSettings,
): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject();
	const res = ctx.getResponseObject();
	let config: AiBotConfig;
	try {
		config = aiBotConfig(await ctx.getCredentials(AIBOT_CREDENTIAL));
	} catch (error) {
		ctx.logger.error(`WeCom AI bot credential is unusable: ${(error as Error).message}`);
		res.status(500).type('text/plain').send('callback credential misconfigured');
		return { noWebhookResponse: true };
	}
	const outcome = readAiBotCallback(
		{
			method: req.method,
			query: req.query as Record<string, unknown>,
			rawBody: (req as { rawBody?: Buffer }).rawBody,
		},
		config,
		{ toleranceSeconds: settings.toleranceSeconds },
	);
	if (outcome.kind === 'reject') {
		ctx.logger.warn(`WeCom AI bot callback refused (${outcome.status}): ${outcome.reason}`);
		res
			.status(outcome.status)
			.type('text/plain')
			.send(outcome.status === 400 ? 'bad request' : 'forbidden');
		return { noWebhookResponse: true };
	}
	if (outcome.kind === 'verify') {
		res.status(200).type('text/plain').send(outcome.echo);
		return { noWebhookResponse: true };
	}

	const { message, nonce, timestamp } = outcome;
	const answer = (plain?: IDataObject) =>
		res
			.status(200)
			.type('text/plain')
			.send(plain ? encryptedReply(config, plain, nonce) : '');
	const eventKey = aiBotEventKey(message);

	if (eventKey === 'stream') {
		// A refresh: WeCom asks for the stream's current state; never an execution.
		const id = String((message.stream as IDataObject | undefined)?.id ?? '');
		const stream = findStream(id);
		if (stream) stream.polls++;
		// An unknown stream was lost (n8n restarted, or another process holds it): end it politely.
		answer(
			stream
				? streamMessage(stream.id, visibleContent(stream), stream.finished)
				: streamMessage(id, settings.fallbackText, true),
		);
		return { noWebhookResponse: true };
	}

	const duplicate = seenBefore(ctx, `msg:${String(message.msgid)}`);
	const wanted = settings.accept(eventKey);
	const isMessage = eventKey.startsWith('message:');
	let stream: StreamState | undefined;
	if (isMessage && wanted && settings.replyMode === 'stream') {
		const id = streamIdFor(
			ctx.getWorkflow().id ?? '',
			ctx.getNode().id ?? ctx.getNode().name,
			String(message.msgid),
		);
		stream = openStream(id, {
			thinking: settings.thinkingText,
			fallback: settings.fallbackText,
		}).stream;
		answer(streamMessage(stream.id, visibleContent(stream), stream.finished));
	} else if (eventKey === 'event:enter_chat' && settings.welcomeText) {
		answer(welcomeMessage(settings.welcomeText));
	} else {
		answer();
	}
	if (duplicate || !wanted) return { noWebhookResponse: true };

	// From here on WeCom has its answer; the execution's streamed chunks go into the stream (or,
	// answering through response_url, nowhere: the closed HTTP response must not be written to).
	captureStreaming(res, stream, ctx.logger);

	const item = aiBotItem(message, {
		receivedAt: isoFromUnix(timestamp, ctx.getTimezone()) ?? '',
		streamId: stream?.id,
	});
	const urls = settings.downloadImages ? imageUrls(message) : [];
	if (!urls.length) return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	const { binary, errors } = await downloadImages(ctx, config.key, urls);
	if (errors.length) item.imageErrors = errors;
	return { noWebhookResponse: true, workflowData: [[{ json: item, binary }]] };
}
