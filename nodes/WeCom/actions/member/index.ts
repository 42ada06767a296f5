import type { INodeProperties } from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';

import { memberLocator, membersField } from '../common/members';
import { departmentLocator } from '../common/departments';
import { returnAllFields } from '../../../shared/list';
import * as convertToOpenId from './convertToOpenId.operation';
import * as convertToUserId from './convertToUserId.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import { additionalFields, updateFields } from './fields';
import * as get from './get.operation';
import * as getIdByEmail from './getIdByEmail.operation';
import * as getIdByMobile from './getIdByMobile.operation';
import * as getAll from './getAll.operation';
import * as getAllIds from './getAllIds.operation';
import * as update from './update.operation';
import { properNounAction } from '../../../shared/subtitles';

export const operations = {
	create,
	update,
	delete: del,
	deleteMany,
	get,
	getAll,
	getAllIds,
	getIdByMobile,
	getIdByEmail,
	convertToOpenId,
	convertToUserId,
};

const show = (operation: string[]) => ({ show: { resource: ['member'], operation } });

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['member'] } },
		options: [
			{
				name: 'Convert ID to OpenID',
				value: 'convertToOpenId',
				action: properNounAction('Convert a member ID to an OpenID'),
				description: 'The WeChat openid of a member, e.g. for WeChat Pay (userid转openid)',
			},
			{
				name: 'Convert OpenID to ID',
				value: 'convertToUserId',
				action: properNounAction('Convert an OpenID to a member ID'),
				description: 'The member behind a WeChat openid (openid转userid)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a member',
				description: 'Add a member (创建成员; contacts-sync secret)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a member',
				description: 'Delete one member (删除成员)',
			},
			{
				name: 'Delete Many',
				value: 'deleteMany',
				action: 'Delete many members',
				description: 'Delete any number of members, 200 per call (批量删除成员)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a member',
				description: 'Read one member (读取成员)',
			},
			{
				name: 'Get ID by Email',
				value: 'getIdByEmail',
				action: 'Get a member ID by email',
				description: 'Find a member by corp or personal email (邮箱获取userid)',
			},
			{
				name: 'Get ID by Mobile',
				value: 'getIdByMobile',
				action: 'Get a member ID by mobile',
				description: 'Find a member by mobile number (手机号获取userid)',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many members',
				description: 'Members of a department, optionally also of the departments below it',
			},
			{
				name: 'Get Many IDs',
				value: 'getAllIds',
				action: properNounAction('Get many member IDs'),
				description: 'Every member ID with departments (user/list_id; contacts-sync secret)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a member',
				description: 'Change a member’s fields, departments or status (更新成员)',
			},
		],
		default: 'get',
	},

	// Create
	{
		displayName: 'Member ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'zhangsan',
		description:
			'The member’s account (账号): 1–64 letters, digits or _-@., unique in the corp (case-insensitive)',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: '1–64 characters',
		displayOptions: show(['create']),
	},
	listPickerField({
		name: 'departments',
		displayName: 'Department Names or IDs',
		description:
			'Up to 100 departments; the first is the main one unless Main Department ID says otherwise.',
		loadOptionsMethod: 'getDepartments',
		required: true,
		displayOptions: show(['create']),
	}),
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		default: '',
		placeholder: '+86 13800000000',
		description: 'Mobile or email is required; unique in the corp',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Mobile or email is required; 6–64 bytes, unique in the corp',
		displayOptions: show(['create']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['create']),
		options: additionalFields,
	},

	// One member
	memberLocator({
		name: 'member',
		displayName: 'Member',
		description: 'The member (成员)',
		required: true,
		displayOptions: show(['update', 'delete', 'get', 'convertToOpenId']),
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['update']),
		options: updateFields,
	},
	membersField({
		name: 'members',
		displayName: 'Members',
		description: 'The members to delete; any number.',
		displayOptions: show(['deleteMany']),
	}),

	// Get Many
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'Whose members to list',
		required: true,
		defaultId: '1',
		displayOptions: show(['getAll']),
	}),
	{
		displayName: 'Include Sub-Departments',
		name: 'includeSubDepartments',
		type: 'boolean',
		default: false,
		description: 'Whether to include the members of every department below it (each member once)',
		displayOptions: show(['getAll']),
	},
	...returnAllFields('member', ['getAll', 'getAllIds']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{
				displayName: 'Details',
				name: 'detailed',
				type: 'boolean',
				default: true,
				description:
					'Whether to return every field (user/list) or only ID, name and departments (user/simplelist)',
			},
		],
	},

	// Lookups
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: '13800000000',
		displayOptions: show(['getIdByMobile']),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		placeholder: 'name@email.com',
		default: '',
		displayOptions: show(['getIdByEmail']),
	},
	{
		displayName: 'Email Type',
		name: 'emailType',
		type: 'options',
		options: [
			{ name: 'Corp Email', value: 1, description: 'The corp mailbox (企业邮箱)' },
			{ name: 'Personal Email', value: 2, description: 'The email in the member’s profile' },
		],
		default: 1,
		displayOptions: show(['getIdByEmail']),
	},
	{
		displayName: 'OpenID',
		name: 'openId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show(['convertToUserId']),
	},
];
