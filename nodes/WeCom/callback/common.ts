import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	IWebhookDescription,
} from 'n8n-workflow';

import { CallbackCryptoError } from '../../shared/crypto/errors';
import { decryptWeCom, encryptWeCom } from '../../shared/crypto/wecom';
import { callbackConfig } from './read';

/** One URL answers both WeCom's URL check (GET) and its event deliveries (POST). */
export const callbackWebhooks: IWebhookDescription[] = [
	{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'callback' },
	{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'callback' },
];

export const setupNotice = (where: string): INodeProperties => ({
	displayName: `Activate this workflow, then paste its <b>Production URL</b> (above) with the credential’s Token and EncodingAESKey into ${where}. WeCom checks the URL when you save it. One app has one callback URL: use one trigger and route by event (e.g. with a Switch on "eventKey").`,
	name: 'setupNotice',
	type: 'notice',
	default: '',
});

export const toleranceOption: INodeProperties = {
	displayName: 'Timestamp Tolerance (Seconds)',
	name: 'toleranceSeconds',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 300,
	description:
		'Refuse callbacks whose timestamp is further from now than this (replay protection); 0 disables the check',
};

/**
 * A callback credential cannot be checked against WeCom (WeCom calls n8n), so its test checks what
 * can be checked locally: Token and key format, and that the key decrypts what it encrypts.
 */
export function credentialRoundTrip(
	read: () => { key: Buffer; receiveId: string },
	okMessage: string,
): INodeCredentialTestResult {
	try {
		const config = read();
		const probe = decryptWeCom(
			config.key,
			encryptWeCom(config.key, 'n8n credential test', config.receiveId),
		);
		if (probe.message !== 'n8n credential test' || probe.receiveId !== config.receiveId) {
			return { status: 'Error', message: 'The EncodingAESKey does not decrypt what it encrypts' };
		}
	} catch (error) {
		const reason =
			error instanceof CallbackCryptoError ? error.message : 'The credential could not be read';
		return { status: 'Error', message: reason };
	}
	return { status: 'OK', message: okMessage };
}

export async function weComCallbackCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return credentialRoundTrip(
		() => callbackConfig(credential.data ?? {}),
		'Token, EncodingAESKey and receive ID are well-formed. WeCom verifies them when you save the callback URL.',
	);
}

/** WeCom callback URLs are set by hand in the admin console: nothing to register or remove. */
export const manualWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			this.logger.info(
				`WeCom callback URL to configure in the admin console: ${this.getNodeWebhookUrl('default') ?? ''}`,
			);
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
