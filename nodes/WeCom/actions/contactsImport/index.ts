import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import { importNotice, importOptions, RESOURCE } from './fields';
import * as replaceDepartments from './replaceDepartments.operation';
import * as replaceUsers from './replaceUsers.operation';
import * as syncUsers from './syncUsers.operation';

/** Contacts Import: WeCom's batch jobs (batch/syncuser, replaceuser, replaceparty); one input item per row. */
export const operations = { syncUsers, replaceUsers, replaceDepartments };

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'syncUsers',
	),
	importNotice,
	...Object.values(operations).flatMap((op) => op.description),
	importOptions,
];
