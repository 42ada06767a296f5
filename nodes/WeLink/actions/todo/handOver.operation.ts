import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { weLinkApiRequest } from '../../transport';
import { readUserId } from '../common/read';
import { personFields, taskIdField } from './fields';
import { readTaskId } from './validate';
import { completeNames, explainTodoFailure, readNames, type Person } from './names';

export const option: OperationOption = {
	name: 'Hand Over',
	value: 'handOver',
	action: 'Hand over a todo to the next handler',
	description: 'Move the todo to the next handler of the flow (更新待办处理人)',
};

export const description: INodeProperties[] = [
	taskIdField(['handOver']),
	...personFields(
		{ name: 'nextHandler', displayName: 'Next Handler', description: 'Who gets the todo now' },
		'handOver',
	),
];

interface HandOverInput {
	taskId: string;
	next: Person;
}

export function prepare(this: IExecuteFunctions, i: number): HandOverInput {
	return {
		taskId: readTaskId(this, i),
		next: {
			userId: readUserId(this, i, 'nextHandler', 'Next Handler'),
			...readNames(this, i, 'nextHandlerNameCn', 'nextHandlerNameEn'),
		},
	};
}

/** Moves the todo to the next handler: PUT todo/v2/updatetask with query parameters (reference §4.2). */
export async function execute(this: IExecuteFunctions, input: HandOverInput, itemIndex: number) {
	const next = await completeNames(this, input.next, 'Next Handler', itemIndex);
	let response: IDataObject | undefined;
	let failure: unknown;
	try {
		response = await weLinkApiRequest.call(this, {
			method: 'PUT',
			path: '/todo/v2/updatetask',
			qs: {
				taskId: input.taskId,
				userId: next.userId,
				userNameCn: next.nameCn,
				userNameEn: next.nameEn,
			},
			idempotent: false,
			itemIndex,
		});
	} catch (error) {
		failure = error;
	}
	if (failure) throw explainTodoFailure(this, failure, input.taskId, 'hand over', itemIndex);
	const data = (response?.data as IDataObject | undefined) ?? {};
	return {
		...data,
		taskId: input.taskId,
		userId: next.userId,
		userNameCn: next.nameCn,
		userNameEn: next.nameEn,
		handedOver: true,
	};
}
