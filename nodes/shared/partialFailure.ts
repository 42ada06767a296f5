import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What a failure after some deliveries says: its message, its description, and what was delivered. */
export interface PartialFailure {
	message: string;
	description?: string;
	/** Added to the error's details (delivered IDs, which call failed). */
	delivered: IDataObject;
}

/**
 * The error for a call that failed after earlier calls of the same item delivered: the original's
 * details are kept, `say` words the message and description from the original's, and the delivered
 * IDs go into the details so the user can recall them.
 */
export function partialFailure(
	ctx: IExecuteFunctions,
	failure: unknown,
	itemIndex: number,
	say: (original: { message: string; description?: string }) => PartialFailure,
): NodeApiError {
	const original = failure as Error & { description?: string; context?: IDataObject };
	const details = (original.context?.details ?? {}) as IDataObject;
	const { message, description, delivered } = say(original);
	const error = new NodeApiError(
		ctx.getNode(),
		{ ...details, message: original.message } as JsonObject,
		{ message, description, itemIndex },
	);
	error.context.details = { ...details, ...delivered };
	return error;
}
