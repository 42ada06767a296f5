import { fail } from './errors.cjs';

/**
 * Strict request checking. WeCom rejects wrong types and missing fields; the sandbox also rejects
 * fields WeCom does not document (WeCom ignores those), so a typo in the pack fails a test instead
 * of silently dropping a setting.
 */
export type FieldType =
	| 'string'
	| 'int'
	| 'uint'
	| 'bool'
	| 'string[]'
	| 'int[]'
	| 'uint[]'
	| 'object'
	| 'object[]'
	| 'any';

export interface FieldSpec {
	type: FieldType;
	required?: boolean;
	/** Max length of strings (unit below) or items of arrays. */
	max?: number;
	min?: number;
	unit?: 'bytes' | 'chars';
	enum?: Array<string | number>;
	/** Nested object schema for object / object[] fields. */
	fields?: Schema;
	/** errcode to answer when this field breaks its limit (default 40058). */
	errcode?: number;
}

export type Schema = Record<string, FieldSpec>;

function typeOk(type: FieldType, value: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'int':
			return Number.isInteger(value);
		case 'uint':
			return Number.isInteger(value) && (value as number) >= 0;
		case 'bool':
			return typeof value === 'boolean';
		case 'string[]':
			return Array.isArray(value) && value.every((v) => typeof v === 'string');
		case 'int[]':
			return Array.isArray(value) && value.every((v) => Number.isInteger(v));
		case 'uint[]':
			return Array.isArray(value) && value.every((v) => Number.isInteger(v) && v >= 0);
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'object[]':
			return (
				Array.isArray(value) &&
				value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
			);
		case 'any':
			return true;
	}
}

export function size(value: string, unit: 'bytes' | 'chars' = 'bytes') {
	return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : [...value].length;
}

export function validate(body: unknown, schema: Schema, where = ''): Record<string, unknown> {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		fail(40035, `invalid request body${where}`);
	const obj = body as Record<string, unknown>;
	for (const key of Object.keys(obj)) {
		if (!(key in schema)) fail(40058, `unknown field ${where}${key} (sandbox strict mode)`);
	}
	for (const [key, spec] of Object.entries(schema)) {
		const value = obj[key];
		const name = `${where}${key}`;
		if (value === undefined || value === null) {
			if (spec.required) fail(40063, `${name} is required`);
			continue;
		}
		if (!typeOk(spec.type, value))
			fail(40035, `${name} must be ${spec.type}, got ${JSON.stringify(value)?.slice(0, 40)}`);
		if (spec.type === 'string') {
			const s = value as string;
			if (spec.required && s === '') fail(40063, `${name} is empty`);
			if (spec.max !== undefined && size(s, spec.unit) > spec.max) {
				fail(spec.errcode ?? 40058, `${name} exceeds ${spec.max} ${spec.unit ?? 'bytes'}`);
			}
			if (spec.min !== undefined && size(s, spec.unit) < spec.min)
				fail(spec.errcode ?? 40058, `${name} is too short`);
		}
		if (
			spec.type.endsWith('[]') &&
			spec.max !== undefined &&
			(value as unknown[]).length > spec.max
		) {
			fail(spec.errcode ?? 40058, `${name} has more than ${spec.max} items`);
		}
		if (
			(spec.type === 'int' || spec.type === 'uint') &&
			spec.max !== undefined &&
			(value as number) > spec.max
		) {
			fail(spec.errcode ?? 40058, `${name} exceeds ${spec.max}`);
		}
		if (
			(spec.type === 'int' || spec.type === 'uint') &&
			spec.min !== undefined &&
			(value as number) < spec.min
		) {
			fail(spec.errcode ?? 40058, `${name} is below ${spec.min}`);
		}
		if (spec.enum && !spec.enum.includes(value as string | number))
			fail(40058, `${name} must be one of ${spec.enum.join(', ')}`);
		if (spec.fields && spec.type === 'object') validate(value, spec.fields, `${name}.`);
		if (spec.fields && spec.type === 'object[]') {
			(value as unknown[]).forEach((v, i) => validate(v, spec.fields as Schema, `${name}[${i}].`));
		}
	}
	return obj;
}
