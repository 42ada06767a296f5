import type { SandboxRequest, SandboxResponse } from '../http.cjs';

/**
 * WeCom error answers look like the real ones: HTTP 200, errcode, and an errmsg carrying a hint id,
 * the caller's IP and the help link (the transport reads "from ip" for its 60020 advice).
 */
export function wecomError(req: SandboxRequest, errcode: number, message: string): SandboxResponse {
	const hint = `${Date.now().toString(16)}-sandbox`;
	return {
		body: {
			errcode,
			errmsg: `${message}, hint: [${hint}], from ip: ${req.remoteAddress}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
		},
	};
}

export function wecomOk(fields: Record<string, unknown> = {}, errmsg = 'ok'): SandboxResponse {
	return { body: { errcode: 0, errmsg, ...fields } };
}

/** Thrown by validators and stores; the server turns it into an errcode answer. */
export class WeComFault extends Error {
	constructor(
		readonly errcode: number,
		message: string,
	) {
		super(message);
	}
}

export function fail(errcode: number, message: string): never {
	throw new WeComFault(errcode, message);
}
