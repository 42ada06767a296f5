import type { IDataObject } from 'n8n-workflow';

import { encryptWeCom, weComSignature } from '../../shared/crypto/wecom';
import { AIBOT_RECEIVE_ID, type AiBotConfig } from './read';

/**
 * Passive replies to AI-bot callbacks (docs/reference/wecom-ai-bot.md §2, §5): the plain JSON is
 * encrypted with an empty receive ID and sent as {encrypt, msgsignature, timestamp, nonce}, where the
 * nonce must be the callback's own and the timestamp is in seconds.
 */
export function encryptedReply(
	config: AiBotConfig,
	plain: IDataObject,
	nonce: string,
	timestampSeconds = Math.floor(Date.now() / 1000),
): string {
	const encrypt = encryptWeCom(config.key, JSON.stringify(plain), AIBOT_RECEIVE_ID);
	const timestamp = String(timestampSeconds);
	return JSON.stringify({
		encrypt,
		msgsignature: weComSignature(config.token, timestamp, nonce, encrypt),
		timestamp: timestampSeconds,
		nonce,
	});
}

/** One state of a stream; `content` replaces what the member saw before [101031]. */
export function streamMessage(id: string, content: string, finish: boolean): IDataObject {
	return { msgtype: 'stream', stream: { id, finish, content } };
}

/** The welcome text for enter_chat, the only event a text reply is allowed for [101031]. */
export function welcomeMessage(content: string): IDataObject {
	return { msgtype: 'text', text: { content } };
}
