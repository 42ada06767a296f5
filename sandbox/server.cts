import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { registerAdminRoutes } from './admin.cjs';
import { Faults, type FaultRule } from './faults.cjs';
import {
	readRequest,
	Router,
	writeResponse,
	type SandboxRequest,
	type SandboxResponse,
} from './http.cjs';
import { RequestLog, type LogEntry } from './log.cjs';
import { registerApprovalRoutes } from './wecom/approvals.cjs';
import { registerLlmRoutes } from './llm.cjs';
import { registerAiBotRoutes } from './wecom/aibot.cjs';
import { registerCheckinRoutes } from './wecom/checkin.cjs';
import { registerContactReadRoutes } from './wecom/contactRoutes.cjs';
import { registerContactWriteRoutes } from './wecom/contactWriteRoutes.cjs';
import { registerCustomerContactRoutes } from './wecom/customers.cjs';
import { registerCallbackIpRoute } from './wecom/ipLists.cjs';
import { registerMeetingRoutes } from './wecom/meetings.cjs';
import { registerMessageRoutes } from './wecom/messages.cjs';
import { registerOAuthRoutes } from './wecom/oauth.cjs';
import { registerExternalContactRoutes } from './wecom/external.cjs';
import { registerRobotRoutes } from './wecom/robotRoutes.cjs';
import { registerTokenRoutes } from './wecom/routes.cjs';
import type { TenantProfile } from './wecom/apps.cjs';
import { WeComWorld } from './wecom/world.cjs';
import { registerWeLinkAttendanceRoutes } from './welink/attendance.cjs';
import { registerWeLinkContactRoutes } from './welink/contacts.cjs';
import { registerWeLinkMessageRoutes } from './welink/messages.cjs';
import { registerWeLinkCoreRoutes } from './welink/routes.cjs';
import { registerWeLinkTodoRoutes } from './welink/todos.cjs';
import { WeLinkWorld } from './welink/world.cjs';

/** All state of one sandbox: the clock, both platforms' worlds, faults and the request log. */
export class SandboxState {
	/** Shift of the sandbox clock against real time (advance it to expire tokens without waiting). */
	clockOffsetMs = 0;

	readonly log = new RequestLog();

	readonly faults = new Faults();

	wecom!: WeComWorld;

	welink!: WeLinkWorld;

	/** The WeCom tenant a reset starts from (see TenantProfile); kept across resets. */
	constructor(public wecomProfile: TenantProfile = 'modern') {
		this.reset();
	}

	readonly now = () => Date.now() + this.clockOffsetMs;

	reset(wecomProfile: TenantProfile = this.wecomProfile) {
		this.wecomProfile = wecomProfile;
		this.clockOffsetMs = 0;
		this.wecom = new WeComWorld(this.now, wecomProfile);
		this.welink = new WeLinkWorld(this.now);
		this.log.clear();
		this.faults.clear();
	}
}

export interface Sandbox {
	url: string;
	/** Base URLs to put into the credentials. */
	wecomBaseUrl: string;
	welinkBaseUrl: string;
	state: SandboxState;
	close(): Promise<void>;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** The WeCom tenant: 'modern' (default, WeCom as set up today) or 'legacy' (before the 2022 changes). */
	wecomProfile?: TenantProfile;
	/** Extra route registrations (feature modules of later issues plug in here). */
	plugins?: Array<(router: Router, state: SandboxState) => void>;
}

function platformOf(path: string): LogEntry['platform'] {
	if (path.startsWith('/cgi-bin/webhook/')) return 'robot';
	if (path.startsWith('/cgi-bin/')) return 'wecom';
	if (path.startsWith('/api/')) return 'welink';
	return 'other';
}

function faultAnswer(platform: LogEntry['platform'], rule: FaultRule): SandboxResponse {
	if (rule.kind === 'http-status')
		return { status: rule.status ?? 500, body: 'Internal Server Error (sandbox fault)' };
	if (platform === 'welink')
		return { body: { code: String(rule.errcode), message: 'sandbox fault' } };
	return { body: { errcode: Number(rule.errcode), errmsg: 'sandbox fault' } };
}

function codeOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const b = body as { errcode?: unknown; code?: unknown };
	const code = b.errcode ?? b.code;
	return code === undefined ? undefined : String(code);
}

