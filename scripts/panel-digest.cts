import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

import type {
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/**
 * Prints a digest of every panel n8n shows for the built pack (dist/): for each node, version,
 * resource and operation, the properties it shows, in order, each hashed without its display rules;
 * and for each choice of an options or boolean field, what the panel then shows. A refactor that
 * must not change what a person sees proves it with an empty diff:
 *
 *   npm run build && npm run panels > before.txt   (change)   npm run build && npm run panels | diff before.txt -
 *
 * Version 1 panels must never change: workflows saved with them open with these fields.
 */

const root = resolve(__dirname, '../..');
const pkg = require(resolve(root, 'package.json')) as { n8n: { nodes: string[] } };

const withoutDisplayRules = (property: unknown) =>
	JSON.stringify(property, (key, value: unknown) => (key === 'displayOptions' ? undefined : value));
const digest = (property: unknown) =>
	createHash('sha1').update(withoutDisplayRules(property)).digest('hex').slice(0, 10);

function choices(property: INodeProperties): unknown[] {
	if (property.type === 'boolean') return [true, false];
	if (property.type !== 'options' || !Array.isArray(property.options)) return [];
	return (property.options as INodePropertyOptions[]).map((option) => option.value);
}

function panels(description: INodeTypeDescription, version: number) {
	const lines: string[] = [];
	const node = (parameters: INodeParameters): INode => ({
		id: 'n',
		name: 'Node',
		type: description.name,
		typeVersion: version,
		position: [0, 0],
		parameters,
	});
	const shown = (parameters: INodeParameters) => {
		const resolved =
			NodeHelpers.getNodeParameters(
				description.properties,
				parameters,
				true,
				false,
				node(parameters),
				description,
			) ?? parameters;
		return description.properties.filter((property) =>
			NodeHelpers.displayParameter(resolved, property, node(resolved), description),
		);
	};
	const picker = (parameters: INodeParameters, name: string) =>
		shown(parameters).filter((property) => property.name === name);
	const label = `${description.name}@${version}`;

	const resourcePickers = picker({}, 'resource');
	if (resourcePickers.length) lines.push(`${label} resource-picker ${digest(resourcePickers)}`);
	const resources = resourcePickers.length ? choices(resourcePickers[0]) : [undefined];
	for (const resource of resources) {
		const base: INodeParameters = resource === undefined ? {} : { resource: resource as string };
		const operationPickers = picker(base, 'operation');
		if (operationPickers.length > 1)
			lines.push(`${label} ${String(resource)} SEVERAL OPERATION PICKERS`);
		const operations = operationPickers.length === 1 ? choices(operationPickers[0]) : [undefined];
		for (const operation of operations) {
			const parameters: INodeParameters =
				operation === undefined ? base : { ...base, operation: operation as string };
			const at = `${label} ${String(resource)}.${String(operation)}`;
			const properties = shown(parameters);
			for (const property of properties) lines.push(`${at} ${property.name} ${digest(property)}`);
			for (const property of properties) {
				if (property.name === 'resource' || property.name === 'operation') continue;
				for (const value of choices(property)) {
					const then = shown({ ...parameters, [property.name]: value as string });
					const names = then.map((p) => `${p.name}:${digest(p)}`).join(' ');
					lines.push(`${at} ${property.name}=${JSON.stringify(value)} -> ${names}`);
				}
			}
		}
	}
	return lines;
}

for (const file of pkg.n8n.nodes) {
	const module = require(resolve(root, file)) as Record<string, new () => INodeType>;
	const NodeClass = Object.values(module).find((value) => typeof value === 'function');
	if (!NodeClass) throw new Error(`${file} exports no node class`);
	const { description } = new NodeClass();
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	for (const version of versions) console.log(panels(description, version).join('\n'));
}
