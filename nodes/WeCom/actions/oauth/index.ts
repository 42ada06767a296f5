import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as buildLink from './buildLink.operation';
import * as getMember from './getMember.operation';
import * as getMemberDetail from './getMemberDetail.operation';

/** Sign-In (OAuth, 网页授权): who opened an n8n page from inside WeCom. */
const all = { buildLink, getMember, getMemberDetail };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		buildLink.RESOURCE,
		Object.values(all).map((op) => op.option),
		'buildLink',
	),
	...Object.values(all).flatMap((op) => op.description),
];
