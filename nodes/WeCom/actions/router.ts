import type { IExecuteFunctions } from 'n8n-workflow';

import { routeOperation, type OperationMap } from '../../shared/router';
import * as apiRequest from './apiRequest';
import * as meeting from './meeting';

const operations: OperationMap = {
	apiRequest: { request: apiRequest.request },
	meeting: {
		create: meeting.create,
		update: meeting.update,
		cancel: meeting.cancel,
		get: meeting.get,
		list: meeting.list,
	},
};

export async function router(this: IExecuteFunctions) {
	return await routeOperation.call(this, operations);
}
