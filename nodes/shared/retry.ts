import { sleep } from 'n8n-workflow';

/**
 * Bounded exponential backoff with full jitter (delay = random(0, min(cap, base * 2^attempt))).
 * Full jitter spreads the retries of parallel executions so they do not hit a rate-limited API in step.
 */
export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Give up when the next wait would push the time spent retrying (from the first failure) past this. */
	maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 5,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	maxTotalMs: 30_000,
};

export function backoffDelay(
	retry: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
) {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
	return Math.floor(random() * ceiling);
}

/** Decides whether another attempt may start and waits for it. Returns false when the budget is spent. */
export class RetryBudget {
	private retries = 0;

	/** The budget's clock starts at the first failure, so a first attempt that used a whole request
	 * timeout still leaves room for a retry. */
	private startedAt?: number;

	constructor(
		private readonly policy: RetryPolicy,
		private readonly wait: (ms: number) => Promise<void> = sleep,
		private readonly random: () => number = Math.random,
	) {}

	get used() {
		return this.retries;
	}

	async next(): Promise<boolean> {
		if (this.retries >= this.policy.maxRetries) return false;
		this.startedAt ??= Date.now();
		const delay = backoffDelay(this.retries, this.policy, this.random);
		if (Date.now() - this.startedAt + delay > this.policy.maxTotalMs) return false;
		this.retries++;
		await this.wait(delay);
		return true;
	}
}

/** Network failures where the request may never have reached the server, or the answer was lost. */
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
]);

/** Failures where the request provably never reached the server: safe to repeat even for writes. */
const NOT_SENT_NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);

export interface TransportFailure {
	/** HTTP status when the server answered, otherwise undefined. */
	status?: number;
	/** Node/axios error code (ECONNRESET, ETIMEDOUT, …) when the request failed below HTTP. */
	networkCode?: string;
	message: string;
}

/**
 * n8n wraps request failures in NodeApiError, which keeps the HTTP status (httpCode) but replaces a
 * network error code by a sentence (n8n-workflow node.error.js); read the code back from it.
 */
const N8N_NETWORK_MESSAGES: Array<[RegExp, string]> = [
	[/closed unexpectedly|socket hang up/i, 'ECONNRESET'],
	[/refused the connection/i, 'ECONNREFUSED'],
	[/connection timed out|timeout of \d+ms exceeded/i, 'ETIMEDOUT'],
	[/connection was aborted/i, 'ECONNABORTED'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
];

/** Classifies an error thrown by n8n's httpRequest helpers without keeping a reference to it. */
export function describeTransportFailure(error: unknown): TransportFailure {
	const e = error as {
		response?: { status?: number };
		httpCode?: string;
		code?: string;
		cause?: { code?: string; response?: { status?: number } };
		message?: string;
	};
	const status = e?.response?.status ?? e?.cause?.response?.status ?? toStatus(e?.httpCode);
	const message = typeof e?.message === 'string' ? e.message : String(error);
	const code =
		e?.code ??
		e?.cause?.code ??
		N8N_NETWORK_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
	return {
		status,
		networkCode: typeof code === 'string' && !status ? code : undefined,
		message,
	};
}

function toStatus(httpCode: string | undefined) {
	const n = Number(httpCode);
	return Number.isInteger(n) && n >= 100 && n < 600 ? n : undefined;
}

export function isTransientFailure(f: TransportFailure) {
	if (f.status !== undefined) return f.status >= 500 || f.status === 429;
	if (f.networkCode !== undefined) return TRANSIENT_NETWORK_CODES.has(f.networkCode);
	return /timeout|socket hang up|ECONNRESET/i.test(f.message);
}

/** True when the server cannot have acted on the request (so even a non-idempotent call may be repeated). */
export function wasNotDelivered(f: TransportFailure) {
	return (
		(f.networkCode !== undefined && NOT_SENT_NETWORK_CODES.has(f.networkCode)) || f.status === 429
	);
}

const NETWORK_PHRASES: Record<string, string> = {
	ECONNRESET: 'the connection was closed before an answer came',
	EPIPE: 'the connection was closed before an answer came',
	UND_ERR_SOCKET: 'the connection was closed before an answer came',
	ETIMEDOUT: 'no answer within the time limit',
	ESOCKETTIMEDOUT: 'no answer within the time limit',
	ECONNABORTED: 'no answer within the time limit',
	ECONNREFUSED: 'the connection was refused',
	EAI_AGAIN: 'the host name could not be resolved',
	ENOTFOUND: 'the host name could not be resolved',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the host is unreachable',
};

/**
 * A failure in words. n8n replaces any error message that mentions a Node error code
 * (ECONNRESET, …) with a generic sentence, so the code itself stays out of messages.
 */
export function describeFailure(failure: TransportFailure): string {
	if (failure.status !== undefined) return `HTTP ${failure.status}`;
	if (failure.networkCode) return NETWORK_PHRASES[failure.networkCode] ?? 'the connection failed';
	return failure.message;
}
