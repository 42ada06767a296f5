import type { INodeProperties } from 'n8n-workflow';

/** The two secrets of every WeCom callback setting (app, contacts sync, customer contact, AI bot). */
export function callbackSecretFields(where: string): INodeProperties[] {
	return [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: `The Token you set (or let WeCom generate) under ${where}; letters and digits, at most 32`,
		},
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAesSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The 43-character EncodingAESKey from the same page',
		},
	];
}
