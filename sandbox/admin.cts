import {
	sendWeComCallback,
	sendWeLinkCallback,
	verifyWeComUrl,
	type XmlObject,
} from './callbacks.cjs';
import type { FaultSpec } from './faults.cjs';
import { INVALID_JSON, type Router, type SandboxRequest, type SandboxResponse } from './http.cjs';
import type { SandboxState } from './server.cjs';
import {
	SANDBOX_AGENT_ID,
	SANDBOX_CORP_ID,
	SANDBOX_SECRETS,
	type Permission,
} from './wecom/apps.cjs';
import {
	AiBotMember,
	type AiBotTarget,
	type DeliveryOptions,
	type MemberMessage,
} from './wecom/aibotSender.cjs';
import type { Department, Member } from './wecom/contacts.cjs';
import { SANDBOX_ROBOT_KEY } from './wecom/world.cjs';
import { SANDBOX_WELINK_CLIENT_ID, SANDBOX_WELINK_CLIENT_SECRET } from './welink/world.cjs';

/**
 * Control API for tests, benchmarks and the demo (other processes drive the sandbox over HTTP):
 * reset, read the request log, inject faults, revoke or expire tokens, move the clock, configure
 * apps, stand in for a WeLink image upload, and send callbacks to a trigger.
 */

function body(req: SandboxRequest): Record<string, unknown> {
	return req.json && req.json !== INVALID_JSON && typeof req.json === 'object'
		? (req.json as Record<string, unknown>)
		: {};
}

const ok = (fields: Record<string, unknown> = {}): SandboxResponse => ({
	body: { ok: true, ...fields },
});

