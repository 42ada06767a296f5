import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { callbackSecretFields } from '../nodes/WeCom/callback/credentialFields';

/**
 * Token and EncodingAESKey of a WeCom AI bot's API mode (智能机器人 → API模式). WeCom calls n8n, never the
 * other way round, so the WeCom AI Bot Trigger tests it locally (testedBy): format checks and an
 * encrypt/decrypt round trip with the key. The receive ID of a corp's own AI bot is always empty.
 */
export class WecomWelinkWeComAiBotApi implements ICredentialType {
	name = 'wecomWelinkWeComAiBotApi';

	displayName = 'WeCom AI Bot API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#wecom-ai-bot-credential';

	properties: INodeProperties[] = [
		...callbackSecretFields('the bot’s API mode (智能机器人 → API模式 → 接收消息 URL 设置)'),
		{
			displayName: 'Bot ID',
			name: 'botId',
			type: 'string',
			default: '',
			placeholder: 'aibxxxxxxxx',
			description:
				'Optional: the bot’s ID (aibotid). When set, callbacks for any other bot are refused.',
		},
	];
}
