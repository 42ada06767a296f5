import type { INodeProperties } from 'n8n-workflow';

/** "Return All" and "Limit" for the list operations of a contacts resource. */
export function returnAllFields(resource: string, operation: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resource], operation, returnAll: [false] } },
		},
	];
}
