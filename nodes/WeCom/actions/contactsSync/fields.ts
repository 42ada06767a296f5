import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_EMPLOYEE_NO_ATTRIBUTE } from './target';

/** Parameters both Contacts Sync operations show. */

export const readWith: INodeProperties = {
	displayName: 'Read Directory With',
	name: 'readWith',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Contacts Reader Credential (Self-Built App)',
			value: 'readerApp',
			description:
				'Works on every tenant: names and fields come from a self-built app whose visible range (可见范围) covers the synced departments; the WeCom API credential (contacts-sync secret) only lists IDs and writes',
		},
		{
			name: 'WeCom API Credential (Legacy Tenant)',
			value: 'credential',
			description:
				'Everything through the WeCom API credential: the contacts-sync secret only where this server’s IP was added to 通讯录同步 before 2022-08-15 (WeCom answers 48009 otherwise); for Export, any self-built app’s secret',
		},
	],
	default: 'readerApp',
	displayOptions: { show: { resource: ['contactsSync'] } },
};

export const employeeNoAttribute: INodeProperties = {
	displayName: 'Employee Number Attribute',
	name: 'employeeNoAttribute',
	type: 'string',
	default: DEFAULT_EMPLOYEE_NO_ATTRIBUTE,
	description:
		'Name of the custom attribute (扩展属性) that holds the employee number in WeCom; it must be defined in 通讯录 → 成员字段 (WeCom ignores others)',
};

export const lookupLimit: INodeProperties = {
	displayName: 'Max Lookups per Run',
	name: 'lookupLimit',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 1000,
	description:
		'When the reader cannot see mobiles or emails (self-built apps created after 2022-06-20), Match Members By Mobile or Email asks WeCom for each source member not linked yet (手机号获取userid / 邮箱获取userid): once per value, paced, the answers cached. WeCom blocks the app for a day when too many asked numbers are unknown (more than 20 % of the corp’s member limit), so at most this many are asked per run; the rest wait for the next run.',
};
