import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, stringParam } from '../../../shared/validation';
import { weComCorpSettings } from '../../transport';
import { showFor, type OperationOption } from '../../../shared/display';
import {
	AUTHORIZE_URL,
	checkRedirectUri,
	checkState,
	signInUrl,
	type SignInLink,
	type SignInScope,
} from './link';

export const RESOURCE = 'oauth';

export const option: OperationOption = {
	name: 'Build Sign-In Link',
	value: 'buildLink',
	action: 'Build a sign-in link',
	description:
		'A WeCom OAuth link that sends the member back with a code (构造网页授权链接); no API call',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Redirect URL',
		name: 'redirectUri',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/wecom-sign-in',
		description:
			'Where WeCom sends the member back with ?code=…&state=…: e.g. an n8n Webhook or Form Trigger. Its domain must be a trusted domain (可信域名) of the app.',
		displayOptions: showFor(RESOURCE, 'buildLink'),
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'snsapi_base',
		displayOptions: showFor(RESOURCE, 'buildLink'),
		options: [
			{
				name: 'Member ID Only',
				value: 'snsapi_base',
				description: 'Silent: the member ID (静默授权, snsapi_base)',
			},
			{
				name: 'With Private Details',
				value: 'snsapi_privateinfo',
				description:
					'The member confirms; mobile, email, avatar and QR code can then be read (手动授权, snsapi_privateinfo). Needs the Agent ID in the credential.',
			},
		],
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		default: '',
		placeholder: 'order20261121',
		description: 'Sent back unchanged with the code: up to 128 letters and digits',
		displayOptions: showFor(RESOURCE, 'buildLink'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(RESOURCE, 'buildLink'),
		options: [
			{
				displayName: 'Sign-In Page Address',
				name: 'authorizeUrl',
				type: 'string',
				default: AUTHORIZE_URL,
				description:
					'Change only for a private deployment (私有化部署) whose OAuth page is on another host',
			},
		],
	},
];

interface BuildInput {
	redirectUri: string;
	scope: SignInScope;
	state: string;
	authorizeUrl: string;
}

export function prepare(this: IExecuteFunctions, i: number): BuildInput {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const scope = this.getNodeParameter('scope', i, 'snsapi_base') as SignInScope;
	if (scope !== 'snsapi_base' && scope !== 'snsapi_privateinfo')
		throw inputError(
			this,
			i,
			'Scope',
			`"${String(scope)}" is not a WeCom scope`,
			'Use snsapi_base or snsapi_privateinfo.',
		);
	const authorizeUrl = String(options.authorizeUrl || AUTHORIZE_URL).trim();
	if (!/^https?:\/\/[^\s?#]+$/.test(authorizeUrl))
		throw inputError(
			this,
			i,
			'Sign-In Page Address',
			'is not an http(s) address without query',
			`Keep ${AUTHORIZE_URL}.`,
		);
	return {
		redirectUri: checkRedirectUri(this, i, stringParam(this, 'redirectUri', i)),
		scope,
		state: checkState(this, i, stringParam(this, 'state', i)),
		authorizeUrl,
	};
}

/** Built from the credential's Corp ID and Agent ID; nothing is sent to WeCom. */
export async function execute(this: IExecuteFunctions, input: BuildInput, i: number) {
	const { corpId, agentId } = await weComCorpSettings.call(this);
	if (input.scope === 'snsapi_privateinfo' && agentId === undefined)
		throw inputError(
			this,
			i,
			'Scope',
			'snsapi_privateinfo needs the app’s Agent ID, and the credential has none',
			'Set Agent ID in the WeCom API credential (应用管理 → your app → AgentId), or use snsapi_base.',
		);
	const link: SignInLink = { ...input, corpId, agentId };
	return {
		url: signInUrl(link),
		redirectUri: input.redirectUri,
		scope: input.scope,
		state: input.state,
		...(agentId === undefined ? {} : { agentId }),
	};
}
