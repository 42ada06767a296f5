import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HarnessNodeTypes, packageCredentials, packageNodes } from '../../harness/registry.cjs';

/**
 * What a person reads in the node panel and on the canvas: action names, event names and subtitles.
 * n8n's lint rules and n8n's node creator both rewrite text by case; these tests catch the results
 * ("Sync an org to we com", "On app member opened the app enter agent", "syncToWeCom: contactsSync").
 */

function walk(properties: INodeProperties[], visit: (p: INodeProperties) => void) {
	for (const property of properties) {
		visit(property);
		for (const option of (property.options ?? []) as Array<
			INodeProperties | { values?: INodeProperties[] }
		>) {
			if ('displayName' in option) walk([option], visit);
			if ('values' in option && option.values) walk(option.values, visit);
		}
	}
}

function texts(node: INodeType) {
	const found: string[] = [];
	walk(node.description.properties, (property) => {
		found.push(property.displayName);
		if (property.type === 'options' || property.type === 'multiOptions') {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				found.push(option.name);
				if (option.action) found.push(option.action);
			}
		}
	});
	return found;
}

/** Product names and acronyms split or lowered by case conversion. */
const GARBLED = /\b(we com|we link|we chat|i ds|open id)\b|\(\w+_\w+|\b[A-Z][a-z]+_[a-z]+\b/i;

describe('text the editor shows', () => {
	it.each(packageNodes.map((node) => [node.description.displayName, node] as const))(
		'%s: names and actions keep product names and IDs intact',
		(_name, node) => {
			const bad = texts(node).filter((text) => GARBLED.test(text));
			expect(bad).toEqual([]);
		},
	);

	it.each(
		packageNodes
			.filter((node) => node.description.group.includes('output'))
			.map((node) => [node.description.displayName, node] as const),
	)('%s: every operation has an action a person would write', (_name, node) => {
		const missing: string[] = [];
		walk(node.description.properties, (property) => {
			if (property.name !== 'operation') return;
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				if (!option.action || option.action === option.action.toLowerCase())
					missing.push(String(option.value));
			}
		});
		expect(missing).toEqual([]);
	});

	it.each(
		packageNodes
			.filter((node) => node.description.group.includes('trigger'))
			.map((node) => [node.description.displayName, node] as const),
	)(
		'%s: event names have no camel-case words (the node creator splits "WeChat" into "we chat")',
		(_name, node) => {
			const events = node.description.properties.find((p) => p.name === 'events');
			const names = ((events?.options ?? []) as INodePropertyOptions[]).map((o) => o.name);
			expect(names.filter((name) => /\b[A-Za-z]+[a-z][A-Z]\w*/.test(name))).toEqual([]);
		},
	);

	it('credential names are this pack’s own (n8n credential types are global across packs)', () => {
		expect(
			packageCredentials.map((c) => c.name).filter((n) => !n.startsWith('wecomWelink')),
		).toEqual([]);
	});
});

describe('subtitles', () => {
	const nodeTypes = new HarnessNodeTypes();

	function subtitle(type: string, parameters: Record<string, unknown>) {
		const node = packageNodes.find((n) => n.description.name === type) as INodeType;
		const workflow = new Workflow({
			nodes: [
				{
					id: '1',
					name: 'Node',
					type: `CUSTOM.${type}`,
					typeVersion: 1,
					position: [0, 0],
					parameters: parameters as never,
				},
			],
			connections: {},
			active: false,
			nodeTypes,
		});
		return workflow.expression.getSimpleParameterValue(
			workflow.getNode('Node')!,
			node.description.subtitle as string,
			'internal',
			{},
		);
	}

	it('names the operation as the action list does', () => {
		expect(subtitle('weCom', { resource: 'contactsSync', operation: 'syncToWeCom' })).toBe(
			'Sync an org to WeCom',
		);
		expect(subtitle('weCom', { resource: 'meeting', operation: 'create' })).toBe(
			'Create a meeting',
		);
		expect(subtitle('weLink', { resource: 'todo', operation: 'create' })).toBe('Create a todo');
	});

	it('names the selected trigger events', () => {
		expect(subtitle('weComTrigger', { events: ['*'] })).toBe('All Messages and Events');
		expect(subtitle('weComTrigger', { events: ['event:sys_approval_change', 'msg:text'] })).toBe(
			'Approval: Status Changed, Message: Text',
		);
		expect(subtitle('weLinkTrigger', { events: ['corpDelUser'] })).toBe('Contacts: User Deleted');
	});
});
