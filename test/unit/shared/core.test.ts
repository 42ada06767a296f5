import { sleep } from 'n8n-workflow';

import { chunk, mapWithConcurrency, unique } from '../../../nodes/shared/batching';
import { collectPages } from '../../../nodes/shared/pagination';
import { redact } from '../../../nodes/shared/redact';
import {
	RetryBudget,
	backoffDelay,
	describeTransportFailure,
	isTransientFailure,
	wasNotDelivered,
} from '../../../nodes/shared/retry';
import { TokenCache, refreshTime, tokenCacheKey } from '../../../nodes/shared/tokenCache';
import { splitList } from '../../../nodes/shared/validation';

describe('retry policy', () => {
	const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 10_000 };

	it('draws delays in [0, min(cap, base·2^n))', () => {
		expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
		expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
		expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
		expect(backoffDelay(2, policy, () => 0)).toBe(0);
	});

	it('stops after maxRetries and reports how many it used', async () => {
		const waits: number[] = [];
		const budget = new RetryBudget(policy, async (ms) => {
			waits.push(ms);
		});
		expect(await budget.next()).toBe(true);
		expect(await budget.next()).toBe(true);
		expect(await budget.next()).toBe(true);
		expect(await budget.next()).toBe(false);
		expect(budget.used).toBe(3);
		expect(waits).toHaveLength(3);
	});

	it('stops when the next wait would exceed the time budget', async () => {
		const waits: number[] = [];
		const record = async (ms: number) => {
			waits.push(ms);
		};
		const budget = new RetryBudget(
			{ ...policy, baseDelayMs: 1000, maxDelayMs: 1000, maxTotalMs: 1200 },
			record,
			() => 0.9,
		);
		expect(await budget.next()).toBe(true); // waits 900 ms (not really: the wait is recorded)
		expect(await budget.next()).toBe(true); // elapsed ~0 + 900 <= 1200
		const tight = new RetryBudget(
			{ ...policy, baseDelayMs: 1000, maxDelayMs: 1000, maxTotalMs: 500 },
			record,
			() => 0.9,
		);
		expect(await tight.next()).toBe(false);
		expect(tight.used).toBe(0);
		expect(waits).toEqual([900, 900]);
	});

	it('classifies transport failures', () => {
		expect(isTransientFailure(describeTransportFailure({ response: { status: 502 } }))).toBe(true);
		expect(isTransientFailure(describeTransportFailure({ response: { status: 404 } }))).toBe(false);
		expect(
			isTransientFailure(
				describeTransportFailure({ code: 'ECONNRESET', message: 'socket hang up' }),
			),
		).toBe(true);
		expect(
			isTransientFailure(describeTransportFailure({ code: 'ERR_CANCELED', message: 'canceled' })),
		).toBe(false);
		expect(
			isTransientFailure(describeTransportFailure({ cause: { code: 'ETIMEDOUT' }, message: 'x' })),
		).toBe(true);
		expect(wasNotDelivered(describeTransportFailure({ code: 'ECONNREFUSED', message: 'x' }))).toBe(
			true,
		);
		expect(wasNotDelivered(describeTransportFailure({ code: 'ECONNRESET', message: 'x' }))).toBe(
			false,
		);
		expect(wasNotDelivered(describeTransportFailure({ response: { status: 500 } }))).toBe(false);
	});
});

