import type { IExecuteFunctions } from 'n8n-workflow';

import { routeOperation, type OperationMap } from '../../shared/router';
import { splitResourceRunner } from '../../shared/versions';
import * as apiRequest from './apiRequest';
import * as attendance from './attendance';
import * as contactsSync from './contactsSync';
import * as department from './department';
import * as message from './message';
import * as todo from './todo';
import * as user from './user';
import { contactVersion1 } from './version1';

export const operations: OperationMap = {
	apiRequest: apiRequest.operations,
	message: message.operations,
	todo: todo.operations,
	department: department.operations,
	user: user.operations,
	contactsSync: contactsSync.operations,
	attendance: attendance.operations,
};

const runsAs = splitResourceRunner(contactVersion1);

export async function router(this: IExecuteFunctions) {
	return await routeOperation.call(this, operations, runsAs);
}
