import nock from 'nock';
import type {
	INode,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { renamedOperations } from '../../../nodes/WeCom/actions/router';
import { contactVersion1 } from '../../../nodes/WeLink/actions/version1';
import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { credentials as weLinkCredentials, fakeWeLink, resetWeLink } from '../welink/fake';
import { packageNodes } from '../../harness/registry.cjs';
import { runNode } from '../../harness/run.cjs';

/**
 * Version 2 of the WeCom node names its list operations Get Many (`getAll`), and version 2 of the
 * WeLink node splits Contact into Department and User; a workflow saved with version 1 must open
 * with the same fields in n8n's panel and run the same call.
 */

const described = (name: string) =>
	packageNodes.find((n) => n.description.name === name)!.description;
const node = (typeVersion: number, parameters: INode['parameters']): INode => ({
	id: 'n',
	name: 'Node',
	type: 'n8n-nodes-wecom-welink.node',
	typeVersion,
	position: [0, 0],
	parameters,
});

/** What n8n's panel does with a node type's description at a version. */
function panel(description: INodeTypeDescription) {
	return {
		/** The parameters n8n resolves for a node: what it shows, with defaults filled in. */
		resolved: (typeVersion: number, parameters: INode['parameters']) =>
			NodeHelpers.getNodeParameters(
				description.properties,
				parameters,
				true,
				false,
				node(typeVersion, parameters),
				description,
			) as Record<string, unknown>,
		/** The values a picker offers at a version, for a node with these parameters. */
		offered(typeVersion: number, name: string, parameters: INode['parameters'] = {}) {
			const pickers = description.properties.filter(
				(p: INodeProperties) =>
					p.name === name &&
					NodeHelpers.displayParameter(parameters, p, node(typeVersion, parameters), description),
			);
			expect(pickers).toHaveLength(1);
			return (pickers[0].options as INodePropertyOptions[]).map((o) => o.value);
		},
	};
}

const weCom = described('weCom');
const { resolved } = panel(weCom);
const offered = (typeVersion: number, resource: string) =>
	panel(weCom).offered(typeVersion, 'operation', { resource });

describe('WeCom node versions 1 and 2', () => {
	it('is version 2 for a new node, and still loads version 1', () => {
		expect(weCom.version).toEqual([1, 2]);
		expect(weCom.defaultVersion).toBe(2);
	});

	it.each(Object.entries(renamedOperations))(
		'offers %s operations under n8n’s names in version 2 and the saved names in version 1',
		(resource, names) => {
			const current = offered(2, resource);
			const old = offered(1, resource);
			for (const [now, before] of Object.entries(names)) {
				expect(current).toContain(now);
				expect(current).not.toContain(before);
				expect(old).toContain(before);
				expect(old).not.toContain(now);
			}
			// Everything else is offered alike.
			expect(old.filter((v) => !Object.values(names).includes(String(v)))).toEqual(
				current.filter((v) => !Object.keys(names).includes(String(v))),
			);
		},
	);

	it.each([
		['member', 'getAll', 'list', { department: { __rl: true, mode: 'id', value: '2' } }],
		['member', 'getAllIds', 'listIds', {}],
		['department', 'getAll', 'list', {}],
		['meeting', 'getAll', 'list', { memberUserId: { __rl: true, mode: 'id', value: 'zhangsan' } }],
		['tag', 'getAll', 'list', {}],
	])(
		'shows a version 1 %s “%s” saved as “%s” with the same fields',
		(resource, now, before, rest) => {
			const v2 = resolved(2, { resource, operation: now, ...rest });
			const v1 = resolved(1, { resource, operation: before, ...rest });
			expect({ ...v1, operation: now }).toEqual(v2);
			expect(Object.keys(v2).length).toBeGreaterThan(2);
		},
	);

	it('keeps the default operation of version 1 (a saved workflow omits a default value)', () => {
		expect(resolved(1, { resource: 'department' }).operation).toBe('list');
		expect(resolved(2, { resource: 'department' }).operation).toBe('getAll');
		expect(resolved(1, { resource: 'tag' }).operation).toBe('list');
	});

	describe('running', () => {
		const BASE = 'https://wecom.test';
		const credentials = {
			wecomWelinkWeComApi: {
				corpId: 'ww-unit',
				secret: 'dummy-secret',
				agentId: '1000002',
				baseUrl: BASE,
				accessToken: 'TOKEN',
				accessTokenRefreshAt: Date.now() + 3600_000,
			},
		};
		beforeEach(() => {
			weComTokens.clear();
			nock.disableNetConnect();
		});
		afterEach(() => nock.cleanAll());

		it('runs a version 1 “list” as version 2’s Get Many: the same call, the same items', async () => {
			const outputs = [];
			for (const [typeVersion, operation] of [
				[1, 'list'],
				[2, 'getAll'],
			] as const) {
				const scope = nock(BASE)
					.get('/cgi-bin/tag/list')
					.query({ access_token: 'TOKEN' })
					.reply(200, { errcode: 0, taglist: [{ tagid: 1, tagname: '经理' }] });
				const run = await runNode(
					{
						type: 'weCom',
						typeVersion,
						parameters: { resource: 'tag', operation, returnAll: true },
					},
					{ credentials },
				);
				expect(scope.isDone()).toBe(true);
				outputs.push(run.output('Node'));
			}
			expect(outputs[0]).toEqual([{ tagid: 1, tagname: '经理' }]);
			expect(outputs[1]).toEqual(outputs[0]);
		});
	});
});

describe('WeLink node versions 1 and 2', () => {
	const weLink = described('weLink');
	const { resolved: resolvedWeLink, offered: offeredWeLink } = panel(weLink);
	const moved = Object.entries(contactVersion1.operations);

	it('is version 2 for a new node, and still loads version 1', () => {
		expect(weLink.version).toEqual([1, 2]);
		expect(weLink.defaultVersion).toBe(2);
	});

	it('offers Department and User in version 2, and Contact with its own operations in version 1', () => {
		const v2 = offeredWeLink(2, 'resource');
		const v1 = offeredWeLink(1, 'resource');
		expect(v2).toEqual(expect.arrayContaining(['department', 'user']));
		expect(v2).not.toContain('contact');
		expect(v1).toContain('contact');
		expect(v1).not.toEqual(expect.arrayContaining(['department']));
		expect(v1).not.toContain('user');
		expect(v1.filter((r) => r !== 'contact')).toEqual(
			v2.filter((r) => r !== 'department' && r !== 'user'),
		);
		expect(offeredWeLink(1, 'operation', { resource: 'contact' }).sort()).toEqual(
			moved.map(([name]) => name).sort(),
		);
		// Every operation of Department and User is reachable from version 1, but Get Batch Job once.
		const reached = new Set(moved.map(([, to]) => `${to.resource}:${to.operation}`));
		for (const resource of ['department', 'user'])
			for (const operation of offeredWeLink(2, 'operation', { resource }))
				if (operation !== 'getBatchJob') expect(reached).toContain(`${resource}:${operation}`);
	});

	it.each(moved)(
		'shows a version 1 Contact “%s” with the fields it has now',
		(name, { resource, operation }) => {
			const v2 = resolvedWeLink(2, { resource, operation });
			const v1 = resolvedWeLink(1, { resource: 'contact', operation: name });
			expect({ ...v1, resource, operation }).toEqual(v2);
			expect(Object.keys(v2).length).toBeGreaterThan(2);
		},
	);

	it('keeps the default operation of version 1’s Contact (a saved workflow omits a default value)', () => {
		expect(resolvedWeLink(1, { resource: 'contact' }).operation).toBe('getUser');
		expect(resolvedWeLink(2, { resource: 'user' }).operation).toBe('get');
	});

	it('runs a version 1 Contact “getDepartment” as version 2’s Department → Get: the same call, the same item', async () => {
		resetWeLink();
		const calls = fakeWeLink(() => ({ code: '0', deptCode: '1001', deptNameCn: '研发部' }));
		const outputs = [];
		for (const [typeVersion, resource, operation] of [
			[1, 'contact', 'getDepartment'],
			[2, 'department', 'get'],
		] as const) {
			const run = await runNode(
				{
					type: 'weLink',
					typeVersion,
					parameters: {
						resource,
						operation,
						department: { __rl: true, mode: 'id', value: '1001' },
					},
				},
				{ credentials: weLinkCredentials },
			);
			outputs.push(run.output('Node'));
		}
		expect(calls.map((c) => [c.method, c.path, c.query])).toEqual([
			['GET', '/contact/v2/department/detail', { deptCode: '1001' }],
			['GET', '/contact/v2/department/detail', { deptCode: '1001' }],
		]);
		expect(outputs[0]).toEqual([{ deptCode: '1001', deptNameCn: '研发部' }]);
		expect(outputs[1]).toEqual(outputs[0]);
	});
});
