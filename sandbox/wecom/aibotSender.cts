import { randomBytes } from 'node:crypto';

import type { SandboxState } from '../server.cjs';
import { aesKeyOf, sealMessage, signature } from './aibotCrypto.cjs';
import {
	aiBotOf,
	checkStream,
	openPassiveReply,
	RESPONSE_URL_PATH,
	type ActiveReply,
} from './aibot.cjs';

/**
 * A member talking to an AI bot, the way WeCom delivers it (docs/reference/wecom-ai-bot.md): the
 * message callback (JSON, encrypted for the empty receive ID), WeCom's retries when no answer comes
 * within 5 seconds, and — once the bot answered with a stream — refresh callbacks until the stream is
 * finished or 6 minutes have passed since the message. Every reply is checked strictly; what the
 * member would see is returned, so a test can count answers.
 */

export interface AiBotTarget {
	url: string;
	token: string;
	encodingAesKey: string;
	botId: string;
}

export interface MemberMessage {
	userid: string;
	text?: string;
	/** Images the member sends (an image message, or text + images as a mixed message). */
	images?: Buffer[];
	chattype?: 'single' | 'group';
	chatid?: string;
	msgtype?: 'text' | 'voice';
	/** Reuse a msgid (to replay a delivery). */
	msgid?: string;
}

export type Tamper =
	| 'signature' // flip a character of msg_signature
	| 'receive-id' // encrypt for a corp ID instead of the empty receive ID
	| 'stale'; // timestamp an hour old

export interface DeliveryOptions {
	/**
	 * 'wecom': retried only when no 200 came within the answer deadline, 3 deliveries at most (the
	 * app-callback rule, UNCONFIRMED for AI bots). 'storm': delivered 3 times, 5 s apart, whatever the
	 * answers (acknowledgements lost on the way back) — the harshest case for de-duplication.
	 */
	retries?: 'wecom' | 'storm';
	/** How long WeCom waits for an answer (5 s). */
	answerDeadlineMs?: number;
	/** Time between stream refreshes (UNCONFIRMED how often WeCom asks; one second here). */
	refreshEveryMs?: number;
	/** WeCom stops refreshing 6 minutes after the message [100719]. */
	giveUpAfterMs?: number;
	/** After the stream ends (or without one), how long to wait for an answer through response_url. */
	settleMs?: number;
	tamper?: Tamper;
}

export interface Delivery {
	status: number;
	latencyMs: number;
	kind: 'empty' | 'stream' | 'text' | 'other' | 'error';
}

export interface Conversation {
	msgid: string;
	deliveries: Delivery[];
	/** Stream IDs the bot answered with (a correct bot uses one per message). */
	streamIds: string[];
	/** Contents of the stream in the order the member saw them change. */
	shown: string[];
	finished: boolean;
	finalContent?: string;
	refreshes: number;
	activeReplies: ActiveReply[];
	/** Answers the member saw: a finished stream with content, plus each response_url reply. */
	answers: number;
	/** Protocol violations found in the bot's replies (must stay empty). */
	problems: string[];
	durationMs: number;
}

const wait = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

const msgidOf = () => `CAIQ${randomBytes(18).toString('base64')}`;

export class AiBotMember {
	constructor(
		private readonly state: SandboxState,
		/** The sandbox's own URL, for response_url and image links. */
		private readonly sandboxUrl: string,
		private readonly target: AiBotTarget,
	) {}

