import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkDepartmentName, readDepartmentLocator } from '../common/departments';
import { createDepartment } from '../contacts/api';
import { readDepartmentFields, readNewDepartmentId } from './fields';

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
