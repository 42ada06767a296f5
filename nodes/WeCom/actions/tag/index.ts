import type { INodeProperties } from 'n8n-workflow';

import { listPickerField } from '../../../shared/fields';

import { membersField } from '../common/members';
import { returnAllFields } from '../../../shared/list';
import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as removeMembers from './removeMembers.operation';
import { tagLocator } from './tag';
import * as update from './update.operation';

export const operations = { create, update, delete: del, get, getAll, addMembers, removeMembers };

const show = (operation: string[]) => ({ show: { resource: ['tag'], operation } });

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				action: 'Add members to a tag',
				description: 'Tag members and departments (增加标签成员)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a tag',
				description: 'Create a tag owned by this app (创建标签)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a tag',
				description: 'Delete a tag this app created',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a tag',
				description: 'A tag with its members and departments',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags',
				description: 'Every tag of the corp',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				action: 'Remove members from a tag',
				description: 'Untag members and departments (删除标签成员)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Rename a tag',
				description: 'Rename a tag this app created',
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Up to 32 characters, unique in the corp',
		displayOptions: show(['create', 'update']),
	},
	tagLocator(show(['update', 'delete', 'get', 'addMembers', 'removeMembers'])),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['create']),
		options: [
			{
				displayName: 'Tag ID',
				name: 'tagId',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Your own ID for the tag; WeCom picks one when empty',
			},
		],
	},
	membersField({
		name: 'members',
		displayName: 'Members',
		description: 'Any number; sent 1,000 per call.',
		displayOptions: show(['addMembers', 'removeMembers']),
	}),
	listPickerField({
		name: 'departments',
		displayName: 'Department Names or IDs',
		description: 'Any number; sent 100 per call.',
		loadOptionsMethod: 'getDepartments',
		displayOptions: show(['addMembers', 'removeMembers']),
	}),
	...returnAllFields('tag', ['getAll']),
];
