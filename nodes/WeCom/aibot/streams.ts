import { cutToBytes } from '../../shared/validation';
import { STREAM_CONTENT_MAX_BYTES } from './limits';

/**
 * The answers being streamed to WeCom AI-bot members, in this n8n process. WeCom asks for the current
 * state of a stream again and again (stream refresh callbacks) until it is finished; the trigger
 * answers them from here. The state is filled by the AI Agent's streamed tokens (n8n's streaming
 * response, captured by the trigger) and by the WeCom node's AI Bot → Reply, and finished by Reply or
 * when the execution ends. In-process only: WeCom's refreshes must reach the process that holds it
 * (n8n's regular mode, or a single webhook process in queue mode).
 */

/** WeCom stops asking after 6 minutes from the member's message [100719]; keep a margin. */
const KEEP_MS = 10 * 60_000;
const MAX_STREAMS = 5000;

export interface StreamState {
	id: string;
	/** Shown until the answer starts. */
	thinking: string;
	/** Text streamed by AI nodes of the execution, in order. */
	streamed: string;
	/** Set by AI Bot → Reply; replaces everything else. */
	replied?: string;
	/** Shown when the execution ends without an answer. */
	fallback: string;
	failed: boolean;
	finished: boolean;
	openedAt: number;
	/** How many times WeCom asked for it (refreshes). */
	polls: number;
}

const streams = new Map<string, StreamState>();

function sweep(now: number) {
	for (const [id, stream] of streams) {
		if (now - stream.openedAt > KEEP_MS || streams.size > MAX_STREAMS) streams.delete(id);
		else break;
	}
}

/** Opens a stream, or returns the one already open under this ID (a retried message). */
export function openStream(
	id: string,
	texts: { thinking: string; fallback: string },
	now = Date.now(),
): { stream: StreamState; created: boolean } {
	sweep(now);
	const existing = streams.get(id);
	if (existing) return { stream: existing, created: false };
	const stream: StreamState = {
		id,
		thinking: texts.thinking,
		fallback: texts.fallback,
		streamed: '',
		failed: false,
		finished: false,
		openedAt: now,
		polls: 0,
	};
	streams.set(id, stream);
	return { stream, created: true };
}

export function findStream(id: string): StreamState | undefined {
	return streams.get(id);
}

/** What WeCom is shown now: the reply, else the streamed text, else the thinking notice. */
export function visibleContent(stream: StreamState): string {
	if (stream.replied !== undefined) return cutToBytes(stream.replied, STREAM_CONTENT_MAX_BYTES);
	if (stream.streamed) return cutToBytes(stream.streamed, STREAM_CONTENT_MAX_BYTES);
	return stream.finished ? stream.fallback : stream.thinking;
}

/** Text from an AI node's streamed chunk (ignored once the stream is finished or replied). */
export function appendStreamed(stream: StreamState, text: string) {
	if (stream.finished || stream.replied !== undefined) return;
	stream.streamed += text;
}

export function replyToStream(stream: StreamState, content: string, finish: boolean) {
	if (stream.finished) return false;
	stream.replied = content;
	if (finish) stream.finished = true;
	return true;
}

/**
 * The execution ended. A stream still open is finished with what was streamed, or with the fallback
 * when nothing was (or an error interrupted it): the member is never left without an answer.
 */
export function endStream(stream: StreamState) {
	if (stream.finished) return;
	if (stream.replied === undefined && (stream.failed || !stream.streamed.trim()))
		stream.streamed = '';
	stream.finished = true;
}
