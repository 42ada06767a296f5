import type {
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	weLinkCallbackWebhooks,
	weLinkManualWebhookMethods,
	weLinkSetupNotice,
	weLinkToleranceOption,
} from '../WeLink/callback/common';
import { addContactDetails, hasDetails } from '../WeLink/callback/details';
import { handleWeLinkCallback } from '../WeLink/callback/handle';
import { event, eventsSubtitle } from '../shared/subtitles';
import { acceptedEvents, eventsField } from '../shared/triggerEvents';

/**
 * Event types as WeLink names them (reference §6.1). The names of the app disabled / enabled events
 * are not published (UNCONFIRMED): "All Events" passes them, and any other type, through.
 */
const EVENTS: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*' },
	event('Authorisation: Tenant Authorised the App', 'corpAuth', '企业授权'),
	event('Authorisation: Tenant Cancelled Authorisation', 'corpCancelAuth', '企业取消授权'),
	event('Contacts: Department Added or Changed', 'corpEditDept', '部门新增或变更'),
	event('Contacts: Department Deleted', 'corpDelDept', '部门删除'),
	event('Contacts: User Added or Changed', 'corpEditUser', '用户新增或变更'),
	event('Contacts: User Deleted', 'corpDelUser', '用户删除'),
];

export class WeLinkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeLink Trigger',
		name: 'weLinkTrigger',
		icon: { light: 'file:../../icons/welink.svg', dark: 'file:../../icons/welink.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(EVENTS),
		description:
			'Starts the workflow on Huawei WeLink callbacks: contact changes (users, departments) and app authorisation',
		defaults: { name: 'WeLink Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wecomWelinkWeLinkApi', required: true }],
		webhooks: weLinkCallbackWebhooks,
		properties: [
			weLinkSetupNotice,
			eventsField(EVENTS),
			{
				displayName: 'Include Details',
				name: 'includeDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the added or changed user (contact/v2/user/detail) or department (contact/v2/department/detail) into each entry of "data". WeLink sends IDs only. A failed read gives "detailsError" instead of failing. Needs the app’s contacts read permission (用户详细信息).',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [weLinkToleranceOption],
			},
		],
	};

	webhookMethods = weLinkManualWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const handled = await handleWeLinkCallback(this, {
			accept: acceptedEvents(this),
		});
		if (!handled.item) return { noWebhookResponse: true };
		const item = handled.item;
		// WeLink has its answer already; the detail reads below cannot delay it.
		if (
			this.getNodeParameter('includeDetails', false) === true &&
			hasDetails(String(item.eventType))
		) {
			await addContactDetails(this, item);
		}
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
