import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CurrentName } from './versions';

/** Items an operation returns together with binary data (media downloads). */
export class BinaryItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

export type OperationResult = IDataObject | IDataObject[] | BinaryItems;

/**
 * One operation = two steps. `prepare` reads and checks one item's parameters without calling any
 * API, so bad input is reported before anything is sent. `execute` makes the calls.
 */
export interface ItemOperation<Input = unknown> {
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<Input> | Input;
	execute(this: IExecuteFunctions, input: Input, itemIndex: number): Promise<OperationResult>;
}

/** An operation that needs all input items at once (e.g. the items are the source org of a sync). */
export interface BatchOperation {
	executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/**
 * A batch operation with several outputs: the node description names them (see `nodeOutputs`) and
 * the operation returns one list of items per name, in that order.
 */
export interface MultiOutputOperation {
	outputNames: readonly string[];
	executeBatch(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[][]>;
}

export type AnyOperation = ItemOperation<any> | BatchOperation | MultiOutputOperation; // eslint-disable-line @typescript-eslint/no-explicit-any

export type OperationMap = Record<string, Record<string, AnyOperation>>;

/**
 * Runs the chosen operation over the input. Every item is prepared (validated) first; without
 * "Continue On Fail" one bad item stops the node before any API call, so nothing is half-sent.
 */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: OperationMap,
	currentName: CurrentName = (resource, operation) => ({ resource, operation }),
) {
	const { resource, operation: operationName } = currentName(
		this.getNodeParameter('resource', 0) as string,
		this.getNodeParameter('operation', 0) as string,
	);
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not known`,
		);
	}
	const items = this.getInputData();
	if ('executeBatch' in operation) {
		const several = 'outputNames' in operation;
		try {
			if (several) {
				const outputs = await operation.executeBatch.call(this, items);
				return operation.outputNames.map((_, i) => outputs[i] ?? []);
			}
			return [await operation.executeBatch.call(this, items)];
		} catch (failure) {
			const error = asNodeError(this, failure);
			if (!this.continueOnFail()) throw error;
			// A batch fails as a whole: one error item, paired with the item at fault or with all.
			const at = error.context.itemIndex;
			const item = errorItem(error, typeof at === 'number' ? at : 0, this.getNode());
			if (typeof at !== 'number') item.pairedItem = items.map((_, i) => ({ item: i }));
			// On the first output; n8n needs every output present (the error output comes after them).
			const rest = several ? operation.outputNames.slice(1).map(() => []) : [];
			return [[item], ...rest];
		}
	}

	const prepared: Array<{ input?: unknown; error?: Error }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push({ input: await operation.prepare.call(this, i) });
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this, error, i);
			prepared.push({ error: withItemIndex(this, error, i) });
		}
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const { input, error } = prepared[i];
		if (error) {
			output.push(errorItem(error, i, this.getNode()));
			continue;
		}
		try {
			output.push(...toItems(await operation.execute.call(this, input, i), i));
		} catch (failure) {
			if (!this.continueOnFail()) throw withItemIndex(this, failure, i);
			output.push(errorItem(withItemIndex(this, failure, i), i, this.getNode()));
		}
	}
	return [output];
}

export function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	if (result instanceof BinaryItems)
		return result.items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * The output item of a failed input item when the node continues on failure: message, hint and the
 * platform's code. With "Continue (using error output)" n8n moves an item to the error output only
 * when its json is `{ error }` or `{ error, message }` (and rewrites items carrying an error object to
 * `{ error }`), merging the input item's fields in; there the hint goes into `message`.
 */
export function errorItem(error: Error, itemIndex: number, node?: INode): INodeExecutionData {
	const e = error as Error & { description?: string | null; context?: IDataObject };
	const json: IDataObject = { error: e.message };
	if (node?.onError === 'continueErrorOutput') {
		if (e.description) json.message = e.description;
		return { json, pairedItem: { item: itemIndex } };
	}
	if (e.description) json.description = e.description;
	const details = e.context?.details as IDataObject | undefined;
	if (details) Object.assign(json, details, { error: e.message });
	return { json, pairedItem: { item: itemIndex } };
}

/** Any failure as an n8n error (n8n's own errors as they are). */
export function asNodeError(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const cause = error instanceof Error ? error : new Error(String(error));
	return new NodeOperationError(ctx.getNode(), cause);
}

/** Any failure as an n8n error that names the item. */
export function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	const cause = error instanceof Error ? error : new Error(String(error));
	// n8n's own errors name the parameter only in `extra`; keep it in the message.
	const parameter = (cause as Error & { extra?: { parameterName?: string } }).extra?.parameterName;
	if (parameter) cause.message = `${cause.message} "${parameter}"`;
	return new NodeOperationError(ctx.getNode(), cause, {
		itemIndex,
		description: (cause as Error & { description?: string }).description,
	});
}
