import nock from 'nock';
import type { INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { renamedOperations } from '../../../nodes/WeCom/actions/router';
import { weComTokens } from '../../../nodes/WeCom/transport/token';
import { packageNodes } from '../../harness/registry.cjs';
import { runNode } from '../../harness/run.cjs';

/**
 * Version 2 of the WeCom node names its list operations Get Many (`getAll`); a workflow saved with
 * version 1 (`list`, `listIds`) must open with the same fields in n8n's panel and run the same call.
 */

const weCom = packageNodes.find((n) => n.description.name === 'weCom')!.description;
const node = (typeVersion: number, parameters: INode['parameters']): INode => ({
	id: 'n',
	name: 'WeCom',
	type: 'n8n-nodes-wecom-welink.weCom',
	typeVersion,
	position: [0, 0],
	parameters,
});

/** The parameters n8n's panel resolves for a node: what it shows, with defaults filled in. */
const resolved = (typeVersion: number, parameters: INode['parameters']) =>
	NodeHelpers.getNodeParameters(
		weCom.properties,
		parameters,
		true,
		false,
		node(typeVersion, parameters),
		weCom,
	) as Record<string, unknown>;

/** The operation values n8n offers for a resource at a version. */
function offered(typeVersion: number, resource: string) {
	const pickers = weCom.properties.filter(
		(p: INodeProperties) =>
			p.name === 'operation' &&
			NodeHelpers.displayParameter({ resource }, p, node(typeVersion, { resource }), weCom),
	);
	expect(pickers).toHaveLength(1);
	return (pickers[0].options as INodePropertyOptions[]).map((o) => o.value);
}

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
