import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/validation';

export function readTaskId(ctx: IExecuteFunctions, i: number): string {
	const taskId = stringParam(ctx, 'taskId', i);
	if (!taskId)
		throw inputError(
			ctx,
			i,
			'Task ID',
			'is required',
			'Use your own ID for the todo, e.g. the approval step ID; the same ID closes it later.',
		);
	if (/\s/.test(taskId))
		throw inputError(ctx, i, 'Task ID', `"${taskId}" contains spaces`, 'Use an ID without spaces.');
	return taskId;
}