export function registerAdminRoutes(router: Router, state: SandboxState) {
	router.on('GET', '/__sandbox/info', () =>
		ok({
			wecom: {
				corpId: SANDBOX_CORP_ID,
				agentId: SANDBOX_AGENT_ID,
				secrets: SANDBOX_SECRETS,
				robotKey: SANDBOX_ROBOT_KEY,
			},
			welink: { clientId: SANDBOX_WELINK_CLIENT_ID, clientSecret: SANDBOX_WELINK_CLIENT_SECRET },
		}),
	);

	// Body {"wecomProfile": "legacy"} switches the WeCom tenant (it is kept for later resets).
	router.on('POST', '/__sandbox/reset', (req) => {
		const { wecomProfile } = body(req) as { wecomProfile?: string };
		if (wecomProfile !== undefined && wecomProfile !== 'modern' && wecomProfile !== 'legacy')
			return { status: 400, body: { ok: false, error: 'wecomProfile is "modern" or "legacy"' } };
		state.reset(wecomProfile);
		return ok({ wecomProfile: state.wecomProfile });
	});

	router.on('GET', '/__sandbox/log', (req) =>
		ok({
			entries: state.log.all({
				platform: req.query.platform,
				path: req.query.path,
				since: req.query.since === undefined ? undefined : Number(req.query.since),
			}),
			lastSeq: state.log.lastSeq,
		}),
	);

	router.on('GET', '/__sandbox/log/counts', (req) =>
		ok({
			counts: state.log.counts({
				platform: req.query.platform,
				since: req.query.since === undefined ? undefined : Number(req.query.since),
			}),
			lastSeq: state.log.lastSeq,
		}),
	);

	router.on('DELETE', '/__sandbox/log', () => {
		state.log.clear();
		return ok();
	});

	router.on('POST', '/__sandbox/faults', (req) =>
		ok({ rule: state.faults.add(body(req) as unknown as FaultSpec) }),
	);
	router.on('GET', '/__sandbox/faults', () => ok({ rules: state.faults.list() }));
	router.on('DELETE', '/__sandbox/faults', () => {
		state.faults.clear();
		return ok();
	});

	router.on('POST', '/__sandbox/tokens', (req) => {
		const { platform, action, expiresIn } = body(req) as {
			platform?: string;
			action?: string;
			expiresIn?: number;
		};
		const world = platform === 'welink' ? state.welink : state.wecom;
		if (action === 'revoke')
			(platform === 'welink' ? state.welink : state.wecom.tokens).revokeAll();
		if (action === 'expire')
			(platform === 'welink' ? state.welink : state.wecom.tokens).expireAll();
		if (typeof expiresIn === 'number') {
			if (platform === 'welink') state.welink.expiresIn = expiresIn;
			else state.wecom.tokens.expiresIn = expiresIn;
		}
		return ok({
			issued: platform === 'welink' ? state.welink.tokensIssued : state.wecom.tokens.issued,
			world: Boolean(world),
		});
	});

	router.on('POST', '/__sandbox/clock', (req) => {
		const { advanceSeconds } = body(req) as { advanceSeconds?: number };
		state.clockOffsetMs += Number(advanceSeconds ?? 0) * 1000;
		return ok({ now: state.now() });
	});

	// Replaces the directory (root kept) in one call, for benchmarks of large tenants.
	router.on('POST', '/__sandbox/wecom/contacts', (req) => {
		const { departments, members } = body(req) as {
			departments?: Array<Pick<Department, 'id' | 'name' | 'parentid'> & Partial<Department>>;
			members?: Array<Omit<Member, 'status'> & Partial<Member>>;
		};
		const contacts = state.wecom.contacts;
		for (const id of [...contacts.departments.keys()])
			if (id !== 1) contacts.departments.delete(id);
		contacts.members.clear();
		for (const d of departments ?? [])
			contacts.departments.set(d.id, { department_leader: [], order: 0, ...d });
		for (const m of members ?? []) contacts.members.set(m.userid, { status: 1, enable: 1, ...m });
		return ok({ departments: contacts.departments.size, members: contacts.members.size });
	});

	router.on('POST', '/__sandbox/wecom/app', (req) => {
		const spec = body(req) as {
			kind?: string;
			allowedIps?: string[] | null;
			enabled?: boolean;
			grant?: Permission[];
			revoke?: Permission[];
			visibleDepartments?: number[];
			createdAt?: string;
			ipAddedAt?: string;
		};
		const app = state.wecom.apps.find((a) => a.kind === (spec.kind ?? 'app'));
		if (!app) return { status: 404, body: { ok: false, error: 'no such app' } };
		if (spec.allowedIps !== undefined) app.allowedIps = spec.allowedIps ?? undefined;
		if (spec.enabled !== undefined) app.enabled = spec.enabled;
		for (const p of spec.grant ?? []) app.permissions.add(p);
		for (const p of spec.revoke ?? []) app.permissions.delete(p);
		if (spec.visibleDepartments) app.visibleDepartments = spec.visibleDepartments;
		if (spec.createdAt !== undefined) app.createdAt = spec.createdAt;
		if (spec.ipAddedAt !== undefined) app.ipAddedAt = spec.ipAddedAt;
		return ok();
	});

	router.on('POST', '/__sandbox/welink/app', (req) => {
		const spec = body(req) as { grant?: string[]; revoke?: string[] };
		const app = state.welink.apps[0];
		for (const p of spec.grant ?? []) app.permissions.add(p);
		for (const p of spec.revoke ?? []) app.permissions.delete(p);
		return ok({ permissions: [...app.permissions] });
	});

	// What uploading an image to WeLink gives: an address the image and news sends accept.
	router.on('POST', '/__sandbox/welink/images', (req) =>
		ok({ url: state.welink.messages.uploadImage(`http://${String(req.headers.host)}`) }),
	);

	router.on('GET', '/__sandbox/wecom/robot', (req) => {
		const robot = state.wecom.robots.get(req.query.key ?? SANDBOX_ROBOT_KEY);
		return robot ? ok({ messages: robot.messages }) : { status: 404, body: { ok: false } };
	});

	router.on('POST', '/__sandbox/callbacks/wecom', async (req) => {
		const { target, message, options } = body(req) as {
			target: Parameters<typeof sendWeComCallback>[0];
			message: XmlObject | string;
			options?: Parameters<typeof sendWeComCallback>[2];
		};
		return ok({ result: await sendWeComCallback(target, message, options) });
	});

	router.on('POST', '/__sandbox/callbacks/wecom/verify', async (req) => {
		const { target, echo, options } = body(req) as {
			target: Parameters<typeof verifyWeComUrl>[0];
			echo?: string;
			options?: Parameters<typeof verifyWeComUrl>[2];
		};
		return ok({ result: await verifyWeComUrl(target, echo, options) });
	});

	router.on('POST', '/__sandbox/callbacks/aibot', async (req) => {
		const { target, message, options } = body(req) as {
			target: AiBotTarget;
			message: MemberMessage;
			options?: DeliveryOptions;
		};
		const member = new AiBotMember(state, `http://${String(req.headers.host)}`, target);
		return ok({ result: await member.say(message, options) });
	});

	router.on('POST', '/__sandbox/callbacks/welink', async (req) => {
		const { target, event, options } = body(req) as {
			target: Parameters<typeof sendWeLinkCallback>[0];
			event: Record<string, unknown>;
			options?: Parameters<typeof sendWeLinkCallback>[2];
		};
		return ok({ result: await sendWeLinkCallback(target, event, options) });
	});
}