export function buildRouter(state: SandboxState, plugins: SandboxOptions['plugins'] = []) {
	const router = new Router();
	// Routes read the current world through the state, so a reset swaps everything at once.
	const wecom = () => state.wecom;
	const welink = () => state.welink;
	registerTokenRoutes(router, proxy(wecom));
	registerContactReadRoutes(router, proxy(wecom));
	registerContactWriteRoutes(router, proxy(wecom));
	registerRobotRoutes(router, proxy(wecom));
	registerMeetingRoutes(router, proxy(wecom));
	registerMessageRoutes(router, proxy(wecom));
	registerExternalContactRoutes(router, proxy(wecom));
	registerCheckinRoutes(router, proxy(wecom));
	registerCustomerContactRoutes(router, proxy(wecom));
	registerApprovalRoutes(router, proxy(wecom));
	registerOAuthRoutes(router, proxy(wecom));
	registerCallbackIpRoute(router, proxy(wecom));
	registerAiBotRoutes(router, state);
	registerLlmRoutes(router, state);
	registerWeLinkCoreRoutes(router, proxy(welink));
	registerWeLinkMessageRoutes(router, proxy(welink));
	registerWeLinkTodoRoutes(router, proxy(welink));
	registerWeLinkContactRoutes(router, proxy(welink));
	registerWeLinkAttendanceRoutes(router, proxy(welink));
	registerAdminRoutes(router, state);
	for (const plugin of plugins) plugin(router, state);
	return router;
}

/** A stable handle on whichever world is current (route modules keep a reference to it). */
function proxy<T extends object>(current: () => T): T {
	return new Proxy({} as T, {
		get: (_target, prop) => {
			const value = Reflect.get(current(), prop);
			return typeof value === 'function' ? value.bind(current()) : value;
		},
	});
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state = new SandboxState(options.wecomProfile);
	const router = buildRouter(state, options.plugins);
	const sockets = new Set<Socket>();
	const server: Server = createServer((req, res) => {
		void handle(req, res);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	async function handle(
		rawReq: Parameters<Parameters<typeof createServer>[1] & object>[0],
		res: Parameters<Parameters<typeof createServer>[1] & object>[1],
	) {
		const started = performance.now();
		let req: SandboxRequest;
		try {
			req = await readRequest(rawReq, 64 * 1024 * 1024);
		} catch {
			res.writeHead(413).end();
			return;
		}
		const platform = platformOf(req.path);
		const rule = platform === 'other' ? undefined : state.faults.take(platform, req.path);
		let response: SandboxResponse | undefined;
		let dropAfter = false;
		if (rule?.kind === 'drop') {
			rawReq.socket.destroy();
		} else if (rule?.kind === 'hang') {
			// Never answered; the connection is closed when the sandbox stops.
		} else if (rule && (rule.kind === 'errcode' || rule.kind === 'http-status')) {
			response = faultAnswer(platform, rule);
		} else {
			if (rule?.kind === 'revoke-tokens' || rule?.kind === 'expire-tokens') {
				const tokens = platform === 'welink' ? state.welink : state.wecom.tokens;
				if (rule.kind === 'revoke-tokens') tokens.revokeAll();
				else tokens.expireAll();
			}
			if (rule?.kind === 'delay') await new Promise((r) => setTimeout(r, rule.delayMs ?? 1000));
			dropAfter = rule?.kind === 'drop-after';
			const handler = router.find(req.method, req.path);
			try {
				response = handler
					? await handler(req)
					: platform === 'welink'
						? { status: 404, body: { code: '404', message: 'api not found' } }
						: {
								status: 404,
								body: { errcode: 404, errmsg: `sandbox has no ${req.method} ${req.path}` },
							};
			} catch (error) {
				response = {
					status: 500,
					body: { errcode: -1, errmsg: `sandbox error: ${(error as Error).message}` },
				};
			}
			if (dropAfter) rawReq.socket.destroy();
		}
		if (platform !== 'other') {
			state.log.add({
				at: state.now(),
				platform,
				method: req.method,
				path: req.path,
				query: req.query,
				body: req.json ?? (req.rawBody.length ? `<${req.rawBody.length} bytes>` : undefined),
				status: response?.status ?? (rule ? 0 : 200),
				code: codeOf(response?.body),
				fault: rule?.kind,
				durationMs: performance.now() - started,
			});
		}
		if (response && !dropAfter && rule?.kind !== 'drop') writeResponse(res, response);
	}

	await new Promise<void>((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
	);
	const { port } = server.address() as AddressInfo;
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		wecomBaseUrl: url,
		welinkBaseUrl: `${url}/api`,
		state,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
