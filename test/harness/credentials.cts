import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { credentialType } from './registry.cjs';
import { credentialSecrets } from './secrets.cjs';

/**
 * A credentials helper with n8n's own rules (packages/cli/src/credentials-helper.ts): defaults
 * applied, generic authenticate resolved as expressions, preAuthentication run when the expirable
 * field is empty or a refresh is forced, and its result persisted, here into memory, so later
 * reads see the new token exactly as they would see the database row in n8n.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<
		string,
		{ type: string; data: ICredentialDataDecryptedObject }
	>();

	/** Number of times each credential's data was written back (token persisted). */
	readonly updates = new Map<string, number>();

	/** Every secret value any stored credential has held (given ones and tokens persisted later). */
	private readonly secretValues = new Set<string>();

	set(id: string, type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(id, { type, data: { ...data } });
		for (const secret of credentialSecrets(type, data)) this.secretValues.add(secret);
	}

	/** The values a secret-leak scan looks for (see secrets.cts). */
	secrets(): string[] {
		return [...this.secretValues];
	}

	data(id: string) {
		return this.store.get(id)?.data;
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = credentialType(typeName);
		const options = requestOptions as IHttpRequestOptions;
		if (typeof type.authenticate === 'function')
			return await type.authenticate(credentials, options);
		if (type.authenticate?.type === 'generic') {
			for (const [outerKey, entries] of Object.entries(type.authenticate.properties)) {
				const target = ((options as unknown as Record<string, Record<string, unknown>>)[
					outerKey
				] ??= {});
				for (const [key, value] of Object.entries(entries as Record<string, string>)) {
					const resolved = this.resolve(value, credentials, workflow, node);
					target[this.resolve(key, credentials, workflow, node)] = resolved;
				}
			}
		}
		return options;
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	) {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		const result = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return result ? String(result) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	) {
		const type = credentialType(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const ref = node.credentials?.[typeName];
		if (ref) await this.updateCredentials(ref, typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails): Promise<ICredentials> {
		throw new Error(`raw credentials are not available in the harness (${nodeCredentials.name})`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const entry = this.store.get(nodeCredentials.id ?? '');
		if (!entry || entry.type !== type)
			throw new Error(`No ${type} credential "${nodeCredentials.name}" in the harness`);
		const data: ICredentialDataDecryptedObject = {};
		for (const property of credentialType(type).properties) {
			if (property.default !== undefined) data[property.name] = property.default as never;
		}
		return { ...data, ...entry.data };
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		const id = nodeCredentials.id ?? '';
		this.set(id, type, data);
		this.updates.set(id, (this.updates.get(id) ?? 0) + 1);
	}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialType(type).properties;
	}
}
