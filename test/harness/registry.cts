import type {
	ICredentialType,
	IExecuteFunctions,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import pkg from '../../package.json';

/**
 * The pack's nodes and credentials, loaded the way n8n does (from the lists in package.json), from
 * source under ts-jest or from build/ when compiled. Each node answers to `CUSTOM.<name>` (how
 * n8n names nodes loaded from a custom folder, used by the e2e fixtures) and to the package prefix.
 */

function sourcePath(distPath: string) {
	return `../../${distPath.replace(/^dist\//, '').replace(/\.js$/, '')}`;
}

function firstClass<T>(module: Record<string, unknown>): T {
	const ctor = Object.values(module).find((v) => typeof v === 'function') as
		| (new () => T)
		| undefined;
	if (!ctor) throw new Error('module exports no class');
	return new ctor();
}

export const packageNodes: INodeType[] = pkg.n8n.nodes.map((p) =>
	firstClass<INodeType>(require(sourcePath(p))),
);

export const packageCredentials: ICredentialType[] = pkg.n8n.credentials.map((p) =>
	firstClass<ICredentialType>(require(sourcePath(p))),
);

/** The version n8n gives a node of this pack when a person adds it. */
export function latestVersion(name: string): number {
	const node = packageNodes.find((n) => n.description.name === name);
	const { version, defaultVersion } = node?.description ?? { version: 1 };
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/** Passes the items it is given to the next node: the start of every harness workflow. */
class HarnessInput implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Input',
		name: 'harnessInput',
		group: ['input'],
		version: 1,
		description: 'Starts a harness workflow with given items',
		defaults: { name: 'Input' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	}
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(extra: Record<string, INodeType> = {}) {
		for (const node of packageNodes) {
			this.types.set(`CUSTOM.${node.description.name}`, node);
			this.types.set(`${pkg.name}.${node.description.name}`, node);
		}
		this.types.set('harness.input', new HarnessInput());
		for (const [name, node] of Object.entries(extra)) this.types.set(name, node);
	}

	getByName(nodeType: string) {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type in the harness: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}

export function credentialType(name: string): ICredentialType {
	const type = packageCredentials.find((c) => c.name === name);
	if (!type) throw new Error(`Unknown credential type: ${name}`);
	return type;
}
