import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weLinkApiRequest } from '../../transport';
import { taskIdField } from './fields';
import { readTaskId } from './validate';
import { explainTodoFailure } from './names';

export const option: OperationOption = {
	name: 'Close',
	value: 'close',
	action: 'Close a todo',
	description: 'Remove the todo when the request is finished or withdrawn (删除待办)',
};

export const description: INodeProperties[] = [taskIdField(['close'])];

export function prepare(this: IExecuteFunctions, i: number): string {
	return readTaskId(this, i);
}

/** Closes (deletes) the todo for everyone: DELETE todo/v1/deltask?taskId= (reference §4.3). */
export async function execute(this: IExecuteFunctions, taskId: string, itemIndex: number) {
	let response: IDataObject | undefined;
	let failure: unknown;
	try {
		// Closing twice cannot close anything else, so a lost answer may be retried.
		response = await weLinkApiRequest.call(this, {
			method: 'DELETE',
			path: '/todo/v1/deltask',
			qs: { taskId },
			idempotent: true,
			itemIndex,
		});
	} catch (error) {
		failure = error;
	}
	if (failure) throw explainTodoFailure(this, failure, taskId, 'close', itemIndex);
	const data = (response?.data as IDataObject | undefined) ?? {};
	return { ...data, taskId, closed: true };
}
