import type { IAuthenticateRuleResponseSuccessBody, INodeProperties } from 'n8n-workflow';

import { WECOM_DEFAULT_BASE_URL } from './token';

/** Credential fields every WeCom API credential shares (the WeCom API and Contacts Reader ones). */
export const corpIdProperty: INodeProperties = {
	displayName: 'Corp ID',
	name: 'corpId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'ww0123456789abcdef',
	description: 'Corp ID (企业ID), shown in the WeCom admin console under 我的企业 → 企业信息',
};

export const baseUrlProperty: INodeProperties = {
	displayName: 'API Base URL',
	name: 'baseUrl',
	type: 'string',
	default: WECOM_DEFAULT_BASE_URL,
	description:
		'Change only for a private deployment (私有化部署) or WeChat for government (政务微信): the host that serves the /cgi-bin API',
};

/** The API base URL as a credential test request's baseURL expression. */
export const testBaseUrl = `={{($credentials.baseUrl || "${WECOM_DEFAULT_BASE_URL}").replace(/\\/+$/, "")}}`;

/** Test rules every WeCom credential shares: the call came from a trusted IP with a valid token. */
export const tokenTestRules: IAuthenticateRuleResponseSuccessBody[] = [
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
];
