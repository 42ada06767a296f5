import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as removeMembers from './removeMembers.operation';
import * as update from './update.operation';

/** Tag (标签): tags of the corp's contacts; only the app that created a tag may change it. */
export const operations = { create, update, delete: del, get, getAll, addMembers, removeMembers };

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'getAll',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
