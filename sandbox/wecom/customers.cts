import type { Router } from '../http.cjs';
import type { WeComApp } from './apps.cjs';
import type { ExternalContact, ExternalContactStore } from './external.cjs';
import { fail } from './errors.cjs';
import { wecomRoute } from './routes.cjs';
import { validate } from './schema.cjs';
import type { WeComWorld } from './world.cjs';

/**
 * Customer contact (客户联系) beyond the trigger's needs: the members with customer contact, the
 * corp tag library, customer groups, and every read and write the Customer, Customer Tag and
 * Customer Group resources make. Customers themselves live in `world.external.contacts`, shared
 * with the External Contact Trigger's welcome-message emulation.
 */

export interface CorpTagGroup {
	group_id: string;
	group_name: string;
	create_time: number;
	order: number;
	tag: Array<{ id: string; name: string; create_time: number; order: number }>;
}

export interface GroupChat {
	chat_id: string;
	name: string;
	owner: string;
	create_time: number;
	notice?: string;
	status: number;
	member_list: Array<Record<string, unknown>>;
	admin_list: Array<{ userid: string }>;
}

/** externalcontact/get: next_cursor "当跟进人多于500人时返回" (path/92114). */
export const FOLLOWERS_PER_PAGE = 500;

export class CustomerContactStore {
	/** Members given customer contact (客户联系 → 使用范围). */
	readonly followUsers = new Set<string>(['zhangsan', 'lisi', 'wangwu']);

	readonly tagGroups: CorpTagGroup[] = [
		{
			group_id: 'etG01',
			group_name: '客户等级',
			create_time: 1763000000,
			order: 2,
			tag: [
				{ id: 'et01', name: 'VIP', create_time: 1763000000, order: 2 },
				{ id: 'et02', name: '普通', create_time: 1763000000, order: 1 },
			],
		},
		{
			group_id: 'etG02',
			group_name: '来源',
			create_time: 1763000100,
			order: 1,
			tag: [
				{ id: 'et11', name: '展会', create_time: 1763000100, order: 2 },
				{ id: 'et12', name: '官网', create_time: 1763000100, order: 1 },
			],
		},
	];

	readonly groupChats = new Map<string, GroupChat>();

	tag(id: string) {
		for (const group of this.tagGroups) {
			const tag = group.tag.find((t) => t.id === id);
			if (tag) return { group, tag };
		}
		return undefined;
	}
}

/** A few more customers and two customer groups next to the trigger's demo customer wmEXT0001. */
export function seedDemoCustomers(external: ExternalContactStore, store: CustomerContactStore) {
	const add = (
		id: string,
		contact: Record<string, unknown>,
		follows: ExternalContact['follow_user'],
	) =>
		external.contacts.set(id, {
			external_contact: { external_userid: id, ...contact },
			follow_user: follows,
		});
	add('wmEXT0002', { name: '王女士', type: 1, gender: 2 }, [
		{
			userid: 'lisi',
			remark: '王姐',
			createtime: 1763100000,
			tags: [],
			add_way: 2,
			remark_mobiles: [],
		},
		{
			userid: 'zhangsan',
			remark: '',
			createtime: 1763200000,
			tags: [{ group_name: '来源', tag_name: '官网', type: 1, tag_id: 'et12' }],
			add_way: 1,
			state: 'web',
		},
	]);
	add(
		'woEXT0003',
		{
			name: '赵总',
			type: 2,
			gender: 1,
			corp_name: '上下游科技',
			corp_full_name: '上下游科技有限公司',
			position: 'CEO',
		},
		[{ userid: 'lisi', remark: '赵总', createtime: 1763300000, tags: [], add_way: 3 }],
	);
	for (const [chat_id, name, owner, members] of [
		['wrCHAT0001', 'VIP 客户群', 'zhangsan', ['zhangsan', 'lisi', 'wmEXT0001', 'wmEXT0002']],
		['wrCHAT0002', '售后服务群', 'lisi', ['lisi', 'woEXT0003']],
	] as const) {
		store.groupChats.set(chat_id, {
			chat_id,
			name,
			owner,
			create_time: 1763400000,
			notice: '',
			status: 0,
			member_list: members.map((userid) => ({
				userid,
				type: userid.startsWith('w') ? 2 : 1,
				join_time: 1763400000,
				join_scene: 1,
				name: userid,
			})),
			admin_list: [],
		});
	}
}

