import { randomBytes } from 'node:crypto';

import type { Router } from '../http.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * Customer contact (客户联系, reference §6.6): the customers, and send_welcome_msg with
 * welcome codes that work once and expire 20 seconds after the add event.
 */
export interface ExternalContact {
	external_contact: Record<string, unknown>;
	follow_user: Array<Record<string, unknown>>;
}

export class ExternalContactStore {
	readonly contacts = new Map<string, ExternalContact>([
		[
			'wmEXT0001',
			{
				external_contact: {
					external_userid: 'wmEXT0001',
					name: '李先生',
					type: 1,
					gender: 1,
					corp_name: '示例客户有限公司',
				},
				follow_user: [
					{
						userid: 'zhangsan',
						remark: '李总',
						createtime: 1763700000,
						tags: [{ group_name: '客户等级', tag_name: 'VIP', type: 1, tag_id: 'et01' }],
						add_way: 1,
						state: 'expo2026',
					},
				],
			},
		],
	]);

	readonly welcomeCodes = new Map<
		string,
		{ issuedAt: number; used: boolean; externalUserId: string }
	>();

	readonly welcomesSent: Array<{ externalUserId: string; body: Record<string, unknown> }> = [];

	issueWelcomeCode(externalUserId: string, now: number) {
		const code = `wc${randomBytes(12).toString('hex')}`;
		this.welcomeCodes.set(code, { issuedAt: now, used: false, externalUserId });
		return code;
	}
}

export function registerExternalContactRoutes(router: Router, world: WeComWorld) {
	const store = () => world.external;
	const opts = { permission: 'externalcontact' as const };

	// externalcontact/get and /list: customers.cts (paging, visibility, customer contact members).
	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/externalcontact/send_welcome_msg',
		opts,
		({ body }) => {
			validate(body, {
				welcome_code: { type: 'string', required: true },
				text: { type: 'object', fields: { content: { type: 'string', max: 4000 } } },
				attachments: { type: 'object[]', max: 9 },
			});
			if (!body.text && !body.attachments) fail(40063, 'text and attachments are both empty');
			const code = store().welcomeCodes.get(String(body.welcome_code));
			if (!code || code.used || world.now() - code.issuedAt > 20_000)
				fail(41051, 'externaluser has started chatting');
			code.used = true;
			store().welcomesSent.push({ externalUserId: code.externalUserId, body });
			return {};
		},
	);
}
