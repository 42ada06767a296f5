import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';

export const RESOURCE = 'approval';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** 申请单状态 (sp_status), path/91983. */
export const APPROVAL_STATUS: Record<number, string> = {
	1: 'pending',
	2: 'approved',
	3: 'rejected',
	4: 'withdrawn',
	6: 'revoked after approval',
	7: 'deleted',
	10: 'paid',
};

export function templateIdField(operations: string[], description: string): INodeProperties {
	return {
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3Tka1eD6v6JfzhDMqPd3aMkFdxqtJMc2ZRioeFXk',
		description,
		displayOptions: show(...operations),
	};
}
