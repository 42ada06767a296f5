import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialType } from './registry.cjs';

/**
 * Secret-leak scan for every tier: whatever a run shows a user (node outputs, error messages,
 * descriptions and context, webhook answers, logs) must not contain a credential's secret values
 * (WeCom secret, robot key, callback Token / EncodingAESKey, WeLink client secret, access tokens).
 */

/** Distinctive fixture secrets: if one of them shows up in a scan, the leak is unmistakable. */
export const FIXTURE_SECRETS = {
	weComSecret: 'fixture-wecom-secret-LEAKCHECK-7f3a9c',
	weComAccessToken: 'fixture-wecom-token-LEAKCHECK-2b8e41',
	robotKey: 'fixture-robot-key-LEAKCHECK-5d0c77',
	callbackToken: 'fixtureCallbackTokenLEAKCHECK',
	/** 43 characters of [a-zA-Z0-9], as WeCom's EncodingAESKey. */
	callbackAesKey: 'FixtureEncodingAesKeyLEAKCHECK0123456789abc',
	weLinkSecret: 'fixture-welink-secret-LEAKCHECK-91e6d2',
	weLinkAccessToken: 'fixture-welink-token-LEAKCHECK-c4a0f8',
} as const;

/** Token shapes the sandbox issues (sandbox/wecom/apps.cts, sandbox/welink/world.cts). */
export const SANDBOX_TOKEN_PATTERNS = [/WECOM_TOKEN_\d+_[0-9a-f]{24}/, /welink-\d+-[0-9a-f]{24}/];

/** Secret fields of n8n's own credential types the fixtures use (the chat model's OpenAI credential). */
const N8N_SECRET_FIELDS: Record<string, string[]> = { openAiApi: ['apiKey', 'headerValue'] };

/** Values too short or too common to be told apart from ordinary text are not scanned for. */
function scannable(value: unknown): value is string {
	return typeof value === 'string' && value.length >= 8 && !/^\d+$/.test(value);
}

/**
 * The secret values of one credential: every field the credential type marks as a password, and
 * the `key` of a robot webhook address (the address itself is a secret field too).
 */
export function credentialSecrets(type: string, data: ICredentialDataDecryptedObject): string[] {
	let passwordFields: string[];
	try {
		passwordFields = credentialType(type)
			.properties.filter((p) => p.typeOptions?.password === true)
			.map((p) => p.name);
	} catch {
		// A credential type of n8n itself (not of this pack): its known secret fields, else every field.
		passwordFields = N8N_SECRET_FIELDS[type] ?? Object.keys(data);
	}
	const out = new Set<string>();
	for (const name of passwordFields) {
		const value = data[name];
		if (!scannable(value)) continue;
		out.add(value);
		const key = /[?&]key=([^&#\s]+)/.exec(value)?.[1];
		if (scannable(key)) out.add(decodeURIComponent(key));
	}
	return [...out];
}

/** JSON of anything, cycles and functions skipped, Buffers and errors readable. */
export function scanText(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function (_key, v: unknown) {
		if (typeof v === 'function') return undefined;
		if (typeof v === 'bigint') return String(v);
		if (v && typeof v === 'object') {
			if (seen.has(v)) return undefined;
			seen.add(v);
			if (Buffer.isBuffer(v)) return v.toString('utf8');
			if (
				(v as { type?: string }).type === 'Buffer' &&
				Array.isArray((v as { data?: unknown }).data)
			)
				return Buffer.from((v as { data: number[] }).data).toString('utf8');
			if (v instanceof Error) {
				const own: Record<string, unknown> = {};
				for (const name of Object.getOwnPropertyNames(v))
					own[name] = (v as unknown as Record<string, unknown>)[name];
				return own;
			}
		}
		return v;
	});
}

/** The secrets (and sandbox token shapes) found in the text, each named by its first characters. */
export function findLeaks(text: string, secrets: Iterable<string>): string[] {
	const leaks = new Set<string>();
	for (const secret of secrets) {
		if (!scannable(secret)) continue;
		if (text.includes(secret) || text.includes(encodeURIComponent(secret)))
			leaks.add(`${secret.slice(0, 6)}…`);
	}
	for (const pattern of SANDBOX_TOKEN_PATTERNS) {
		const match = pattern.exec(text);
		if (match) leaks.add(`${match[0].slice(0, 14)}…`);
	}
	return [...leaks];
}

/** Throws when the text holds a secret, saying where it was seen (never the full value). */
export function assertNoLeaks(where: string, value: unknown, secrets: Iterable<string>) {
	const text = typeof value === 'string' ? value : scanText(value);
	const leaks = findLeaks(text ?? '', secrets);
	if (leaks.length)
		throw new Error(
			`Credential secret leaked in ${where}: ${leaks.join(', ')} (see harness/secrets.cts)`,
		);
}
