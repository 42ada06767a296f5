import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationPicker, type OperationOption } from './display';

/**
 * Node version 2 gives list operations n8n's own name (Get Many, `getAll`), as n8n's nodes do, and
 * splits WeLink's Contact resource into Department and User. Workflows saved with version 1 keep
 * their names: version 1's pickers offer the old values, and the router runs an old name as the
 * operation it became.
 */

/** The resource and operation a saved node's names run as. */
export type CurrentName = (
	resource: string,
	operation: string,
) => { resource: string; operation: string };

/** Per resource: the version 2 operation name → its version 1 name. */
export type RenamedOperations = Record<string, Record<string, string>>;

const ONLY_V1 = [1];
const FROM_V2 = [{ _cnd: { gte: 2 } }];

/** The version 2 name of an operation saved under its version 1 name. */
function currentOperationName(
	renamed: RenamedOperations,
	resource: string,
	operation: string,
): string {
	const names = renamed[resource] ?? {};
	return Object.keys(names).find((current) => names[current] === operation) ?? operation;
}

/** Runs operations saved under their version 1 names as they are named now. */
export function renamedOperationsRunner(renamed: RenamedOperations): CurrentName {
	return (resource, operation) => ({
		resource,
		operation: currentOperationName(renamed, resource, operation),
	});
}

/** A condition on `operation` that also holds for the version 1 names of the operations it names. */
function withOldNames(
	renamed: RenamedOperations,
	condition: IDisplayOptions['show'],
): IDisplayOptions['show'] {
	const operations = condition?.operation as string[] | undefined;
	if (!operations) return condition;
	const resources = (condition?.resource as string[] | undefined) ?? Object.keys(renamed);
	const old = resources.flatMap((resource) =>
		operations.flatMap((operation) => renamed[resource]?.[operation] ?? []),
	);
	return old.length ? { ...condition, operation: [...operations, ...old] } : condition;
}

/** The properties of a node with versions 1 and 2, written with version 2's operation names. */
export function withVersion1Operations(
	properties: INodeProperties[],
	renamed: RenamedOperations,
): INodeProperties[] {
	return properties.flatMap((property) => {
		const resources = property.displayOptions?.show?.resource as string[] | undefined;
		const names = resources?.length === 1 ? renamed[resources[0]] : undefined;
		if (property.name === 'operation' && names) {
			const old = (value: unknown) => names[String(value)] ?? value;
			const { show } = property.displayOptions ?? {};
			const at = (version: IDisplayOptions['show']) => ({
				...property.displayOptions,
				show: { ...show, ...version },
			});
			return [
				{ ...property, displayOptions: at({ '@version': FROM_V2 }) },
				{
					...property,
					default: old(property.default),
					options: (property.options as INodePropertyOptions[]).map((option) => ({
						...option,
						value: old(option.value) as string,
					})),
					displayOptions: at({ '@version': ONLY_V1 }),
				},
			];
		}
		if (!property.displayOptions) return [property];
		const { show, hide } = property.displayOptions;
		return [
			{
				...property,
				displayOptions: {
					...property.displayOptions,
					...(show ? { show: withOldNames(renamed, show) } : {}),
					...(hide ? { hide: withOldNames(renamed, hide) } : {}),
				},
			},
		];
	});
}

/** A version 1 resource whose operations version 2 moved into other resources. */
export interface SplitResource {
	/** The version 1 resource as its picker offered it. */
	resource: INodePropertyOptions & { value: string };
	/** The version 1 operation picker's default. */
	defaultOperation: string;
	/** Per version 1 operation: its picker entry then, and the resource and operation it is now. */
	operations: Record<string, { option: OperationOption; resource: string; operation: string }>;
}

/** Runs an operation of the split resource as the operation it became. */
export function splitResourceRunner(split: SplitResource): CurrentName {
	return (resource, operation) =>
		resource === split.resource.value && split.operations[operation]
			? split.operations[operation]
			: { resource, operation };
}

/**
 * The properties of a node with versions 1 and 2, written for version 2: version 1's resource picker
 * offers the split resource instead of the resources it became, with its own operation picker, and
 * each field of a moved operation is also shown for the split resource under the old name, in the
 * same place (so a saved workflow opens with the fields it had).
 */
export function withVersion1Resource(
	properties: INodeProperties[],
	split: SplitResource,
): INodeProperties[] {
	const moved = Object.entries(split.operations);
	const targets = new Set(moved.map(([, to]) => to.resource));
	let pickerAdded = false;
	return properties.flatMap((property) => {
		const show = property.displayOptions?.show;
		const resources = (show?.resource ?? []) as string[];
		if (property.name === 'resource') {
			const options = (property.options as INodePropertyOptions[]).filter(
				(option) => !targets.has(String(option.value)),
			);
			return [
				{ ...property, displayOptions: { show: { '@version': FROM_V2 } } },
				{
					...property,
					options: [...options, split.resource].sort((a, b) => a.name.localeCompare(b.name)),
					displayOptions: { show: { '@version': ONLY_V1 } },
				},
			];
		}
		if (!resources.some((resource) => targets.has(resource))) return [property];
		if (property.name === 'operation') {
			if (pickerAdded) return [property];
			pickerAdded = true;
			return [
				property,
				operationPicker(
					split.resource.value,
					moved.map(([, to]) => to.option),
					split.defaultOperation,
				),
			];
		}
		const operations = (show?.operation ?? []) as string[];
		const old = moved
			.filter(([, to]) => resources.includes(to.resource) && operations.includes(to.operation))
			.map(([name]) => name);
		if (!old.length) return [property];
		const asBefore = { ...show, resource: [split.resource.value], operation: old };
		return [
			property,
			{ ...property, displayOptions: { ...property.displayOptions, show: asBefore } },
		];
	});
}
