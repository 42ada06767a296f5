/**
 * Fault injection, controlled per test: each rule matches calls by platform and path and fires a
 * number of times. Token faults (revoke, expire) act on the token store directly instead.
 */
export type FaultKind =
	| 'errcode' // answer with this platform error code instead of handling the call
	| 'http-status' // answer with an HTTP error status (e.g. 500, 502)
	| 'delay' // handle the call, but answer after delayMs
	| 'drop' // handle nothing and destroy the connection (ECONNRESET at the client)
	| 'drop-after' // handle the call, then destroy the connection before answering (lost answer)
	| 'hang' // never answer (client timeout)
	| 'revoke-tokens' // invalidate every token of the platform, then handle the call (it now fails 40014 / 47103)
	| 'expire-tokens'; // same, reporting the tokens as expired (42001)

export interface FaultRule {
	id: number;
	platform?: 'wecom' | 'welink' | 'robot';
	/** Exact path, or a prefix ending with `*`. */
	path?: string;
	kind: FaultKind;
	/** How many matching calls it hits (default 1). */
	times: number;
	/** Calls to let through before it starts firing. */
	after: number;
	errcode?: number | string;
	status?: number;
	delayMs?: number;
	hits: number;
}

export type FaultSpec = Omit<FaultRule, 'id' | 'hits' | 'times' | 'after'> & {
	times?: number;
	after?: number;
};

export class Faults {
	private rules: FaultRule[] = [];

	private nextId = 1;

	add(spec: FaultSpec): FaultRule {
		const rule: FaultRule = { times: 1, after: 0, ...spec, id: this.nextId++, hits: 0 };
		this.rules.push(rule);
		return rule;
	}

	/** The rule that fires for this call, consuming one of its hits. */
	take(platform: string, path: string): FaultRule | undefined {
		for (const rule of this.rules) {
			if (rule.platform && rule.platform !== platform) continue;
			if (
				rule.path &&
				!(
					rule.path === path ||
					(rule.path.endsWith('*') && path.startsWith(rule.path.slice(0, -1)))
				)
			)
				continue;
			if (rule.after > 0) {
				rule.after--;
				continue;
			}
			if (rule.hits >= rule.times) continue;
			rule.hits++;
			return rule;
		}
		return undefined;
	}

	list() {
		return this.rules.map((r) => ({ ...r }));
	}

	clear() {
		this.rules = [];
	}
}
