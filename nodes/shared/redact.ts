/** Query and body keys whose values are secrets on WeCom and WeLink. */
const SECRET_KEYS = [
	'access_token',
	'corpsecret',
	'secret',
	'client_secret',
	'key',
	'accessToken',
	'x-wlk-Authorization',
];

const SECRET_PARAM = new RegExp(
	`((?<![\\w-])(?:${SECRET_KEYS.join('|')})["']?\\s*[=:]\\s*["']?)([^&"'\\s,}]+)`,
	'gi',
);

/**
 * Removes secrets from text that may reach a log, an error or an output: named parameters
 * (`access_token=…`, `"secret": "…"`) and any of the given literal values.
 */
export function redact(text: string, literals: Array<string | undefined> = []): string {
	let out = text.replace(SECRET_PARAM, '$1***');
	for (const literal of literals) {
		if (literal && literal.length >= 4) out = out.split(literal).join('***');
	}
	return out;
}
