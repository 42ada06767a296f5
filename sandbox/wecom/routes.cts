import { INVALID_JSON, type Router, type SandboxRequest, type SandboxResponse } from '../http.cjs';
import { contactsDetailsRefused, type Permission, type WeComApp } from './apps.cjs';
import { fail, WeComFault, wecomError, wecomOk } from './errors.cjs';
import type { WeComWorld } from './world.cjs';

export interface WeComCall {
	req: SandboxRequest;
	app: WeComApp;
	/** Parsed JSON body (POST), already checked to be an object. */
	body: Record<string, unknown>;
	world: WeComWorld;
}

export interface RouteOptions {
	/** Permission the app needs (48002 otherwise). */
	permission?: Permission;
	/** Only this kind of secret may call (e.g. list_id: contacts sync only). */
	only?: WeComApp['kind'][];
	/** A contact read of names or details: refused to the contacts-sync secret on an IP added after 2022-08-15. */
	detailRead?: boolean;
}

/**
 * Registers a token-protected WeCom endpoint. The wrapper does what every WeCom API does first:
 * token (41001/40014/42001), trusted IP (60020), app enabled (50003), permission (48002), JSON body.
 */
export function wecomRoute(
	router: Router,
	world: WeComWorld,
	method: 'GET' | 'POST',
	path: string,
	options: RouteOptions,
	handler: (
		call: WeComCall,
	) =>
		| Record<string, unknown>
		| SandboxResponse
		| Promise<Record<string, unknown> | SandboxResponse>,
) {
	router.on(method, path, async (req) => {
		try {
			const app = world.tokens.check(req);
			if (app.allowedIps && !app.allowedIps.includes(req.remoteAddress)) {
				fail(60020, 'not allow to access from your ip');
			}
			if (!app.enabled) fail(50003, 'application is disabled');
			if (options.only && !options.only.includes(app.kind)) fail(48002, 'api forbidden');
			if (options.permission && !app.permissions.has(options.permission))
				fail(48002, 'api forbidden');
			if (options.detailRead && contactsDetailsRefused(app))
				fail(48009, 'api forbidden for contact assistant');
			let body: Record<string, unknown> = {};
			if (method === 'POST') {
				if (req.json === INVALID_JSON)
					fail(47001, 'data format error, Warning: wrong json format.');
				if (req.json !== undefined) {
					if (typeof req.json !== 'object' || req.json === null || Array.isArray(req.json))
						fail(47001, 'data format error');
					body = req.json as Record<string, unknown>;
				}
			}
			const result = await handler({ req, app, body, world });
			if ('body' in result && ('status' in result || 'headers' in result))
				return result as SandboxResponse;
			return wecomOk(result as Record<string, unknown>);
		} catch (error) {
			if (error instanceof WeComFault) return wecomError(req, error.errcode, error.message);
			throw error;
		}
	});
}

/** Endpoints that exist but are called with the wrong method answer like WeCom (40063 / method error). */
export function registerTokenRoutes(router: Router, world: WeComWorld) {
	router.on('GET', '/cgi-bin/gettoken', (req) => {
		const { corpid, corpsecret } = req.query;
		if (!corpid) return wecomError(req, 41002, 'corpid missing');
		if (!corpsecret) return wecomError(req, 41004, 'corpsecret missing');
		if (corpid !== world.corpId) return wecomError(req, 40013, 'invalid corpid');
		const app = world.apps.find((a) => a.secret === corpsecret);
		if (!app) return wecomError(req, 40001, 'invalid credential');
		const token = world.tokens.issue(app);
		return wecomOk({ access_token: token.value, expires_in: world.tokens.expiresIn });
	});

	wecomRoute(router, world, 'GET', '/cgi-bin/get_api_domain_ip', {}, () => ({
		ip_list: ['182.254.11.176', '182.254.78.66', '140.207.54.80'],
	}));
}
