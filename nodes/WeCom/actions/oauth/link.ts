import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError, utf8Bytes } from '../../../shared/validation';

/**
 * WeCom's OAuth 2.0 link (构造网页授权链接, path/91022): WeCom opens it inside its app, then sends
 * the member to redirect_uri?code=CODE&state=STATE. The redirect host must be one of the app's
 * trusted domains (可信域名), or WeCom refuses (50001).
 */
export const AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';

export type SignInScope = 'snsapi_base' | 'snsapi_privateinfo';

export interface SignInLink {
	authorizeUrl: string;
	corpId: string;
	redirectUri: string;
	scope: SignInScope;
	state: string;
	agentId?: number;
}

/** Parameters in the documented order; the fragment tells the WeCom client to add the identity. */
export function signInUrl(link: SignInLink): string {
	const query = [
		`appid=${encodeURIComponent(link.corpId)}`,
		`redirect_uri=${encodeURIComponent(link.redirectUri)}`,
		'response_type=code',
		`scope=${link.scope}`,
		`state=${encodeURIComponent(link.state)}`,
		...(link.agentId === undefined ? [] : [`agentid=${link.agentId}`]),
	];
	return `${link.authorizeUrl}?${query.join('&')}#wechat_redirect`;
}

export function checkRedirectUri(ctx: IExecuteFunctions, i: number, value: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol))
		throw inputError(
			ctx,
			i,
			'Redirect URL',
			value ? `"${value.slice(0, 80)}" is not an http(s) address` : 'is required',
			'Give the full address WeCom sends the member back to, e.g. the production URL of an n8n Webhook or Form Trigger on a trusted domain (可信域名) of the app.',
		);
	return url.toString();
}

/** state: a-zA-Z0-9, at most 128 bytes (path/91022). */
export function checkState(ctx: IExecuteFunctions, i: number, state: string): string {
	if (!/^[A-Za-z0-9]*$/.test(state) || utf8Bytes(state) > 128)
		throw inputError(
			ctx,
			i,
			'State',
			`"${state.slice(0, 40)}" is not 0–128 letters and digits`,
			'WeCom passes state back unchanged but only accepts a-z, A-Z and 0-9; use e.g. an order number without dashes.',
		);
	return state;
}