describe('token cache', () => {
	it('shares one in-flight fetch among concurrent callers', async () => {
		const cache = new TokenCache();
		let fetches = 0;
		const fetch = async () => {
			fetches++;
			await sleep(1);
			return { value: `T${fetches}`, refreshAt: Date.now() + 60_000 };
		};
		const tokens = await Promise.all(
			Array.from({ length: 20 }, async () => await cache.get('k', fetch)),
		);
		expect(fetches).toBe(1);
		expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(['T1']));
	});

	it('refetches after the refresh time, when bypassed, and after a failure', async () => {
		let now = 1000;
		const cache = new TokenCache(() => now);
		let n = 0;
		const fetch = async () => ({ value: `T${++n}`, refreshAt: now + 100 });
		expect((await cache.get('k', fetch)).value).toBe('T1');
		expect((await cache.get('k', fetch)).value).toBe('T1');
		now += 100;
		expect((await cache.get('k', fetch)).value).toBe('T2');
		expect((await cache.get('k', fetch, true)).value).toBe('T3');
		await expect(cache.get('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
			'boom',
		);
		expect((await cache.get('x', fetch)).value).toBe('T4');
	});

	it('invalidates only the token that was rejected', async () => {
		const cache = new TokenCache();
		await cache.get('k', async () => ({ value: 'NEW', refreshAt: Date.now() + 60_000 }));
		cache.invalidate('k', 'OLD');
		expect((await cache.get('k', async () => ({ value: 'OTHER', refreshAt: 0 }))).value).toBe(
			'NEW',
		);
		cache.invalidate('k', 'NEW');
		expect(
			(await cache.get('k', async () => ({ value: 'OTHER', refreshAt: Date.now() + 1 }))).value,
		).toBe('OTHER');
	});

	it('refreshes 5 minutes early, or a tenth early for short lifetimes', () => {
		expect(refreshTime(0, 7200)).toBe(7200_000 - 300_000);
		expect(refreshTime(0, 60)).toBe(54_000);
	});

	it('keys by every part and never contains the secret', () => {
		const key = tokenCacheKey('wecom', 'https://qyapi.weixin.qq.com', 'ww1', 'my-secret');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toContain('my-secret');
		expect(key).not.toBe(tokenCacheKey('wecom', 'https://qyapi.weixin.qq.com', 'ww1', 'other'));
	});
});

describe('batching and pagination', () => {
	it('chunks in order and refuses bad sizes', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 3)).toEqual([]);
		expect(() => chunk([1], 0)).toThrow(RangeError);
		expect(
			chunk(
				Array.from({ length: 2500 }, (_, i) => i),
				1000,
			).map((b) => b.length),
		).toEqual([1000, 1000, 500]);
	});

	it('runs at most `limit` tasks at once and keeps result order', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapWithConcurrency([5, 1, 3, 2, 4], 2, async (n) => {
			running++;
			peak = Math.max(peak, running);
			await sleep(n);
			running--;
			return n * 10;
		});
		expect(results).toEqual([50, 10, 30, 20, 40]);
		expect(peak).toBe(2);
	});

	it('stops starting work after the first failure and rethrows it', async () => {
		const started: number[] = [];
		await expect(
			mapWithConcurrency([1, 2, 3, 4], 1, async (n) => {
				started.push(n);
				if (n === 2) throw new Error('two');
				return n;
			}),
		).rejects.toThrow('two');
		expect(started).toEqual([1, 2]);
	});

	it('de-duplicates keeping first positions', () => {
		expect(unique(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
	});

	it('follows cursors, honours the limit and breaks a cursor loop', async () => {
		const pages: Record<string, { items: number[]; next?: string }> = {
			start: { items: [1, 2], next: 'c1' },
			c1: { items: [3, 4], next: 'c2' },
			c2: { items: [5], next: '' },
		};
		expect(await collectPages(async (c) => pages[String(c ?? 'start')])).toEqual([1, 2, 3, 4, 5]);
		expect(await collectPages(async (c) => pages[String(c ?? 'start')], 3)).toEqual([1, 2, 3]);
		let calls = 0;
		const looping = await collectPages(async () => {
			calls++;
			return { items: [calls], next: 'same' };
		});
		expect(looping).toEqual([1, 2]);
	});
});

describe('redaction and lists', () => {
	it('removes secrets by parameter name and by value', () => {
		expect(redact('GET /cgi-bin/user/get?access_token=abc123&userid=x')).toBe(
			'GET /cgi-bin/user/get?access_token=***&userid=x',
		);
		expect(redact('{"corpsecret":"s3cr3t-value","a":1}')).toBe('{"corpsecret":"***","a":1}');
		expect(redact('webhook/send?key=693a91f6-7xxx')).toBe('webhook/send?key=***');
		expect(redact('monkey=banana')).toBe('monkey=banana');
		expect(redact('the secret is hunter22 here', ['hunter22'])).toBe('the secret is *** here');
	});

	it('splits lists given as text or arrays', () => {
		expect(splitList('a, b|c;d\ne，f、g')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		expect(splitList(['a', 'b', 'a', ' ', null])).toEqual(['a', 'b']);
		expect(splitList([{ value: 'u1' }, { userid: 'u2' }, 'u3|u4'])).toEqual([
			'u1',
			'u2',
			'u3',
			'u4',
		]);
		expect(splitList(undefined)).toEqual([]);
		expect(splitList(42)).toEqual(['42']);
	});
});
