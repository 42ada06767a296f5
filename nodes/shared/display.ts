import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Shows a field for some operations of one resource. */
export function showFor(resource: string, ...operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

/** What an operation file tells its resource's picker about itself. */
export type OperationOption = INodePropertyOptions & { action: string };

/** The Operation picker of a resource, built from its operation files (listed by name, as n8n does). */
export function operationPicker(
	resource: string,
	options: OperationOption[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
	};
}
