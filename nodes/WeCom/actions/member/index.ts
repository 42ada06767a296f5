import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as convertToOpenId from './convertToOpenId.operation';
import * as convertToUserId from './convertToUserId.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import { RESOURCE } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAllIds from './getAllIds.operation';
import * as getIdByEmail from './getIdByEmail.operation';
import * as getIdByMobile from './getIdByMobile.operation';
import * as update from './update.operation';

/** Member (成员): writes need the contacts-sync secret (通讯录同步). */
export const operations = {
	create,
	update,
	delete: del,
	deleteMany,
	get,
	getAll,
	getAllIds,
	getIdByMobile,
	getIdByEmail,
	convertToOpenId,
	convertToUserId,
};

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(operations).map((op) => op.option),
		'get',
	),
	...Object.values(operations).flatMap((op) => op.description),
];
