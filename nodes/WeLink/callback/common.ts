import type { IHookFunctions, INodeProperties, IWebhookDescription } from 'n8n-workflow';

import { DEFAULT_TOLERANCE_SECONDS } from './read';

/** WeLink POSTs both the URL check (`test` event) and events to one URL; there is no GET handshake. */
export const weLinkCallbackWebhooks: IWebhookDescription[] = [
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback' },
];

export const weLinkSetupNotice: INodeProperties = {
	displayName:
		'Activate this workflow, then paste its <b>Production URL</b> (above) as the callback URL of your app in the WeLink developer console. WeLink checks the URL with a test event when you save it. Events are decrypted with the credential’s Client Secret.',
	name: 'setupNotice',
	type: 'notice',
	default: '',
};

export const weLinkToleranceOption: INodeProperties = {
	displayName: 'Timestamp Tolerance (Seconds)',
	name: 'toleranceSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_TOLERANCE_SECONDS,
	description:
		'Refuse callbacks whose timestamp is further from now than this (replay protection; WeLink recommends 30 minutes); 0 disables the check',
};

/** WeLink callback URLs are set by hand in the developer console: nothing to register or remove. */
export const weLinkManualWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			this.logger.info(
				`WeLink callback URL to configure in the developer console: ${this.getNodeWebhookUrl('default') ?? ''}`,
			);
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
