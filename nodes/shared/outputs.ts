import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OperationMap } from './router';

/**
 * A node's outputs: one main output, and the named outputs of the operations that have several
 * (`outputNames`). As for n8n's Switch node, the expression is evaluated against the node's own
 * parameters, in the editor and when it runs; n8n appends the error output after these when the node
 * is set to continue using it.
 */
export function nodeOutputs(operations: OperationMap): INodeTypeDescription['outputs'] {
	const named: Record<string, string[]> = {};
	for (const [resource, byName] of Object.entries(operations))
		for (const [operation, entry] of Object.entries(byName))
			if ('outputNames' in entry) named[`${resource}:${operation}`] = [...entry.outputNames];
	if (!Object.keys(named).length) return [NodeConnectionTypes.Main];
	const main = JSON.stringify(NodeConnectionTypes.Main);
	const lookup = `(${JSON.stringify(named)})[$parameter.resource + ":" + $parameter.operation]`;
	return `={{ ((names) => names ? names.map((displayName) => ({ type: ${main}, displayName })) : [${main}])(${lookup}) }}`;
}
