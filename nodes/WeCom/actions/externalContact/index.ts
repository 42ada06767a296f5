import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as addTags from './addTags.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getIds from './getIds.operation';
import * as removeTags from './removeTags.operation';
import * as updateRemark from './updateRemark.operation';

/** Customer (客户, customer contact): the customer-contact secret or an app granted 客户联系. */
const all = { get, getAll, getIds, updateRemark, addTags, removeTags };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'getAll',
	),
	...Object.values(all).flatMap((op) => op.description),
];
