import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as create from './create.operation';
import * as del from './delete.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Department (部门): writes need the contacts-sync secret (通讯录同步). */
export const operations = { create, update, delete: del, get, getAll };

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'getAll',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
