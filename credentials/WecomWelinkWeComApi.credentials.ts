import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { issueWeComToken, WECOM_DEFAULT_BASE_URL } from '../nodes/WeCom/transport/token';
import { storedTokenProperties } from '../nodes/shared/tokenCache';

export class WecomWelinkWeComApi implements ICredentialType {
	name = 'wecomWelinkWeComApi';

	displayName = 'WeCom API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#wecom-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Corp ID',
			name: 'corpId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ww0123456789abcdef',
			description: 'Corp ID (企业ID), shown in the WeCom admin console under 我的企业 → 企业信息',
		},
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
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WECOM_DEFAULT_BASE_URL,
			description:
				'Change only for a private deployment (私有化部署) or WeChat for government (政务微信): the host that serves /cgi-bin/...',
		},
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
			baseURL: `={{($credentials.baseUrl || "${WECOM_DEFAULT_BASE_URL}").replace(/\\/+$/, "")}}`,
			url: '/cgi-bin/get_api_domain_ip',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 60020,
					message:
						'WeCom refused calls from this server’s IP (60020): add the n8n server’s egress IP under the app’s 企业可信IP in the WeCom admin console',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 40014,
					message: 'WeCom rejected the access token (40014): check the Corp ID and Secret pair',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 42001,
					message: 'WeCom rejected the access token as expired (42001): test the credential again',
				},
			},
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
