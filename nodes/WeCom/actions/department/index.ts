import type { INodeProperties } from 'n8n-workflow';

import { departmentLocator } from '../common/departments';
import { returnAllFields } from '../../../shared/list';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = { create, update, delete: del, get, getAll };

const show = (operation: string[]) => ({ show: { resource: ['department'], operation } });

const orderField: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'Position among its siblings; a bigger order sorts first (次序值大的排序靠前)',
};
const nameEnField: INodeProperties = {
	displayName: 'English Name',
	name: 'nameEn',
	type: 'string',
	default: '',
	description: 'Needs multi-language enabled in the admin console; same rules as the name',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['department'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a department',
				description: 'Create a department (创建部门; contacts-sync secret)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a department',
				description: 'Delete an empty department (删除部门)',
			},
			{ name: 'Get', value: 'get', action: 'Get a department', description: 'Read one department' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many departments',
				description: 'A department and every department below it, with their paths',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a department',
				description: 'Rename, move or reorder a department (更新部门)',
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
		placeholder: '研发中心',
		description: '1–64 characters without : * ? " &lt; &gt; |; unique among its siblings',
		displayOptions: show(['create']),
	},
	departmentLocator({
		name: 'parent',
		displayName: 'Parent Department',
		description: 'The department to create it in (1 is the root)',
		required: true,
		defaultId: '1',
		displayOptions: show(['create']),
	}),
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'The department to read or change',
		required: true,
		displayOptions: show(['update', 'delete', 'get']),
	}),
	departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'Lists this department and every department below it (1 = the whole org)',
		required: true,
		defaultId: '1',
		displayOptions: show(['getAll']),
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['create']),
		options: [
			nameEnField,
			{
				displayName: 'ID',
				name: 'id',
				type: 'number',
				default: 0,
				description: 'Your own ID for the department (above 1); WeCom picks one when empty',
			},
			orderField,
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['update']),
		options: [
			nameEnField,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: '1–64 characters without : * ? " &lt; &gt; |',
			},
			orderField,
			{
				displayName: 'Parent Department ID',
				name: 'parentId',
				type: 'string',
				default: '',
				description: 'Moves the department; the app needs permission on the new parent',
			},
		],
	},
	...returnAllFields('department', ['getAll']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{
				displayName: 'Direct Children Only',
				name: 'directOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the departments right below the chosen one',
			},
			{
				displayName: 'IDs Only',
				name: 'idsOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only ID, parent and order (department/simplelist, faster for large trees and allowed where department/list is not)',
			},
		],
	},
];
