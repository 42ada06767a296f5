import { randomBytes } from 'node:crypto';

import type { Router } from '../http.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * WeCom sign-in (网页授权): the authorize page the WeCom client opens, the codes it hands to the
 * redirect URL, auth/getuserinfo and auth/getuserdetail.
 */

/** "code只能使用一次，5分钟未被使用自动过期"; user_ticket "有效期为1800s" (path/91023). */
export const CODE_LIFETIME_MS = 5 * 60_000;
export const TICKET_LIFETIME_MS = 1800_000;

export type OAuthScope = 'snsapi_base' | 'snsapi_privateinfo';

interface IssuedCode {
	userid?: string;
	openid?: string;
	scope: OAuthScope;
	issuedAt: number;
	used: boolean;
}

export class OAuthStore {
	readonly codes = new Map<string, IssuedCode>();

	readonly tickets = new Map<string, { userid: string; expiresAt: number }>();

	/** The app's trusted domains (可信域名); redirects elsewhere are refused. */
	readonly trustedDomains = new Set(['127.0.0.1', 'localhost', 'n8n.example.com']);

	/** Who is signed in to the WeCom client that opens the link (a member ID, or a WeChat user's openid). */
	signedIn: { userid: string } | { openid: string } = { userid: 'zhangsan' };

	issueCode(who: { userid: string } | { openid: string }, scope: OAuthScope, now: number) {
		const code = `CODE${randomBytes(16).toString('hex')}`;
		this.codes.set(code, { ...who, scope, issuedAt: now, used: false });
		return code;
	}
}

const page = (status: number, text: string) => ({
	status,
	body: `<html><body>${text}</body></html>`,
	headers: { 'content-type': 'text/html; charset=utf-8' },
});

export function registerOAuthRoutes(router: Router, world: WeComWorld) {
	const store = () => world.oauth;

	/**
	 * The link of path/91022 as the WeCom client follows it: appid = corp ID, response_type=code,
	 * scope snsapi_base | snsapi_privateinfo (the latter with agentid), state a-zA-Z0-9 ≤ 128 bytes,
	 * redirect_uri on a trusted domain; then redirect_uri?code=CODE&state=STATE.
	 */
	router.on('GET', '/connect/oauth2/authorize', (req) => {
		const q = req.query;
		if (q.appid !== world.corpId) return page(400, 'appid 参数错误');
		if (q.response_type !== 'code') return page(400, 'response_type 参数错误');
		if (q.scope !== 'snsapi_base' && q.scope !== 'snsapi_privateinfo')
			return page(400, 'scope 参数错误');
		if (
			q.state !== undefined &&
			(!/^[A-Za-z0-9]*$/.test(q.state) || Buffer.byteLength(q.state) > 128)
		)
			return page(400, 'state 参数错误');
		if (q.agentid !== undefined && !world.apps.some((a) => String(a.agentId) === q.agentid))
			return page(400, 'agentid 参数错误');
		// "snsapi_privateinfo时必填否则报错".
		if (q.scope === 'snsapi_privateinfo' && !q.agentid) return page(400, 'agentid 参数错误');
		let target: URL;
		try {
			target = new URL(q.redirect_uri ?? '');
		} catch {
			return page(400, 'redirect_uri 参数错误');
		}
		// 50001: redirect_url未登记可信域名 (global error page).
		if (!store().trustedDomains.has(target.hostname))
			return page(403, 'redirect_uri 需使用应用可信域名 (50001)');
		target.searchParams.set('code', store().issueCode(store().signedIn, q.scope, world.now()));
		target.searchParams.set('state', q.state ?? '');
		return { status: 302, headers: { location: target.toString() }, body: '' };
	});

	// path/91023: a code works once, for 5 minutes (40029 otherwise); user_ticket only for
	// snsapi_privateinfo and a member in the app's visible range.
	wecomRoute(router, world, 'GET', '/cgi-bin/auth/getuserinfo', {}, ({ req, app }) => {
		const issued = store().codes.get(req.query.code ?? '');
		if (!issued || issued.used || world.now() - issued.issuedAt > CODE_LIFETIME_MS)
			fail(40029, 'invalid code');
		issued.used = true;
		if (!issued.userid) return { openid: issued.openid };
		const member = world.contacts.members.get(issued.userid);
		const visible = member !== undefined && world.canSee(app, member);
		if (issued.scope !== 'snsapi_privateinfo' || !visible) return { userid: issued.userid };
		const ticket = `TICKET${randomBytes(24).toString('hex')}`;
		store().tickets.set(ticket, {
			userid: issued.userid,
			expiresAt: world.now() + TICKET_LIFETIME_MS,
		});
		return { userid: issued.userid, user_ticket: ticket };
	});

	// path/95833: the fields the member shared; an unknown or expired ticket is 84015 (成员票据无效).
	wecomRoute(router, world, 'POST', '/cgi-bin/auth/getuserdetail', {}, ({ body }) => {
		validate(body, { user_ticket: { type: 'string', required: true } });
		const ticket = store().tickets.get(String(body.user_ticket));
		if (!ticket || ticket.expiresAt <= world.now()) fail(84015, 'invalid user_ticket');
		const member = world.contacts.members.get(ticket.userid);
		if (!member) fail(60111, 'userid not found');
		return {
			userid: member.userid,
			gender: member.gender ?? '0',
			avatar: `https://sandbox.example.com/avatar/${member.userid}.png`,
			qr_code: `https://open.work.weixin.qq.com/wwopen/userQRCode?vcode=${member.userid}`,
			mobile: member.mobile ?? '',
			email: member.email ?? '',
			biz_mail: member.biz_mail ?? '',
			address: member.address ?? '',
		};
	});
}
