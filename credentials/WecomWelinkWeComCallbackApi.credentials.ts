import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { callbackSecretFields } from '../nodes/WeCom/callback/credentialFields';

/**
 * Token and EncodingAESKey of a WeCom callback URL (接收消息服务器). WeCom calls n8n, never the other
 * way round, so this credential is tested locally by the trigger nodes (testedBy): format checks and
 * an encrypt/decrypt round trip with the key.
 */
export class WecomWelinkWeComCallbackApi implements ICredentialType {
	name = 'wecomWelinkWeComCallbackApi';

	displayName = 'WeCom Callback API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-wecom-welink/n8n-nodes-wecom-welink#wecom-callback-credential';

	properties: INodeProperties[] = [
		...callbackSecretFields('the app’s 接收消息 → 设置API接收'),
		{
			displayName: 'Receive ID (Corp ID)',
			name: 'receiveId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'ww0123456789abcdef',
			description:
				'Your Corp ID (企业ID). Every callback carries it inside the encrypted payload; callbacks for another corp are refused.',
		},
	];
}