/** Benchmarks: `perMember` customers for each of the members u0…u(n-1), all with customer contact. */
export function seedLargeCustomers(world: WeComWorld, members: number, perMember: number) {
	world.customers.followUsers.clear();
	for (let m = 0; m < members; m++) {
		world.customers.followUsers.add(`u${m}`);
		for (let c = 0; c < perMember; c++) {
			const id = `wmBENCH${m}x${c}`;
			world.external.contacts.set(id, {
				external_contact: { external_userid: id, name: `Customer ${m}-${c}`, type: 1, gender: 0 },
				follow_user: [
					{
						userid: `u${m}`,
						remark: '',
						createtime: 1763000000 + c,
						tags:
							c % 2 ? [{ group_name: '客户等级', tag_name: 'VIP', type: 1, tag_id: 'et01' }] : [],
						add_way: 1,
					},
				],
			});
		}
	}
}

function omit<T extends object>(value: T, key: keyof T) {
	const copy = { ...value };
	delete copy[key];
	return copy;
}

const encodeCursor = (offset: number) => Buffer.from(`c${offset}`).toString('base64url');

function decodeCursor(cursor: unknown): number {
	if (cursor === undefined || cursor === '') return 0;
	const text = Buffer.from(String(cursor), 'base64url').toString('utf8');
	const offset = /^c(\d+)$/.exec(text)?.[1];
	if (offset === undefined) fail(40058, 'invalid cursor');
	return Number(offset);
}

/** follow_user as batch/get_by_user returns it: "标签信息只会返回企业标签和规则组标签的tag_id" (path/92994). */
function followInfo(follow: Record<string, unknown>) {
	return {
		...omit(follow, 'tags'),
		tag_id: ((follow.tags as Array<Record<string, unknown>>) ?? [])
			.filter((t) => t.type === 1 || t.type === 3)
			.map((t) => t.tag_id),
	};
}

