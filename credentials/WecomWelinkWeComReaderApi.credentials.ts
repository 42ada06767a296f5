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

/**
 * A self-built app that reads names and fields for Contacts Sync and Export: since 2022 WeCom lets
 * the contacts-sync secret only list IDs and write from IPs added after 2022-08-15.
 */
export class WecomWelinkWeComReaderApi implements ICredentialType {
	name = 'wecomWelinkWeComReaderApi';

	displayName = 'WeCom Contacts Reader API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#wecom-contacts-reader-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'A self-built app (应用管理 → 自建) whose visible range (可见范围) covers every department you sync, with the n8n server’s IP in its 企业可信IP. Contacts Sync reads names and fields with it; writes still go through the contacts-sync secret in the WeCom API credential.',
			name: 'readerNotice',
			type: 'notice',
			default: '',
		},
		corpIdProperty,
		{
			displayName: 'App Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Secret of the self-built app (应用管理 → your app → Secret). Not the contacts-sync secret: WeCom refuses it the reads this credential is for.',
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

	// department/list answers with the departments the app may read: none means its visible range is
	// empty, and 48009 that the secret is the contacts-sync one called from a new IP.
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl,
			url: '/cgi-bin/department/list',
			method: 'GET',
		},
		rules: [
			...tokenTestRules,
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 48002,
					message: 'WeCom accepted the secret but the app may not read contacts (48002)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 48009,
					message:
						'This is the contacts-sync secret, which WeCom does not let read names from this IP (48009): use the Secret of a self-built app',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'department.length',
					value: 0,
					message:
						'The app sees no department: add the departments you sync to its visible range (应用管理 → your app → 可见范围)',
				},
			},
		],
	};
}
