import { INVALID_JSON, type Router, type SandboxRequest, type SandboxResponse } from '../http.cjs';
import { WeLinkFault, welinkFail, type WeLinkApp, type WeLinkWorld } from './world.cjs';

export interface WeLinkCall {
	req: SandboxRequest;
	app: WeLinkApp;
	body: Record<string, unknown>;
	world: WeLinkWorld;
}

export function welinkOk(fields: Record<string, unknown> = {}, message = 'ok'): SandboxResponse {
	return { body: { code: '0', message, ...fields } };
}

/** Registers a WeLink endpoint under /api with token and permission checks and the code envelope. */
export function welinkRoute(
	router: Router,
	world: WeLinkWorld,
	method: 'GET' | 'POST' | 'PUT' | 'DELETE',
	path: string,
	permission: string | undefined,
	handler: (call: WeLinkCall) => Record<string, unknown> | Promise<Record<string, unknown>>,
) {
	router.on(method, `/api${path}`, async (req) => {
		try {
			const app = world.authorize(req, permission);
			// Work WeLink does in the background (users/bulk) is done by the time of the next call.
			world.contactJobs.runDue(world);
			let body: Record<string, unknown> = {};
			if (method === 'POST' || method === 'PUT') {
				if (req.json === INVALID_JSON) welinkFail('51062', 'invalid json');
				if (req.json !== undefined) body = req.json as Record<string, unknown>;
			}
			return welinkOk(await handler({ req, app, body, world }));
		} catch (error) {
			if (error instanceof WeLinkFault) {
				return {
					status: error.httpStatus,
					body: { code: error.code, message: error.message, ...error.extra },
				};
			}
			throw error;
		}
	});
}

export function registerWeLinkCoreRoutes(router: Router, world: WeLinkWorld) {
	router.on('POST', '/api/auth/v2/tickets', (req) => {
		const body = (req.json && req.json !== INVALID_JSON ? req.json : {}) as Record<string, unknown>;
		const clientId = String(body.client_id ?? '');
		const clientSecret = String(body.client_secret ?? '');
		if (!clientId) return { body: { code: '41579', message: 'clientId is empty' } };
		if (!clientSecret) return { body: { code: '41580', message: 'clientSecret is empty' } };
		const app = world.apps.find((a) => a.clientId === clientId);
		if (!app || app.clientSecret !== clientSecret) {
			return { body: { code: '10007', message: 'clientId or clientSecret is wrong' } };
		}
		return welinkOk({ access_token: world.issueToken(app), expires_in: world.expiresIn });
	});

	welinkRoute(router, world, 'GET', '/tenant/v1/tenants', 'tenant', () => ({
		data: {
			tenantId: world.tenantId,
			companyNameCn: '沙箱科技有限公司',
			companyNameEn: 'Sandbox Tech Ltd.',
			tenantType: 'enterprise',
		},
	}));

	welinkRoute(router, world, 'POST', '/contact/v2/user/detail', 'contact:read', ({ body }) => {
		const keys = ['userId', 'corpUserId', 'mobileNumber'].filter((k) => body[k] !== undefined);
		if (keys.length !== 1)
			welinkFail('47004', 'exactly one of userId, corpUserId, mobileNumber is required');
		const [key] = keys as Array<'userId' | 'corpUserId' | 'mobileNumber'>;
		const user = [...world.users.values()].find((u) => u[key] === body[key]);
		if (!user) welinkFail('47001', 'user not found');
		return { ...user };
	});

	welinkRoute(router, world, 'GET', '/contact/v1/user/simplelist', 'contact:read', ({ req }) => {
		const deptCode = req.query.deptCode ?? req.query.corpDeptCode;
		if (!deptCode) welinkFail('47003', 'deptCode is required');
		const pageNo = Number(req.query.pageNo ?? 1);
		const pageSize = Number(req.query.pageSize ?? 10);
		if (
			!Number.isInteger(pageNo) ||
			pageNo < 1 ||
			!Number.isInteger(pageSize) ||
			pageSize < 1 ||
			pageSize > 50
		) {
			welinkFail('47004', 'invalid pageNo or pageSize (pageSize 1-50)');
		}
		const dept = [...world.departments.values()].find(
			(d) => d.deptCode === deptCode || d.corpDeptCode === deptCode,
		);
		if (!dept) welinkFail('47012', 'department not found');
		const users = [...world.users.values()].filter((u) => u.deptCodes.includes(dept.deptCode));
		const page = users.slice((pageNo - 1) * pageSize, pageNo * pageSize);
		return {
			pageNo,
			pageSize,
			hasMore: pageNo * pageSize < users.length ? 1 : 0,
			data: page.map((u) => ({
				userId: u.userId,
				corpUserId: u.corpUserId,
				userNameCn: u.userNameCn,
				userNameEn: u.userNameEn,
			})),
		};
	});
}
