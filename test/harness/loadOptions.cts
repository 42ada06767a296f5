import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { HarnessCredentialsHelper } from './credentials.cjs';
import { HarnessNodeTypes } from './registry.cjs';
import { credentialId } from './run.cjs';

/**
 * A picker of the pack as n8n's editor runs it (packages/cli DynamicNodeParametersService): a
 * one-node workflow holding the node's parameters (defaults filled in) and the credentials selected
 * on it, and n8n-core's LoadOptionsContext, so credentials go through n8n's own checks and the
 * harness credentials helper (tokens, preAuthentication).
 */
export async function pickFrom(options: {
	type: string;
	parameters: INodeParameters;
	/** The credentials selected on the node, by type. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** loadOptions method, or listSearch method with its filter and pagination token. */
	method: string;
	listSearch?: { filter?: string; paginationToken?: string };
}): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const nodeTypes = new HarnessNodeTypes();
	const type = `CUSTOM.${options.type}`;
	const nodeType = nodeTypes.getByNameAndVersion(type, 1);
	const credentialsHelper = new HarnessCredentialsHelper();
	const credentials: INode['credentials'] = {};
	for (const [name, data] of Object.entries(options.credentials)) {
		credentialsHelper.set(credentialId(name), name, data);
		credentials[name] = { id: credentialId(name), name: `${name} (harness)` };
	}
	const node: INode = {
		id: 'picker',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	// The editor sends the node's parameters as it shows them: defaults filled in.
	const currentNodeParameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		options.parameters,
		true,
		false,
		node,
		nodeType.description,
	);
	const additionalData = {
		credentialsHelper,
		currentNodeParameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('Node') as INode,
		additionalData,
		'parameters.picker',
	);
	const methods = nodeType.methods ?? {};
	if (options.listSearch) {
		const search = methods.listSearch?.[options.method];
		if (!search) throw new Error(`no listSearch method ${options.method}`);
		return await search.call(
			context,
			options.listSearch.filter,
			options.listSearch.paginationToken,
		);
	}
	const load = methods.loadOptions?.[options.method];
	if (!load) throw new Error(`no loadOptions method ${options.method}`);
	return await load.call(context);
}
