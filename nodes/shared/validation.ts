import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

/**
 * Input checks run before any API call. Every message names the field, the item and the limit,
 * and the description says how to fix it.
 */
export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: fix,
	});
}

/** Update Fields that change nothing: refused before any call. */
export function requireChanges(ctx: IExecuteFunctions, itemIndex: number, changes: object) {
	if (Object.keys(changes).length === 0)
		throw inputError(
			ctx,
			itemIndex,
			'Update Fields',
			'nothing to update',
			'Add at least one field to change.',
		);
}

/** A text parameter as a trimmed string; expressions that resolve to nothing give ''. */
export function stringParam(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

export function utf8Bytes(text: string) {
	return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` that fits `maxBytes` of UTF-8, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
	if (utf8Bytes(text) <= maxBytes) return text;
	let bytes = 0;
	let end = 0;
	for (const char of text) {
		const size = Buffer.byteLength(char, 'utf8');
		if (bytes + size > maxBytes) break;
		bytes += size;
		end += char.length;
	}
	return text.slice(0, end);
}

/** Counts user-perceived characters the way WeCom does (code points, so an emoji is one). */
export function charCount(text: string) {
	return [...text].length;
}

export interface TextRule {
	field: string;
	max: number;
	unit: 'bytes' | 'characters';
	required?: boolean;
	min?: number;
	/** Extra advice after "Shorten it", e.g. where the longer text can go instead. */
	fix?: string;
}

export function checkText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: string | undefined,
	rule: TextRule,
) {
	const text = value ?? '';
	if (text.trim() === '') {
		if (rule.required)
			throw inputError(
				ctx,
				itemIndex,
				rule.field,
				'is required',
				`Enter a value for ${rule.field}.`,
			);
		return;
	}
	const size = rule.unit === 'bytes' ? utf8Bytes(text) : charCount(text);
	const unitOf = (n: number) => (n === 1 ? rule.unit.slice(0, -1) : rule.unit);
	if (size > rule.max) {
		const hint = rule.unit === 'bytes' ? ' (a Chinese character takes 3 bytes)' : '';
		throw inputError(
			ctx,
			itemIndex,
			rule.field,
			`is ${size} ${unitOf(size)}, over the limit of ${rule.max} ${unitOf(rule.max)}${hint}`,
			`Shorten it to at most ${rule.max} ${unitOf(rule.max)}.${rule.fix ? ` ${rule.fix}` : ''}`,
		);
	}
	if (rule.min !== undefined && size < rule.min) {
		throw inputError(
			ctx,
			itemIndex,
			rule.field,
			`is ${size} ${unitOf(size)}, under the minimum of ${rule.min} ${unitOf(rule.min)}`,
			`Use at least ${rule.min} ${rule.unit}.`,
		);
	}
}

/** Accepts an object, or JSON text of an object, from a JSON parameter or an expression. */
export function parseJsonObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (typeof value === 'string') {
		let parsed: unknown;
		try {
			parsed = jsonParse(value);
		} catch {
			throw inputError(
				ctx,
				itemIndex,
				field,
				'is not valid JSON',
				'Check quotes, commas and brackets, or build it with an expression.',
			);
		}
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
			return parsed as IDataObject;
	}
	throw inputError(ctx, itemIndex, field, 'must be a JSON object', 'Wrap the fields in { … }.');
}

/**
 * Reads a list that users give in many shapes: an array (from an expression), or text separated by
 * commas, pipes, semicolons or new lines. Returns trimmed, non-empty, de-duplicated strings.
 */
export function splitList(value: unknown): string[] {
	const parts: unknown[] = Array.isArray(value) ? value.flat(2) : [value];
	const out: string[] = [];
	for (const part of parts) {
		if (part === undefined || part === null) continue;
		if (typeof part === 'object') {
			const id =
				(part as IDataObject).value ?? (part as IDataObject).id ?? (part as IDataObject).userid;
			if (id !== undefined) out.push(String(id).trim());
			continue;
		}
		for (const piece of String(part).split(/[,|;\n\r，；、]+/)) {
			const trimmed = piece.trim();
			if (trimmed) out.push(trimmed);
		}
	}
	return [...new Set(out)];
}
