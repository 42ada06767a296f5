export interface Page<T> {
	items: T[];
	/** Cursor or page token for the next page; undefined or '' when this was the last page. */
	next?: string | number;
}

/**
 * Walks a paged API until it is exhausted or `limit` items were collected ("Return All" = no limit).
 * Stops on a repeated cursor, so a server that echoes its cursor cannot loop forever.
 */
export async function collectPages<T>(
	fetchPage: (next: string | number | undefined) => Promise<Page<T>>,
	limit?: number,
): Promise<T[]> {
	const all: T[] = [];
	const seen = new Set<string | number>();
	let next: string | number | undefined;
	do {
		const page = await fetchPage(next);
		for (const item of page.items) {
			all.push(item);
			if (limit !== undefined && all.length >= limit) return all;
		}
		next = page.next === '' ? undefined : page.next;
		if (next !== undefined) {
			if (seen.has(next)) break;
			seen.add(next);
		}
	} while (next !== undefined);
	return all;
}
