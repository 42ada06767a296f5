import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { issueWeLinkToken, WELINK_DEFAULT_BASE_URL } from '../nodes/WeLink/transport/token';
import { storedTokenProperties } from '../nodes/shared/tokenCache';

export class WecomWelinkWeLinkApi implements ICredentialType {
	name = 'wecomWelinkWeLinkApi';

	displayName = 'WeLink API';

	icon: Icon = { light: 'file:../icons/welink.svg', dark: 'file:../icons/welink.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#welink-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'App ID (client_id) from the WeLink developer console: your app → 基本信息',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'App secret (client_secret) from the same page. It also keys the callback encryption.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WELINK_DEFAULT_BASE_URL,
			description: 'Change only for a dedicated WeLink deployment; it must end with /api',
		},
		...storedTokenProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await issueWeLinkToken(this.helpers, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'x-wlk-Authorization': '={{$credentials.accessToken}}' },
		},
	};

	// preAuthentication has already fetched a token with the secret (a wrong one fails there with
	// WeLink's reason). Every permission-free WeLink API is the token endpoint itself, so the test
	// request asks it once more and checks the answer; this needs no API permission on the app.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{($credentials.baseUrl || "${WELINK_DEFAULT_BASE_URL}").replace(/\\/+$/, "")}}`,
			url: '/auth/v2/tickets',
			method: 'POST',
			body: {
				client_id: '={{$credentials.clientId}}',
				client_secret: '={{$credentials.clientSecret}}',
			},
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: '10007',
					message: 'WeLink: client ID or client secret is wrong (10007)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: '41403',
					message: 'WeLink: this client ID is locked after too many failed attempts (41403)',
				},
			},
		],
	};
}
