import type { IncomingMessage, ServerResponse } from 'node:http';

/** A parsed request as route handlers see it. */
export interface SandboxRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	rawBody: Buffer;
	/** Parsed JSON body; undefined when the body is empty; `INVALID_JSON` when it does not parse. */
	json: unknown;
	remoteAddress: string;
}

export const INVALID_JSON = Symbol('invalid-json');

export interface SandboxResponse {
	status?: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON, strings and buffers as they are. */
	body?: unknown;
	/** Sent piece by piece as produced, after the headers (server-sent events); replaces body. */
	stream?: AsyncIterable<string>;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
	method: string;
	path: string;
	handler: Handler;
}

/** Exact-path routing (the emulated APIs have no path parameters except WeLink's rare ones). */
export class Router {
	private readonly routes = new Map<string, Route>();

	private readonly prefixes: Array<{ method: string; prefix: string; handler: Handler }> = [];

	on(method: string, path: string, handler: Handler) {
		this.routes.set(`${method} ${path}`, { method, path, handler });
		return this;
	}

	onPrefix(method: string, prefix: string, handler: Handler) {
		this.prefixes.push({ method, prefix, handler });
		return this;
	}

	find(method: string, path: string): Handler | undefined {
		const exact = this.routes.get(`${method} ${path}`);
		if (exact) return exact.handler;
		return this.prefixes.find(
			(p) => (p.method === method || p.method === '*') && path.startsWith(p.prefix),
		)?.handler;
	}

	/** Whether the path exists with another method (WeCom answers those with 40063 / HTTP 405 style errors). */
	hasPath(path: string) {
		for (const route of this.routes.values()) if (route.path === path) return true;
		return false;
	}
}

export async function readRequest(req: IncomingMessage, maxBytes: number): Promise<SandboxRequest> {
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) throw Object.assign(new Error('request body too large'), { status: 413 });
		chunks.push(chunk as Buffer);
	}
	const rawBody = Buffer.concat(chunks);
	let json: unknown;
	const type = String(req.headers['content-type'] ?? '');
	if (rawBody.length && !type.startsWith('multipart/')) {
		try {
			json = JSON.parse(rawBody.toString('utf8'));
		} catch {
			json = INVALID_JSON;
		}
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query: Object.fromEntries(url.searchParams.entries()),
		headers: req.headers,
		rawBody,
		json,
		remoteAddress: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
	};
}

export function writeResponse(res: ServerResponse, response: SandboxResponse) {
	const { status = 200, headers = {}, body } = response;
	if (response.stream) {
		res.writeHead(status, { 'content-type': 'text/event-stream', ...headers });
		const source = response.stream;
		void (async () => {
			for await (const piece of source) res.write(piece);
			res.end();
		})();
		return;
	}
	let payload: Buffer | string;
	const finalHeaders = { ...headers };
	if (Buffer.isBuffer(body) || typeof body === 'string') {
		payload = body;
		finalHeaders['content-type'] ??= 'text/plain; charset=utf-8';
	} else {
		payload = JSON.stringify(body ?? {});
		finalHeaders['content-type'] ??= 'application/json; charset=utf-8';
	}
	res.writeHead(status, finalHeaders);
	res.end(payload);
}

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/** Minimal multipart/form-data reader for the media upload endpoints. */
export function parseMultipart(req: SandboxRequest): MultipartPart[] | undefined {
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
	if (!type.startsWith('multipart/form-data') || !boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: MultipartPart[] = [];
	let start = req.rawBody.indexOf(delimiter);
	while (start !== -1) {
		const next = req.rawBody.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const section = req.rawBody.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = section.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const head = section.subarray(0, headerEnd).toString('utf8');
			const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
			const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
			const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
			const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
			if (name !== undefined) {
				parts.push({
					name,
					filename,
					contentType,
					data: section.subarray(headerEnd + 4),
				});
			}
		}
		start = next;
	}
	return parts;
}
