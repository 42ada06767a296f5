import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CallbackCryptoError } from '../../shared/crypto/errors';
import {
	openWeComCallback,
	parseEncodingAesKey,
	weComEncryptedReply,
} from '../../shared/crypto/wecom';
import { cdata, parseXml, XmlError, type XmlRecord } from '../../shared/xml';

/**
 * Reads one WeCom callback request: URL verification (GET) or an event (POST). Pure — no n8n
 * context — so every refusal path is unit-tested. Order of checks: signature over the ciphertext
 * (constant time), timestamp window, decryption, receive ID, inner XML.
 */

export interface CallbackConfig {
	token: string;
	key: Buffer;
	receiveId: string;
}

export function callbackConfig(credentials: ICredentialDataDecryptedObject): CallbackConfig {
	const token = String(credentials.token ?? '');
	if (!/^[A-Za-z0-9]{1,32}$/.test(token)) {
		throw new CallbackCryptoError(
			'bad-key',
			'Token must be 1 to 32 letters and digits (as set in the WeCom admin console)',
		);
	}
	const receiveId = String(credentials.receiveId ?? '').trim();
	if (!receiveId) throw new CallbackCryptoError('bad-key', 'Receive ID (Corp ID) is empty');
	return {
		token,
		key: parseEncodingAesKey(String(credentials.encodingAesSecret ?? '')),
		receiveId,
	};
}

export interface CallbackRequest {
	method: string;
	query: Record<string, unknown>;
	rawBody?: Buffer;
}

export type CallbackOutcome =
	| { kind: 'verify'; echo: string }
	| { kind: 'event'; message: XmlRecord; xml: string; timestamp: string; nonce: string }
	| { kind: 'reject'; status: number; reason: string };

/** Largest request body accepted (WeCom events are a few KB). */
export const MAX_CALLBACK_BODY = 256 * 1024;

const text = (value: unknown) =>
	typeof value === 'string' ? value : Array.isArray(value) ? String(value[0] ?? '') : '';

export function readWeComCallback(
	request: CallbackRequest,
	config: CallbackConfig,
	options: { toleranceSeconds: number; nowSeconds?: number },
): CallbackOutcome {
	const signature = text(request.query.msg_signature);
	const timestamp = text(request.query.timestamp);
	const nonce = text(request.query.nonce);
	try {
		let encrypted: string;
		if (request.method === 'GET') {
			encrypted = text(request.query.echostr);
			if (!encrypted) return { kind: 'reject', status: 400, reason: 'echostr missing' };
		} else {
			const body = request.rawBody ?? Buffer.alloc(0);
			if (body.length === 0 || body.length > MAX_CALLBACK_BODY)
				return { kind: 'reject', status: 400, reason: 'body missing or too large' };
			const envelope = parseXml(body.toString('utf8'), MAX_CALLBACK_BODY);
			encrypted =
				typeof envelope.value === 'object' && !Array.isArray(envelope.value)
					? text(envelope.value.Encrypt)
					: '';
			if (!encrypted) return { kind: 'reject', status: 400, reason: 'Encrypt element missing' };
		}
		const message = openWeComCallback(config, { encrypted, signature, timestamp, nonce }, options);
		if (request.method === 'GET') return { kind: 'verify', echo: message };
		const inner = parseXml(message);
		if (typeof inner.value !== 'object' || Array.isArray(inner.value))
			return { kind: 'reject', status: 400, reason: 'empty message' };
		return { kind: 'event', message: inner.value, xml: message, timestamp, nonce };
	} catch (error) {
		if (error instanceof CallbackCryptoError)
			return { kind: 'reject', status: error.httpStatus, reason: error.message };
		if (error instanceof XmlError)
			return { kind: 'reject', status: 400, reason: `malformed XML: ${error.message}` };
		return { kind: 'reject', status: 400, reason: 'malformed request' };
	}
}

/** Events and messages as the filter sees them: msg:<type>, event:<Event>, contact:<ChangeType>, … */
export function eventKey(message: XmlRecord): string {
	const msgType = text(message.MsgType);
	if (msgType !== 'event') return `msg:${msgType}`;
	const event = text(message.Event);
	if (event === 'change_contact') return `contact:${text(message.ChangeType)}`;
	if (event === 'change_external_contact') return `external:${text(message.ChangeType)}`;
	return `event:${event}`;
}

/**
 * WeCom retries a callback it got no answer to: the same message carries the same identity.
 * Messages have a MsgId. Events are identified by who, when and what; external-contact events come
 * from `sys`, so the member, the customer and the add-way state and welcome code say which one.
 */
export function dedupKey(message: XmlRecord): string {
	const msgId = text(message.MsgId);
	if (msgId) return `msg:${msgId}`;
	const fields = (...names: string[]) => names.map((name) => text(message[name])).join('|');
	if (text(message.Event) === 'change_external_contact')
		return `external:${fields('ChangeType', 'UserID', 'ExternalUserID', 'State', 'WelcomeCode', 'CreateTime')}`;
	// Approval events also come from "sys", several in one second: the approval number and its new
	// status identify them (ThirdNo and OpenSpStatus for self-built approvals).
	const approval = message.ApprovalInfo as XmlRecord | undefined;
	if (approval && typeof approval === 'object' && !Array.isArray(approval)) {
		const part = (name: string) => text(approval[name]);
		return `approval:${fields('Event', 'CreateTime')}|${part('SpNo') || part('ThirdNo')}|${part('SpStatus') || part('OpenSpStatus')}`;
	}
	return fields(
		'FromUserName',
		'CreateTime',
		'Event',
		'ChangeType',
		'EventKey',
		'ExternalUserID',
		'UserID',
		'TaskId',
		'ResponseCode',
	);
}

export type PassiveReply =
	| { type: 'text'; content: string }
	| { type: 'updateButton'; replaceName: string };

/** Encrypted passive reply XML, addressed back to the sender. */
export function passiveReply(
	config: CallbackConfig,
	message: XmlRecord,
	reply: PassiveReply,
	timestamp: string,
	nonce: string,
) {
	const head =
		`<ToUserName>${cdata(text(message.FromUserName))}</ToUserName>` +
		`<FromUserName>${cdata(text(message.ToUserName) || config.receiveId)}</FromUserName>` +
		`<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime>`;
	const inner =
		reply.type === 'text'
			? `<xml>${head}<MsgType>${cdata('text')}</MsgType><Content>${cdata(reply.content)}</Content></xml>`
			: `<xml>${head}<MsgType>${cdata('update_button')}</MsgType><Button><ReplaceName>${cdata(reply.replaceName)}</ReplaceName></Button></xml>`;
	return weComEncryptedReply(config.key, config.token, config.receiveId, inner, timestamp, nonce);
}
