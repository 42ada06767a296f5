import { welinkFail } from './world.cjs';

/**
 * Strict request checking for the WeLink emulator: wrong types, missing required fields, documented
 * limits, and fields WeLink does not document (WeLink would ignore those; the sandbox rejects them so
 * a typo in the pack fails a test). Each API family answers with its own codes.
 */
export type WeLinkFieldType = 'string' | 'int' | 'bool' | 'string[]' | 'object' | 'object[]';

export interface WeLinkField {
	type: WeLinkFieldType;
	required?: boolean;
	/** Strings: max size in `unit`; arrays: max items; ints: max value. */
	max?: number;
	min?: number;
	unit?: 'bytes' | 'chars';
	enum?: Array<string | number>;
	fields?: WeLinkSchema;
	/** Code for breaking `max` (default: the family's invalid code). */
	maxCode?: string;
	/** A string that may hold {"CN","EN"} JSON (bilingual text). */
	bilingual?: boolean;
}

export type WeLinkSchema = Record<string, WeLinkField>;

export interface Codes {
	/** Wrong type, unknown field, broken limit. */
	invalid: string;
	/** A required field is missing. */
	missing: string;
}

/** 51062 invalid parameter (start-141), 51021 missing parameters (start-145). */
export const MESSAGE_CODES: Codes = { invalid: '51062', missing: '51021' };
/** 55005 parameter validation failed, 55000 missing parameters (start-21). */
export const TODO_CODES: Codes = { invalid: '55005', missing: '55000' };
/** 47004 a parameter is not right, 47003 a parameter is empty (department_query.html). */
export const CONTACT_CODES: Codes = { invalid: '47004', missing: '47003' };
/** No attendance code is published: "400" with the reason (attendance.cts lists it as a guess). */
export const ATTENDANCE_CODES: Codes = { invalid: '400', missing: '400' };

export function size(value: string, unit: 'bytes' | 'chars' = 'bytes') {
	return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : [...value].length;
}

function typeOk(type: WeLinkFieldType, value: unknown) {
	switch (type) {
		case 'string':
			return typeof value === 'string';
		case 'int':
			return Number.isInteger(value);
		case 'bool':
			return typeof value === 'boolean';
		case 'string[]':
			return Array.isArray(value) && value.every((v) => typeof v === 'string');
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'object[]':
			return (
				Array.isArray(value) &&
				value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
			);
	}
}

/** A bilingual value, if the string is one: {"CN":"…","EN":"…"} with only those keys. */
export function bilingualParts(value: string): { CN?: string; EN?: string } | undefined {
	const text = value.trim();
	if (!text.startsWith('{')) return undefined;
	try {
		const parsed = JSON.parse(text) as Record<string, unknown>;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
		return parsed as { CN?: string; EN?: string };
	} catch {
		return undefined;
	}
}

export function validate(
	body: unknown,
	schema: WeLinkSchema,
	codes: Codes,
	where = '',
): Record<string, unknown> {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		welinkFail(codes.invalid, `invalid request body${where ? ` at ${where}` : ''}`);
	const obj = body as Record<string, unknown>;
	for (const key of Object.keys(obj))
		if (!(key in schema))
			welinkFail(codes.invalid, `unknown field ${where}${key} (sandbox strict mode)`);
	for (const [key, spec] of Object.entries(schema)) {
		const value = obj[key];
		const name = `${where}${key}`;
		if (value === undefined || value === null) {
			if (spec.required) welinkFail(codes.missing, `${name} is required`);
			continue;
		}
		if (!typeOk(spec.type, value))
			welinkFail(
				codes.invalid,
				`${name} must be ${spec.type}, got ${JSON.stringify(value)?.slice(0, 40)}`,
			);
		if (spec.type === 'string') {
			const s = value as string;
			if (spec.required && s.trim() === '') welinkFail(codes.missing, `${name} is empty`);
			if (spec.bilingual && s.trim().startsWith('{')) {
				const parts = bilingualParts(s);
				const keys = parts ? Object.keys(parts) : [];
				if (!parts || keys.some((k) => k !== 'CN' && k !== 'EN') || keys.length === 0)
					welinkFail(codes.invalid, `${name} is not plain text or {"CN","EN"} JSON`);
			}
			if (spec.max !== undefined && size(s, spec.unit) > spec.max)
				welinkFail(
					spec.maxCode ?? codes.invalid,
					`${name} exceeds ${spec.max} ${spec.unit ?? 'bytes'}`,
				);
			if (spec.min !== undefined && size(s, spec.unit) < spec.min)
				welinkFail(codes.invalid, `${name} is shorter than ${spec.min} ${spec.unit ?? 'bytes'}`);
		}
		if (spec.type.endsWith('[]')) {
			const list = value as unknown[];
			if (spec.max !== undefined && list.length > spec.max)
				welinkFail(spec.maxCode ?? codes.invalid, `${name} has more than ${spec.max} items`);
			if (spec.min !== undefined && list.length < spec.min)
				welinkFail(codes.invalid, `${name} needs at least ${spec.min} items`);
		}
		if (spec.type === 'int') {
			const n = value as number;
			if (spec.max !== undefined && n > spec.max)
				welinkFail(codes.invalid, `${name} exceeds ${spec.max}`);
			if (spec.min !== undefined && n < spec.min)
				welinkFail(codes.invalid, `${name} is below ${spec.min}`);
		}
		if (spec.enum && !spec.enum.includes(value as string | number))
			welinkFail(codes.invalid, `${name} must be one of ${spec.enum.join(', ')}`);
		if (spec.fields && spec.type === 'object') validate(value, spec.fields, codes, `${name}.`);
		if (spec.fields && spec.type === 'object[]')
			(value as unknown[]).forEach((v, i) =>
				validate(v, spec.fields as WeLinkSchema, codes, `${name}[${i}].`),
			);
	}
	return obj;
}

/** Query parameters: only these names, the required ones present. */
export function checkQuery(
	query: Record<string, string>,
	allowed: string[],
	required: string[],
	codes: Codes,
) {
	for (const key of Object.keys(query))
		if (!allowed.includes(key))
			welinkFail(codes.invalid, `unknown query parameter ${key} (sandbox strict mode)`);
	for (const key of required)
		if (query[key] === undefined || query[key] === '')
			welinkFail(codes.missing, `${key} is required`);
}

/** A query value that must be an integer in [min, max]. */
export function queryInt(
	query: Record<string, string>,
	key: string,
	fallback: number,
	min: number,
	max: number,
	codes: Codes,
) {
	const raw = query[key];
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!/^-?\d+$/.test(raw) || n < min || n > max)
		welinkFail(codes.invalid, `${key} must be an integer ${min}-${max}`);
	return n;
}