export function registerCustomerContactRoutes(router: Router, world: WeComWorld) {
	const opts = { permission: 'externalcontact' as const };
	const contacts = () => world.external.contacts;
	const store = () => world.customers;

	/** A member the app may see and who has customer contact; WeCom's codes for the rest. */
	const followMember = (app: WeComApp, userid: unknown) => {
		const member = world.contacts.members.get(String(userid ?? ''));
		// Unknown member: invalid UserID (global error page, path/90455).
		if (!member) fail(40003, 'invalid userid');
		if (!world.canSee(app, member))
			fail(60011, 'no privilege to access/modify contact/party/agent');
		// UNCONFIRMED: the code for a member without customer contact; 84074 = 没有外部联系人权限.
		if (!store().followUsers.has(member.userid)) fail(84074, 'no external contact permission');
		return member.userid;
	};

	/** The relationship of a member and a customer (84061 = 不存在外部联系人的关系). */
	const relation = (app: WeComApp, userid: unknown, externalUserId: unknown) => {
		const member = followMember(app, userid);
		const contact = contacts().get(String(externalUserId ?? ''));
		if (!contact) fail(40096, 'invalid external userid');
		const follow = contact.follow_user.find((f) => f.userid === member);
		if (!follow) fail(84061, 'not external contact');
		return { contact, follow };
	};

	wecomRoute(
		router,
		world,
		'GET',
		'/cgi-bin/externalcontact/get_follow_user_list',
		opts,
		({ app }) => ({
			follow_user: [...store().followUsers].filter((id) => {
				const member = world.contacts.members.get(id);
				return member !== undefined && world.canSee(app, member);
			}),
		}),
	);

	// path/92113: the external_userid of one member's customers.
	wecomRoute(router, world, 'GET', '/cgi-bin/externalcontact/list', opts, ({ req, app }) => {
		if (!req.query.userid) fail(40063, 'userid is required');
		const userid = followMember(app, req.query.userid);
		return {
			external_userid: [...contacts().entries()]
				.filter(([, c]) => c.follow_user.some((f) => f.userid === userid))
				.map(([id]) => id),
		};
	});

	// path/92114: the followers are paged, 500 per page; only members the app can see are listed.
	wecomRoute(router, world, 'GET', '/cgi-bin/externalcontact/get', opts, ({ req, app }) => {
		if (!req.query.external_userid) fail(40063, 'external_userid is required');
		const contact = contacts().get(req.query.external_userid);
		if (!contact) fail(40096, 'invalid external userid');
		const visible = contact.follow_user.filter((f) => {
			const member = world.contacts.members.get(String(f.userid));
			return member !== undefined && world.canSee(app, member);
		});
		const start = decodeCursor(req.query.cursor);
		const end = start + FOLLOWERS_PER_PAGE;
		return {
			external_contact: contact.external_contact,
			follow_user: visible.slice(start, end),
			...(end < visible.length ? { next_cursor: encodeCursor(end) } : {}),
		};
	});

	// path/92994: 100 member IDs per call; limit defaults to 50 and is capped at 100 ("超过最大值时取最大值").
	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/externalcontact/batch/get_by_user',
		opts,
		({ body, app }) => {
			validate(body, {
				userid_list: { type: 'string[]', required: true, max: 100 },
				cursor: { type: 'string' },
				limit: { type: 'uint' },
			});
			const userids = body.userid_list as string[];
			if (!userids.length) fail(40063, 'userid_list is empty');
			const members = new Set(userids.map((id) => followMember(app, id)));
			const rows: Array<{ external_contact: unknown; follow_info: unknown }> = [];
			for (const userid of members) {
				for (const contact of contacts().values()) {
					const follow = contact.follow_user.find((f) => f.userid === userid);
					if (follow)
						rows.push({
							external_contact: contact.external_contact,
							follow_info: followInfo(follow),
						});
				}
			}
			const size = Math.min(100, Number(body.limit) || 50);
			const start = decodeCursor(body.cursor);
			const end = start + size;
			return {
				external_contact_list: rows.slice(start, end),
				next_cursor: end < rows.length ? encodeCursor(end) : '',
			};
		},
	);

	// path/92115: remark 20, description 150, company 20 characters; not all empty; [""] clears the mobiles.
	wecomRoute(router, world, 'POST', '/cgi-bin/externalcontact/remark', opts, ({ body, app }) => {
		validate(body, {
			userid: { type: 'string', required: true },
			external_userid: { type: 'string', required: true },
			remark: { type: 'string', max: 20, unit: 'chars' },
			description: { type: 'string', max: 150, unit: 'chars' },
			remark_company: { type: 'string', max: 20, unit: 'chars' },
			remark_mobiles: { type: 'string[]' },
			remark_pic_mediaid: { type: 'string' },
		});
		const fields = [
			'remark',
			'description',
			'remark_company',
			'remark_mobiles',
			'remark_pic_mediaid',
		];
		// UNCONFIRMED: the code for "all empty" (documented as not allowed); 40058 = invalid parameter.
		if (fields.every((f) => body[f] === undefined)) fail(40058, 'remark fields are all empty');
		const { contact, follow } = relation(app, body.userid, body.external_userid);
		if (body.remark !== undefined) follow.remark = body.remark;
		if (body.description !== undefined) follow.description = body.description;
		// "remark_company只在此外部联系人为微信用户时有效".
		if (body.remark_company !== undefined && contact.external_contact.type === 1)
			follow.remark_corp_name = body.remark_company;
		if (body.remark_mobiles !== undefined)
			follow.remark_mobiles = (body.remark_mobiles as string[]).filter((m) => m !== '');
		return {};
	});

	// path/92118: add_tag and remove_tag not both empty; corp tags only.
	wecomRoute(router, world, 'POST', '/cgi-bin/externalcontact/mark_tag', opts, ({ body, app }) => {
		validate(body, {
			userid: { type: 'string', required: true },
			external_userid: { type: 'string', required: true },
			add_tag: { type: 'string[]' },
			remove_tag: { type: 'string[]' },
		});
		const add = (body.add_tag as string[] | undefined) ?? [];
		const remove = (body.remove_tag as string[] | undefined) ?? [];
		// UNCONFIRMED: the code for "both empty"; 40058 = invalid parameter.
		if (!add.length && !remove.length) fail(40058, 'add_tag and remove_tag are both empty');
		// UNCONFIRMED: the code for a tag outside the library; 40068 = invalid tag ID.
		for (const id of [...add, ...remove]) if (!store().tag(id)) fail(40068, `invalid tagid ${id}`);
		const { follow } = relation(app, body.userid, body.external_userid);
		let tags = ((follow.tags as Array<Record<string, unknown>>) ?? []).filter(
			(t) => !remove.includes(String(t.tag_id)),
		);
		for (const id of add) {
			if (tags.some((t) => t.tag_id === id)) continue;
			const { group, tag } = store().tag(id)!;
			tags = [...tags, { group_name: group.group_name, tag_name: tag.name, type: 1, tag_id: id }];
		}
		follow.tags = tags;
		return {};
	});

	// path/92117: with group_id given, tag_id is ignored; no filter = the whole library.
	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/externalcontact/get_corp_tag_list',
		opts,
		({ body }) => {
			validate(body, { tag_id: { type: 'string[]' }, group_id: { type: 'string[]' } });
			const groups = (body.group_id as string[] | undefined) ?? [];
			const tags = (body.tag_id as string[] | undefined) ?? [];
			const tag_group = store()
				.tagGroups.filter((g) => !groups.length || groups.includes(g.group_id))
				.map((g) => ({
					...g,
					tag: groups.length || !tags.length ? g.tag : g.tag.filter((t) => tags.includes(t.id)),
				}))
				.filter((g) => g.tag.length);
			return { tag_group };
		},
	);

	// path/92120: limit 1–1,000 (required), at most 100 owners; without an owner filter an app that sees
	// more than 1,000 members is refused with 81017.
	wecomRoute(
		router,
		world,
		'POST',
		'/cgi-bin/externalcontact/groupchat/list',
		opts,
		({ body, app }) => {
			validate(body, {
				status_filter: { type: 'uint', enum: [0, 1, 2, 3] },
				owner_filter: { type: 'object', fields: { userid_list: { type: 'string[]', max: 100 } } },
				cursor: { type: 'string' },
				limit: { type: 'uint', required: true, min: 1, max: 1000 },
			});
			const owners =
				((body.owner_filter as Record<string, unknown>)?.userid_list as string[] | undefined) ?? [];
			if (!owners.length) {
				const visible = [...world.contacts.members.values()].filter((m) =>
					world.canSee(app, m),
				).length;
				if (visible > 1000) fail(81017, 'too many owners, add owner_filter');
			}
			const status = Number(body.status_filter ?? 0);
			const chats = [...store().groupChats.values()].filter(
				(c) =>
					(!owners.length || owners.includes(c.owner)) && (status === 0 || c.status === status),
			);
			const start = decodeCursor(body.cursor);
			const end = start + Number(body.limit);
			return {
				group_chat_list: chats
					.slice(start, end)
					.map((c) => ({ chat_id: c.chat_id, status: c.status })),
				next_cursor: end < chats.length ? encodeCursor(end) : '',
			};
		},
	);

	// path/92122: need_name 0/1 adds the members' names.
	wecomRoute(router, world, 'POST', '/cgi-bin/externalcontact/groupchat/get', opts, ({ body }) => {
		validate(body, {
			chat_id: { type: 'string', required: true },
			need_name: { type: 'uint', enum: [0, 1] },
		});
		const chat = store().groupChats.get(String(body.chat_id));
		// UNCONFIRMED: the code for an unknown customer group; 40050 = chatid不存在 (appchat).
		if (!chat) fail(40050, 'chatid not found');
		return {
			group_chat: {
				...omit(chat, 'status'),
				member_list: chat.member_list.map((m) => (body.need_name === 1 ? m : omit(m, 'name'))),
			},
		};
	});
}
