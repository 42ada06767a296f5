import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	baseUrlProperty,
	corpIdProperty,
	testBaseUrl,
	tokenTestRules,
} from '../nodes/WeCom/transport/credentialFields';
import { issueWeComToken } from '../nodes/WeCom/transport/token';
import { storedTokenProperties } from '../nodes/shared/tokenCache';

export class WecomWelinkWeComApi implements ICredentialType {
	name = 'wecomWelinkWeComApi';

	displayName = 'WeCom API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#wecom-api-credential';

	properties: INodeProperties[] = [
		corpIdProperty,
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Secret of one app: a self-built app (应用管理 → app → Secret), the contacts-sync secret (管理工具 → 通讯录同步) or the customer-contact secret (客户联系 → API). Each secret gets its own token.',
		},
		{
			displayName: 'Agent ID',
			name: 'agentId',
			type: 'string',
			default: '',
			placeholder: '1000002',
			description:
				'AgentId of the self-built app, needed to send app messages. Leave empty for the contacts-sync and customer-contact secrets, which have none.',
		},
		baseUrlProperty,
		...storedTokenProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await issueWeComToken(this.helpers, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: { access_token: '={{$credentials.accessToken}}' },
		},
	};

	// A token was just fetched by preAuthentication (a wrong Corp ID or Secret fails there with
	// WeCom's reason); this call then proves the token works from this server's IP.
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl,
			url: '/cgi-bin/get_api_domain_ip',
			method: 'GET',
		},
		rules: [
			...tokenTestRules,
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 48002,
					message: 'WeCom accepted the secret but the app may not call this API (48002)',
				},
			},
		],
	};
}
