import type { INode } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { HarnessNodeTypes } from '../harness/registry.cjs';

/**
 * The outputs n8n computes from the nodes' `outputs` expression, as the editor draws them and the
 * engine routes items: two named outputs for the sync operations only, the error output after them.
 */
const nodeTypes = new HarnessNodeTypes();

function outputsOf(type: string, parameters: INode['parameters'], onError?: INode['onError']) {
	const node: INode = {
		id: 'node',
		name: 'Node',
		type: `CUSTOM.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...(onError ? { onError } : {}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const description = nodeTypes.getByNameAndVersion(node.type, 1).description;
	// The Workflow fills in the parameters' defaults, as n8n does for a stored node.
	return NodeHelpers.getNodeOutputs(workflow, workflow.getNode('Node') as INode, description).map(
		(output) => (typeof output === 'string' ? output : (output.displayName ?? output.type)),
	);
}

describe('node outputs', () => {
	it('Sync to WeCom and Sync to WeLink have Actions and Summary; n8n adds the error output after them', () => {
		const weCom = { resource: 'contactsSync', operation: 'syncToWeCom' };
		const weLink = { resource: 'contactsSync', operation: 'syncToWeLink' };
		expect(outputsOf('weCom', weCom)).toEqual(['Actions', 'Summary']);
		expect(outputsOf('weLink', weLink)).toEqual(['Actions', 'Summary']);
		expect(outputsOf('weCom', weCom, 'continueErrorOutput')).toEqual([
			'Actions',
			'Summary',
			'Error',
		]);
		// The default operation of Contacts Sync is the sync.
		expect(outputsOf('weLink', { resource: 'contactsSync' })).toEqual(['Actions', 'Summary']);
	});

	it('every other operation keeps one main output', () => {
		expect(outputsOf('weCom', { resource: 'contactsSync', operation: 'exportFromWeCom' })).toEqual([
			'main',
		]);
		expect(outputsOf('weCom', { resource: 'member', operation: 'get' })).toEqual(['main']);
		expect(outputsOf('weCom', {})).toEqual(['main']);
		expect(outputsOf('weLink', { resource: 'message', operation: 'sendPlainCard' })).toEqual([
			'main',
		]);
		expect(
			outputsOf('weLink', { resource: 'user', operation: 'syncBatch' }, 'continueErrorOutput'),
		).toEqual(['Success', 'Error']);
	});
});
