import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { parseRobotWebhook } from '../nodes/WeCom/transport/robot';

export class WecomWelinkWeComRobotApi implements ICredentialType {
	name = 'wecomWelinkWeComRobotApi';

	displayName = 'WeCom Group Robot API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#wecom-group-robot-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL or Key',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
			description:
				'The webhook address of a group robot (群机器人: group chat → … → 添加群机器人 → copy the webhook URL), or only its key. Anyone with it can post to the group: keep it secret.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { key } = parseRobotWebhook(credentials);
		return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), key } };
	}

	// Posting a message without a msgtype delivers nothing: WeCom checks the key first (93000 for an
	// unknown key) and then refuses the empty message (40008). UNCONFIRMED that WeCom checks the key
	// before the body; the sandbox follows that order. Each call counts toward the robot's 20/min.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ (/^(https?:\\/\\/[^?#]+?)(?:\\/cgi-bin\\/webhook\\/[a-z_]+)?\\/?\\?/i.exec($credentials.webhookSecret.trim()) || [null, "https://qyapi.weixin.qq.com"])[1].replace(/\\/+$/, "") }}',
			url: '/cgi-bin/webhook/send',
			method: 'POST',
			body: {},
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 93000,
					message: 'WeCom does not know this robot webhook key (93000): copy the webhook URL again',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errcode',
					value: 45009,
					message:
						'The robot is rate limited (45009, 20 messages per minute): try again in a minute',
				},
			},
		],
	};
}
