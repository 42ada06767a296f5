import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { departmentLocator } from '../common/fields';
import { checkDepartmentName, readDepartmentLocator } from '../common/read';
import { createDepartment } from '../contacts/api';
import { nameEnField, orderField, show } from './fields';
import { readDepartmentFields, readNewDepartmentId } from './validate';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a department',
	description: 'Create a department (创建部门; contacts-sync secret)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: '研发中心',
		description: '1–64 characters without : * ? " &lt; &gt; |; unique among its siblings',
		displayOptions: show('create'),
	},
	departmentLocator({
		name: 'parent',
		displayName: 'Parent Department',
		description: 'The department to create it in (1 is the root)',
		required: true,
		defaultId: '1',
		displayOptions: show('create'),
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('create'),
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
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	checkDepartmentName(this, i, name);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {
		name,
		parentid: readDepartmentLocator(this, i, 'parent', 'Parent Department'),
		...readDepartmentFields(this, i, { nameEn: options.nameEn, order: options.order }),
	};
	const id = readNewDepartmentId(this, i, options.id);
	if (id !== undefined) body.id = id;
	return body;
}

/** POST department/create (contacts-sync secret); answers with the department as created. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	const id = await createDepartment(this, body, i);
	return { ...body, id };
}
