import type { INodeProperties } from 'n8n-workflow';

import { syncProperties } from '../../../shared/orgSync/node';
import * as exportFromWeCom from './exportFromWeCom.operation';
import { DEFAULT_EMPLOYEE_NO_ATTRIBUTE } from './platform';
import * as syncToWeCom from './syncToWeCom.operation';
import { properNounAction } from '../../../shared/subtitles';

export const operations = { syncToWeCom, exportFromWeCom };

const employeeNoAttribute: INodeProperties = {
	displayName: 'Employee Number Attribute',
	name: 'employeeNoAttribute',
	type: 'string',
	default: DEFAULT_EMPLOYEE_NO_ATTRIBUTE,
	description: 'Name of the custom attribute (扩展属性) that holds the employee number in WeCom',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactsSync'] } },
		options: [
			{
				name: 'Export From WeCom',
				value: 'exportFromWeCom',
				action: properNounAction('Export the org from WeCom'),
				description: 'Every department (with its path) and member, as items for another system',
			},
			{
				name: 'Sync to WeCom',
				value: 'syncToWeCom',
				action: properNounAction('Sync an org to WeCom'),
				description:
					'Make WeCom’s departments and members match the input items (同步通讯录到企业微信)',
			},
		],
		default: 'syncToWeCom',
	},
	{
		displayName:
			'Needs the contacts-sync secret (通讯录同步 → API 编辑通讯录) in the credential, and the server’s IP in its trusted IPs.',
		name: 'secretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['contactsSync'] } },
	},
	...syncProperties({
		resource: 'contactsSync',
		operation: 'syncToWeCom',
		platform: 'WeCom',
		extraOptions: [employeeNoAttribute],
	}),
	{
		displayName: 'Options',
		name: 'exportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contactsSync'], operation: ['exportFromWeCom'] } },
		options: [
			employeeNoAttribute,
			{
				displayName: 'Include Members',
				name: 'includeMembers',
				type: 'boolean',
				default: true,
				description: 'Whether to export members too, or only departments',
			},
		],
	},
];
