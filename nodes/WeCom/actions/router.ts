import type { IExecuteFunctions } from 'n8n-workflow';

import { routeOperation, type OperationMap } from '../../shared/router';
import * as apiRequest from './apiRequest';

const operations: OperationMap = {
	apiRequest: { request: apiRequest.request },
};

export async function router(this: IExecuteFunctions) {
	return await routeOperation.call(this, operations);
}
