import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { checkText, inputError, utf8Bytes } from '../../../shared/validation';

/**
 * WeLink text fields (titles, contents, card rows, buttons) take plain text or both languages as a
 * JSON string {"CN":"中文","EN":"English"} (reference §3.1). Users give either, or an object
 * {CN, EN} from an expression.
 */
export interface BilingualRule {
	field: string;
	maxBytes?: number;
	required?: boolean;
}

function asBilingual(value: unknown): IDataObject | undefined {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
	try {
		const parsed = jsonParse<unknown>(text);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Returns the value to send (plain text or the bilingual JSON string), or undefined when empty. */
export function readBilingual(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	rule: BilingualRule,
): string | undefined {
	const pair = asBilingual(value);
	if (!pair) {
		const text = value === undefined || value === null ? '' : String(value);
		checkText(ctx, itemIndex, text, {
			field: rule.field,
			max: rule.maxBytes ?? Number.MAX_SAFE_INTEGER,
			unit: 'bytes',
			required: rule.required,
		});
		return text.trim() === '' ? undefined : text;
	}
	const keys = Object.keys(pair);
	const extra = keys.find((k) => k !== 'CN' && k !== 'EN');
	if (extra !== undefined)
		throw inputError(
			ctx,
			itemIndex,
			rule.field,
			`has the key "${extra}"; bilingual text takes only "CN" and "EN"`,
			'Write {"CN":"中文","EN":"English"}, or give plain text.',
		);
	const cn = typeof pair.CN === 'string' ? pair.CN : '';
	const en = typeof pair.EN === 'string' ? pair.EN : '';
	// UNCONFIRMED: whether WeLink needs both languages; the pack requires both when either is given.
	for (const [lang, text] of [
		['CN', cn],
		['EN', en],
	]) {
		if (!text.trim())
			throw inputError(
				ctx,
				itemIndex,
				`${rule.field} (${lang})`,
				'is empty in the bilingual text',
				'Give both "CN" and "EN" as text, or give plain text instead.',
			);
	}
	const sent = JSON.stringify({ CN: cn, EN: en });
	// UNCONFIRMED: whether the byte limit counts the JSON string or each language; the pack checks the JSON string as sent.
	if (rule.maxBytes !== undefined && utf8Bytes(sent) > rule.maxBytes) {
		throw inputError(
			ctx,
			itemIndex,
			rule.field,
			`is ${utf8Bytes(sent)} bytes as sent (both languages in JSON), over the limit of ${rule.maxBytes} bytes`,
			`Shorten the two texts so that {"CN":…,"EN":…} is at most ${rule.maxBytes} bytes (a Chinese character takes 3 bytes).`,
		);
	}
	return sent;
}

/**
 * Card status text (messageStatus): a JSON string {"CN":"已处理","EN":"processed"}; Chinese 2–5
 * characters, English 2–10 (reference §3.2). Both or neither.
 */
export function readMessageStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	cnValue: unknown,
	enValue: unknown,
	required = false,
): string | undefined {
	const cn = String(cnValue ?? '').trim();
	const en = String(enValue ?? '').trim();
	if (!cn && !en && !required) return undefined;
	// Both languages: start-141/142 give each a minimum length (CN 2–5 characters, EN 2–10).
	if (!cn)
		throw inputError(
			ctx,
			itemIndex,
			'Status (Chinese)',
			'is required with a status',
			'Give the status in Chinese (2–5 characters), e.g. 已处理.',
		);
	if (!en)
		throw inputError(
			ctx,
			itemIndex,
			'Status (English)',
			'is required with a status',
			'Give the status in English (2–10 characters), e.g. Done.',
		);
	checkText(ctx, itemIndex, cn, { field: 'Status (Chinese)', unit: 'characters', min: 2, max: 5 });
	checkText(ctx, itemIndex, en, { field: 'Status (English)', unit: 'characters', min: 2, max: 10 });
	return JSON.stringify({ CN: cn, EN: en });
}

/** http(s) URL check for the fields WeLink documents as http/https only. */
export function checkHttpUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: string,
) {
	if (!/^https?:\/\/\S+$/i.test(value))
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${value.slice(0, 80)}" is not an http(s) URL`,
			'Give a full address starting with https:// or http://.',
		);
}

/** WeLink links may be http(s) or WeLink's own schemes (h5://… for We码 apps); only check the shape. */
export function checkLink(ctx: IExecuteFunctions, itemIndex: number, field: string, value: string) {
	if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value))
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${value.slice(0, 80)}" is not a link`,
			'Give a full address such as https://example.com/page or h5://<app id>/html/index.html.',
		);
}
