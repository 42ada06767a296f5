import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';

export const RESOURCE = 'media';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** The binary field of the input item holding the file to upload. */
export function inputBinaryField(operations: string[]): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: show(...operations),
	};
}
