import type { Logger } from 'n8n-workflow';

import { appendStreamed, endStream, type StreamState } from './streams';

/**
 * Turns n8n's streaming response into a WeCom stream. The trigger's message webhook is declared with
 * n8n's "streaming" response mode, so n8n hands the execution's streamed chunks — the AI Agent's
 * tokens, one JSON line each: {type: begin | item | end | error, content, metadata} — to the request's
 * response object, and ends it when the execution is over (in queue mode the worker relays them to
 * the process that received the request). WeCom has already been answered by then, so the response
 * object's write / flush / end are redirected into the stream state, which WeCom's refresh callbacks
 * read. Nothing is written to the closed HTTP response.
 */

interface Chunk {
	type?: string;
	content?: unknown;
	metadata?: { nodeId?: string };
}

type Writable = Record<string, unknown>;

export function captureStreaming(
	response: unknown,
	stream: StreamState | undefined,
	logger: Logger,
) {
	const target = response as Writable;
	let lastNode: string | undefined;
	const read = (line: string) => {
		if (!stream || !line.trim()) return;
		let chunk: Chunk;
		try {
			chunk = JSON.parse(line) as Chunk;
		} catch {
			// n8n 2.x writes keep-alive lines that are not JSON chunks while a stream is open.
			return;
		}
		if (chunk.type === 'error') stream.failed = true;
		if (chunk.type === 'begin' && stream.streamed && chunk.metadata?.nodeId !== lastNode)
			appendStreamed(stream, '\n\n');
		if (chunk.type === 'begin') lastNode = chunk.metadata?.nodeId;
		if (chunk.type === 'item' && typeof chunk.content === 'string')
			appendStreamed(stream, chunk.content);
	};
	target.write = (data: unknown) => {
		try {
			const textOf = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
			for (const line of textOf.split('\n')) read(line);
		} catch (error) {
			logger.warn(`WeCom AI bot: a streamed chunk could not be read: ${(error as Error).message}`);
		}
		return true;
	};
	target.flush = () => undefined;
	target.flushHeaders = () => undefined;
	target.setHeader = () => target;
	target.writeHead = () => target;
	target.end = () => {
		if (stream) endStream(stream);
		return target;
	};
}
