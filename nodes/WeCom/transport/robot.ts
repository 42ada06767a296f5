import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WECOM_DEFAULT_BASE_URL } from './token';

export interface RobotWebhook {
	baseUrl: string;
	key: string;
}

/**
 * The robot credential accepts either the bare key or the whole webhook URL that WeCom shows
 * (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…); a private deployment keeps its host.
 */
export function parseRobotWebhook(credentials: ICredentialDataDecryptedObject): RobotWebhook {
	const raw = String(credentials.webhookSecret ?? '').trim();
	const match =
		/^(https?:\/\/[^?#]+?)(?:\/cgi-bin\/webhook\/[a-z_]+)?\/?\?(?:.*&)?key=([^&#]+)/i.exec(raw);
	if (match) return { baseUrl: match[1].replace(/\/+$/, ''), key: decodeURIComponent(match[2]) };
	return { baseUrl: WECOM_DEFAULT_BASE_URL, key: raw };
}
