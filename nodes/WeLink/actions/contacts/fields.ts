import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { departmentLocator } from '../common/fields';
import { MAX_WAIT_SECONDS } from './batchSync';

/** Fields of the Department and User resources alike. */

/** The department an operation works on (Department: Get, Update, Delete; User: Get Many). */
export const departmentField = (displayOptions: IDisplayOptions): INodeProperties =>
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'The department, by WeLink code (deptCode) or your own code (corpDeptCode)',
		required: true,
		displayOptions,
	});

/** How long a batch sync waits for its WeLink jobs. */
export const maxWaitOption = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions,
	options: [
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
			default: 120,
			description:
				'How long to wait for each WeLink job to finish; WeLink keeps working on it afterwards (read it with Get Batch Job)',
		},
	],
});