	/** POSTs one encrypted callback; returns the HTTP answer. */
	async post(
		payload: Record<string, unknown>,
		options: { tamper?: Tamper; timeoutMs?: number } = {},
	): Promise<{ status: number; body: string; nonce: string; latencyMs: number }> {
		const key = aesKeyOf(this.target.encodingAesKey);
		const now = Math.floor(Date.now() / 1000);
		const timestamp = String(options.tamper === 'stale' ? now - 3600 : now);
		const nonce = String(Math.floor(Math.random() * 1e10));
		// The receive ID of a corp's own AI bot is the empty string [101033].
		const encrypt = sealMessage(
			key,
			JSON.stringify(payload),
			options.tamper === 'receive-id' ? 'wwsandbox0000corp' : '',
		);
		let sig = signature(this.target.token, timestamp, nonce, encrypt);
		if (options.tamper === 'signature') sig = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
		const query = new URLSearchParams({ msg_signature: sig, timestamp, nonce });
		const started = performance.now();
		try {
			const response = await fetch(`${this.target.url}?${query.toString()}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ encrypt }),
				signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
			});
			return {
				status: response.status,
				body: await response.text(),
				nonce,
				latencyMs: performance.now() - started,
			};
		} catch {
			// No answer in time: WeCom drops the connection.
			return { status: 0, body: '', nonce, latencyMs: performance.now() - started };
		}
	}

	/** The GET check WeCom makes when the URL is saved; the answer must be the plain echostr [101033]. */
	async verifyUrl(plain: string, tamper?: Tamper) {
		const key = aesKeyOf(this.target.encodingAesKey);
		const timestamp = String(Math.floor(Date.now() / 1000));
		const nonce = String(Math.floor(Math.random() * 1e10));
		const echostr = sealMessage(key, plain, tamper === 'receive-id' ? 'wwsandbox0000corp' : '');
		let sig = signature(this.target.token, timestamp, nonce, echostr);
		if (tamper === 'signature') sig = (sig[0] === 'a' ? 'b' : 'a') + sig.slice(1);
		const query = new URLSearchParams({ msg_signature: sig, timestamp, nonce, echostr });
		const response = await fetch(`${this.target.url}?${query.toString()}`, {
			signal: AbortSignal.timeout(5000),
		});
		const body = await response.text();
		return { status: response.status, body, ok: response.status === 200 && body === plain };
	}

	/** The message callback a member's message produces [100719]. */
	messagePayload(message: MemberMessage, msgid: string): Record<string, unknown> {
		const world = aiBotOf(this.state);
		const chattype = message.chattype ?? 'single';
		const code = world.issueResponseCode(msgid, message.userid, chattype);
		const base: Record<string, unknown> = {
			msgid,
			aibotid: this.target.botId,
			...(chattype === 'group' ? { chatid: message.chatid ?? 'wrSandboxGroup01' } : {}),
			chattype,
			from: { userid: message.userid },
			response_url: `${this.sandboxUrl}${RESPONSE_URL_PATH}?response_code=${code}`,
		};
		const imageUrls = (message.images ?? []).map(
			(data) => `${this.sandboxUrl}${world.addImage(data)}`,
		);
		if (message.msgtype === 'voice')
			return { ...base, msgtype: 'voice', voice: { content: message.text ?? '' } };
		if (imageUrls.length && message.text)
			return {
				...base,
				msgtype: 'mixed',
				mixed: {
					msg_item: [
						{ msgtype: 'text', text: { content: message.text } },
						...imageUrls.map((url) => ({ msgtype: 'image', image: { url } })),
					],
				},
			};
		if (imageUrls.length) return { ...base, msgtype: 'image', image: { url: imageUrls[0] } };
		return { ...base, msgtype: 'text', text: { content: message.text ?? '' } };
	}

	/** A member writes; WeCom delivers, retries and refreshes; the conversation as the member saw it. */
	async say(message: MemberMessage, options: DeliveryOptions = {}): Promise<Conversation> {
		const world = aiBotOf(this.state);
		const started = Date.now();
		const msgid = message.msgid ?? msgidOf();
		const payload = this.messagePayload(message, msgid);
		const deadline = options.answerDeadlineMs ?? 5000;
		const conversation: Conversation = {
			msgid,
			deliveries: [],
			streamIds: [],
			shown: [],
			finished: false,
			refreshes: 0,
			activeReplies: [],
			answers: 0,
			problems: [],
			durationMs: 0,
		};
		// At most three messages of a member in progress with one bot [100719].
		const open = world.inProgress.get(message.userid) ?? 0;
		if (open >= 3) {
			conversation.problems.push('WeCom keeps at most three messages of a member in progress');
			return conversation;
		}
		world.inProgress.set(message.userid, open + 1);
		try {
			const show = (content: string | undefined) => {
				if (content !== undefined && content !== conversation.shown.at(-1))
					conversation.shown.push(content);
			};
			const read = (body: string, nonce: string, first: boolean, kind: 'message' | 'refresh') => {
				const reply = openPassiveReply(body, { ...this.target, nonce });
				conversation.problems.push(...reply.problems);
				if (!reply.plain) return 'empty' as const;
				const msgtype = reply.plain.msgtype;
				// A message is answered with a stream or a card, never with text [101031].
				if (
					msgtype !== 'stream' &&
					msgtype !== 'stream_with_template_card' &&
					msgtype !== 'template_card'
				) {
					conversation.problems.push(`a ${kind} was answered with msgtype ${String(msgtype)}`);
					return 'other' as const;
				}
				if (msgtype === 'template_card') return 'other' as const;
				const { stream, problems } = checkStream(
					reply.plain.stream,
					first && !conversation.streamIds.length,
				);
				conversation.problems.push(...problems);
				if (stream?.id && !conversation.streamIds.includes(stream.id))
					conversation.streamIds.push(stream.id);
				show(stream?.content);
				if (stream?.finish) {
					conversation.finished = true;
					conversation.finalContent = stream.content ?? conversation.shown.at(-1);
				}
				return 'stream' as const;
			};

			// Deliveries: the message, and WeCom's retries of it.
			for (let attempt = 0; attempt < 3; attempt++) {
				if (attempt > 0 && options.retries === 'storm')
					await wait(Math.max(0, started + attempt * 5000 - Date.now()));
				const answer = await this.post(payload, { tamper: options.tamper, timeoutMs: deadline });
				const kind =
					answer.status === 200 ? read(answer.body, answer.nonce, true, 'message') : 'error';
				conversation.deliveries.push({ status: answer.status, latencyMs: answer.latencyMs, kind });
				if (options.retries !== 'storm' && answer.status === 200) break;
			}

			// Refreshes until the stream is finished, for at most 6 minutes since the message [100719].
			const streamId = conversation.streamIds[0];
			const giveUp = started + (options.giveUpAfterMs ?? 360_000);
			while (streamId && !conversation.finished && Date.now() < giveUp) {
				await wait(options.refreshEveryMs ?? 1000);
				// UNCONFIRMED whether a refresh carries a new msgid; the message's own is reused.
				const refresh: Record<string, unknown> = {
					...payload,
					msgtype: 'stream',
					stream: { id: streamId },
				};
				for (const field of ['text', 'image', 'mixed', 'voice', 'response_url'])
					delete refresh[field];
				const answer = await this.post(refresh, { timeoutMs: deadline });
				conversation.refreshes++;
				if (answer.status !== 200) continue;
				read(answer.body, answer.nonce, false, 'refresh');
			}
			await wait(options.settleMs ?? 0);
			conversation.activeReplies = world.repliesTo(msgid);
			const streamAnswer = conversation.finished && conversation.finalContent ? 1 : 0;
			// A second stream for the same message would be a second answer too.
			conversation.answers =
				streamAnswer +
				Math.max(0, conversation.streamIds.length - 1) +
				conversation.activeReplies.length;
		} finally {
			world.inProgress.set(message.userid, (world.inProgress.get(message.userid) ?? 1) - 1);
			conversation.durationMs = Date.now() - started;
		}
		return conversation;
	}
}
