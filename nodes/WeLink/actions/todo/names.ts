import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { getUser } from '../contacts/api';

/** A person on a todo: WeLink user ID plus Chinese and English names (both required by the todo APIs). */
export interface Person {
	userId: string;
	nameCn: string;
	nameEn: string;
}

/** Names may be left empty: they are then read from WeLink's contacts in execute. */
export function readNames(ctx: IExecuteFunctions, i: number, cnParam: string, enParam: string) {
	return {
		nameCn: String(ctx.getNodeParameter(cnParam, i, '') ?? '').trim(),
		nameEn: String(ctx.getNodeParameter(enParam, i, '') ?? '').trim(),
	};
}

/** Fills missing names from contact/v2/user/detail (one read per person, only when needed). */
export async function completeNames(
	ctx: IExecuteFunctions,
	person: Person,
	field: string,
	itemIndex: number,
): Promise<Person> {
	if (person.nameCn && person.nameEn) return person;
	let user: IDataObject | undefined;
	let failure: (Error & { description?: string; context?: IDataObject }) | undefined;
	try {
		user = await getUser(ctx, { userId: person.userId }, itemIndex);
	} catch (error) {
		failure = error as Error & { description?: string; context?: IDataObject };
	}
	if (failure) {
		const details = (failure.context?.details ?? {}) as IDataObject;
		const apiError = new NodeApiError(
			ctx.getNode(),
			{ ...details, message: failure.message } as JsonObject,
			{
				message: `${field}: could not read the names of ${person.userId} from WeLink: ${failure.message}`,
				description:
					`Give the Chinese and English names yourself, or grant the app the 用户详细信息 permission. ${failure.description ?? ''}`.trim(),
				itemIndex,
			},
		);
		apiError.context.details = details;
		throw apiError;
	}
	const nameCn = person.nameCn || String(user?.userNameCn ?? '').trim();
	const nameEn = person.nameEn || String(user?.userNameEn ?? '').trim() || nameCn;
	if (!nameCn)
		throw inputError(
			ctx,
			itemIndex,
			`${field} Name (Chinese)`,
			`WeLink has no Chinese name for ${person.userId}`,
			'Give the name yourself.',
		);
	return { ...person, nameCn, nameEn };
}

/**
 * WeLink gives no dedicated code for a todo that does not exist; these todo codes are what a
 * missing, closed or foreign todo produces. The error says so and names the task.
 */
// UNCONFIRMED: which code WeLink returns for a missing todo; 55006, 55009 (close) and 55011 (hand over) are read as "not found or not yours".
export const TODO_NOT_FOUND_CODES = new Set(['55006', '55009', '55011']);

export function explainTodoFailure(
	ctx: IExecuteFunctions,
	failure: unknown,
	taskId: string,
	action: string,
	itemIndex: number,
) {
	const original = failure as Error & { description?: string; context?: IDataObject };
	const details = (original.context?.details ?? {}) as IDataObject;
	const code = String(details.code ?? '');
	if (!TODO_NOT_FOUND_CODES.has(code)) return original;
	const error = new NodeApiError(
		ctx.getNode(),
		{ ...details, message: original.message } as JsonObject,
		{
			message: `WeLink cannot ${action} todo "${taskId}": it does not exist, is already closed or belongs to another app (${code})`,
			description: `Check the Task ID: it is the ID you gave when creating the todo. WeLink said: ${String(details.message ?? original.message)}`,
			itemIndex,
		},
	);
	error.context.details = details;
	return error;
}
