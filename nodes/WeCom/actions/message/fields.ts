import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { listPickerField } from '../../../shared/fields';
import { membersField } from '../common/fields';

export const RESOURCE = 'message';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** Who gets an app message: everyone, or any number of members, departments and tags. */
export function recipientFields(operations: string[]): INodeProperties[] {
	const forOperations = { resource: [RESOURCE], operation: operations };
	return [
		{
			displayName: 'Send to Everyone',
			name: 'toAll',
			type: 'boolean',
			default: false,
			description: 'Whether to send to everyone in the app’s visible range (@all)',
			displayOptions: { show: forOperations },
		},
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'collection',
			placeholder: 'Add Recipients',
			default: {},
			displayOptions: { show: { ...forOperations, toAll: [false] } },
			options: [
				listPickerField({
					name: 'departments',
					displayName: 'Department Names or IDs',
					description: 'Every member of these departments (部门); any number, sent 100 per call.',
					loadOptionsMethod: 'getDepartments',
				}),
				membersField({
					name: 'members',
					displayName: 'Members',
					description:
						'Member IDs (账号), or mobile numbers with "Members Are Mobile Numbers"; any number, sent 1,000 per call.',
				}),
				{
					displayName: 'Members Are Mobile Numbers',
					name: 'membersAreMobiles',
					type: 'boolean',
					default: false,
					description:
						'Whether Members holds mobile numbers, which are turned into member IDs first (user/getuserid); numbers WeCom does not know are listed in the output',
				},
				listPickerField({
					name: 'tags',
					displayName: 'Tag Names or IDs',
					description: 'Every member with these tags (标签); any number, sent 100 per call.',
					loadOptionsMethod: 'getTags',
				}),
			],
		},
	];
}
