import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { returnJsonArray } from 'n8n-core';
import { join } from 'node:path';

import { assertNoLeaks, credentialSecrets } from './secrets.cjs';

/**
 * Runs a trigger node's webhook() outside n8n: a request in, the written response and the
 * workflowData out. Real n8n behaviour (routing, body parsing, persistence) is covered by the e2e
 * tests; this tier checks the node's own decisions for every request shape.
 */
export interface FakeRequest {
	method: 'GET' | 'POST';
	query?: Record<string, string>;
	rawBody?: Buffer | string;
	headers?: Record<string, string>;
}

export interface WebhookResult {
	status?: number;
	body?: unknown;
	contentType?: string;
	workflowData?: INodeExecutionData[][];
	noWebhookResponse?: boolean;
}

export interface WebhookHarness {
	call(request: FakeRequest): Promise<WebhookResult>;
	staticData: IDataObject;
	logs: string[];
}

/**
 * A trigger node class from a new copy of its module, with empty module state (the triggers'
 * in-process memory), as another webhook process or a restarted n8n has it. `path` is the node's file
 * from the repository root, e.g. 'nodes/WeComTrigger/WeComTrigger.node'.
 */
export function freshNodeClass<T>(path: string, exportName: string): T {
	let fresh: T | undefined;
	jest.isolateModules(() => {
		const module = jest.requireActual<Record<string, T>>(join(__dirname, '..', '..', path));
		fresh = module[exportName];
	});
	return fresh as T;
}

export function webhookHarness(
	node: { webhook?: (this: IWebhookFunctions) => Promise<IWebhookResponseData> },
	parameters: IDataObject,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	extras: {
		httpRequestWithAuthentication?: (type: string, options: IDataObject) => Promise<unknown>;
		httpRequest?: (options: IDataObject) => Promise<unknown>;
		/** The response object of the last call, for tests that write to it after the answer. */
		onResponse?: (res: Record<string, unknown>) => void;
		/** The workflow the trigger belongs to (triggers keep their memory per workflow and node). */
		workflowId?: string;
	} = {},
): WebhookHarness {
	const staticData: IDataObject = {};
	const logs: string[] = [];
	return {
		staticData,
		logs,
		async call(request) {
			const result: WebhookResult = {};
			const res = {
				status(code: number) {
					result.status = code;
					return res;
				},
				type(type: string) {
					result.contentType = type;
					return res;
				},
				send(body: unknown) {
					result.body = body;
					return res;
				},
				end() {
					return res;
				},
				setHeader() {
					return res;
				},
			};
			const rawBody =
				typeof request.rawBody === 'string' ? Buffer.from(request.rawBody) : request.rawBody;
			const ctx = {
				getRequestObject: () => ({
					method: request.method,
					query: request.query ?? {},
					rawBody,
					headers: request.headers ?? {},
				}),
				getResponseObject: () => res,
				getNodeParameter: (name: string, fallback?: unknown) => {
					const value = name
						.split('.')
						.reduce<unknown>((v, k) => (v as IDataObject | undefined)?.[k], parameters);
					return value === undefined ? fallback : value;
				},
				getCredentials: async (type: string) => {
					if (!credentials[type]) throw new Error(`no ${type} credential`);
					return credentials[type];
				},
				getWorkflowStaticData: () => staticData,
				getWorkflow: () => ({
					id: extras.workflowId ?? 'harness-workflow',
					name: 'Harness',
					active: true,
				}),
				getTimezone: () => 'Asia/Shanghai',
				getNode: () => ({
					id: 'trigger',
					name: 'Trigger',
					type: 'test',
					typeVersion: 1,
					position: [0, 0],
					parameters,
					credentials: {},
				}),
				getBodyData: () => ({}),
				logger: {
					info: (m: string) => logs.push(`info ${m}`),
					warn: (m: string) => logs.push(`warn ${m}`),
					error: (m: string) => logs.push(`error ${m}`),
					debug: () => undefined,
				},
				helpers: {
					returnJsonArray,
					httpRequestWithAuthentication: async (type: string, options: IDataObject) => {
						if (!extras.httpRequestWithAuthentication) throw new Error('no HTTP in this test');
						return await extras.httpRequestWithAuthentication(type, options);
					},
					httpRequest: async (options: IDataObject) => {
						if (!extras.httpRequest) throw new Error('no HTTP in this test');
						return await extras.httpRequest(options);
					},
					prepareBinaryData: async (data: Buffer, fileName: string, mimeType: string) => ({
						data: data.toString('base64'),
						fileName,
						mimeType,
					}),
				},
			} as unknown as IWebhookFunctions;
			const response = await (
				node.webhook as (this: IWebhookFunctions) => Promise<IWebhookResponseData>
			).call(ctx);
			extras.onResponse?.(res as unknown as Record<string, unknown>);
			result.workflowData = response.workflowData;
			result.noWebhookResponse = response.noWebhookResponse;
			// The answer, the items started and the logs must hold no credential secret.
			assertNoLeaks(
				'a trigger answer, its items or its logs',
				{ result, logs },
				Object.entries(credentials).flatMap(([type, data]) => credentialSecrets(type, data)),
			);
			return result;
		},
	};
}
