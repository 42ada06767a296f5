import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { departmentLocator } from '../common/fields';

export const RESOURCE = 'department';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

/** The department an operation reads or changes. */
export function departmentField(operations: string[]): INodeProperties {
	return departmentLocator({
		name: 'department',
		displayName: 'Department',
		description: 'The department to read or change',
		required: true,
		displayOptions: show(...operations),
	});
}

export const orderField: INodeProperties = {
	displayName: 'Order',
	name: 'order',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'Position among its siblings; a bigger order sorts first (次序值大的排序靠前)',
};

export const nameEnField: INodeProperties = {
	displayName: 'English Name',
	name: 'nameEn',
	type: 'string',
	default: '',
	description: 'Needs multi-language enabled in the admin console; same rules as the name',
};
