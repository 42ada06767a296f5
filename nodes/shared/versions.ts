import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Node version 2 gives list operations n8n's own name (Get Many, `getAll`), as n8n's nodes do.
 * Workflows saved with version 1 keep their operation names: version 1's operation pickers offer the
 * old values, and the router runs an old name as the operation it became.
 */

/** Per resource: the version 2 operation name → its version 1 name. */
export type RenamedOperations = Record<string, Record<string, string>>;

const ONLY_V1 = [1];
const FROM_V2 = [{ _cnd: { gte: 2 } }];

/** The version 2 name of an operation saved under its version 1 name. */
export function currentOperationName(
	renamed: RenamedOperations,
	resource: string,
	operation: string,
): string {
	const names = renamed[resource] ?? {};
	return Object.keys(names).find((current) => names[current] === operation) ?? operation;
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
