import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'crypto';

/**
 * The decrypted AI-bot message as a workflow item: WeCom's own fields (docs/reference/wecom-ai-bot.md
 * §3–4) plus the few an agent needs without digging: who wrote, in which chat, the text, the image
 * URLs, a memory session key, and how to answer.
 */

const obj = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** message:text, message:mixed, …, event:enter_chat, event:template_card_event, stream (refresh). */
export function aiBotEventKey(message: IDataObject): string {
	const msgtype = str(message.msgtype);
	if (msgtype === 'event') return `event:${str(obj(message.event).eventtype)}`;
	if (msgtype === 'stream') return 'stream';
	return `message:${msgtype}`;
}

/** Text of a message: text, voice (already transcribed by WeCom) and the text parts of mixed. */
export function messageText(message: IDataObject): string {
	switch (str(message.msgtype)) {
		case 'text':
			return str(obj(message.text).content);
		case 'voice':
			return str(obj(message.voice).content);
		case 'mixed':
			return mixedItems(message)
				.filter((item) => item.msgtype === 'text')
				.map((item) => str(obj(item.text).content))
				.join('\n');
		default:
			return '';
	}
}

function mixedItems(message: IDataObject): IDataObject[] {
	const items = obj(message.mixed).msg_item;
	return Array.isArray(items) ? items.map(obj) : [];
}

/** Image URLs of an image or mixed message (their content is encrypted, see images.ts). */
export function imageUrls(message: IDataObject): string[] {
	const msgtype = str(message.msgtype);
	if (msgtype === 'image') return [str(obj(message.image).url)].filter(Boolean);
	if (msgtype === 'mixed')
		return mixedItems(message)
			.filter((item) => item.msgtype === 'image')
			.map((item) => str(obj(item.image).url))
			.filter(Boolean);
	return [];
}

/**
 * The stream answering one message: the same message (WeCom's retry) always maps to the same stream,
 * and two workflows (or two trigger nodes) answering the same bot never share one.
 */
export function streamIdFor(workflowId: string, nodeId: string, msgid: string): string {
	return createHash('sha256')
		.update(`${workflowId}\u0000${nodeId}\u0000${msgid}`)
		.digest('hex')
		.slice(0, 32);
}

export function aiBotItem(
	message: IDataObject,
	extra: { receivedAt: string; streamId?: string },
): IDataObject {
	const chatType = str(message.chattype);
	const userId = str(obj(message.from).userid);
	const chatId = str(message.chatid);
	const item: IDataObject = {
		...message,
		eventKey: aiBotEventKey(message),
		userId,
		chatType,
		isGroup: chatType === 'group',
		// One conversation memory per member, and per member within each group chat.
		sessionKey: chatType === 'group' && chatId ? `${chatId}:${userId}` : userId,
		text: messageText(message),
		imageUrls: imageUrls(message),
		receivedAt: extra.receivedAt,
	};
	if (chatId) item.chatId = chatId;
	if (extra.streamId) item.streamId = extra.streamId;
	return item;
}
