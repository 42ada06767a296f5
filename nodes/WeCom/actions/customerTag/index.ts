import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as getAll from './getAll.operation';

/** Customer Tag (企业客户标签): the tag library that Customer → Add Tags uses. */
export const operations = { getAll };

export const description: INodeProperties[] = [
	operationPicker(getAll.RESOURCE, [getAll.option], 'getAll'),
	...getAll.description,
];
