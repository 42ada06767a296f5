import type { INodeProperties, INodePropertyOptions, IWebhookFunctions } from 'n8n-workflow';

/** The triggers' "Events" picker: which callbacks start the workflow ("*" is every one). */
export function eventsField(
	events: INodePropertyOptions[],
	defaults: string[] = ['*'],
	explained = true,
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: events,
		required: true,
		default: [...defaults],
		...(explained
			? { description: 'Which callbacks start the workflow; others are acknowledged and dropped' }
			: {}),
	};
}

/** Whether an event key is one the trigger's Events picker chose. */
export function acceptedEvents(ctx: IWebhookFunctions) {
	const events = ctx.getNodeParameter('events', []) as string[];
	return (key: string) => events.includes('*') || events.includes(key);
}
