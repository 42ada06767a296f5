import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from './display';
import { inputError, parseJsonObject } from './validation';

/**
 * The "API Request" resource both action nodes offer: any endpoint, with the token, error
 * explanations and retries of the node's transport. Platforms differ only in methods and paging.
 */
export interface ApiRequestSpec {
	platform: 'WeCom' | 'WeLink';
	methods: string[];
	pathPlaceholder: string;
	pathHint: string;
	paging: INodeProperties[];
}

/** The picker entry of "Make a Request". */
export function apiRequestOption(operationDescription: string): OperationOption {
	return {
		name: 'Make a Request',
		value: 'request',
		action: 'Make an API request',
		description: operationDescription,
	};
}

/** The fields of "Make a Request" (everything below the Operation picker). */
export function apiRequestFields(spec: ApiRequestSpec): INodeProperties[] {
	const show = { resource: ['apiRequest'], operation: ['request'] };
	return [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: spec.methods.map((m) => ({ name: m, value: m })),
			default: 'POST',
			displayOptions: { show },
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			required: true,
			default: '',
			placeholder: spec.pathPlaceholder,
			description: spec.pathHint,
			displayOptions: { show },
		},
		{
			displayName: 'Query Parameters',
			name: 'query',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			displayOptions: { show },
			options: [
				{
					name: 'parameter',
					displayName: 'Parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			description: 'JSON body to send, as the API documents it',
			displayOptions: { show: { ...show, method: ['POST', 'PUT'] } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Safe to Repeat',
					name: 'safeToRepeat',
					type: 'boolean',
					default: false,
					description: `Whether sending this request twice does no harm. GET requests always are. When on, timeouts and server errors are retried too; rate limits are always retried because ${spec.platform} did not act on them.`,
				},
				...spec.paging,
			],
		},
	];
}

export interface ApiRequestInput {
	method: string;
	path: string;
	qs: IDataObject;
	body?: IDataObject;
	idempotent: boolean;
	options: IDataObject;
}

const SECRET_QUERY = /^(access_token|corpsecret|client_secret|key)$/i;

export function readApiRequest(
	ctx: IExecuteFunctions,
	itemIndex: number,
	platform: string,
): ApiRequestInput {
	const method = ctx.getNodeParameter('method', itemIndex) as string;
	const path = String(ctx.getNodeParameter('path', itemIndex, '')).trim();
	if (!path)
		throw inputError(
			ctx,
			itemIndex,
			'Path',
			'is required',
			`Enter the API path, e.g. ${platform === 'WeCom' ? '/cgi-bin/user/get' : '/contact/v2/user/detail'}.`,
		);
	if (/^https?:\/\//i.test(path)) {
		throw inputError(
			ctx,
			itemIndex,
			'Path',
			'must be a path, not a full URL',
			`Remove the host; set a different host in the ${platform} credential’s API Base URL.`,
		);
	}
	if (!path.startsWith('/') || /[\s?#]/.test(path)) {
		throw inputError(
			ctx,
			itemIndex,
			'Path',
			'must start with / and contain no spaces, ? or #',
			'Put query values under Query Parameters.',
		);
	}
	const qs: IDataObject = {};
	const params = (ctx.getNodeParameter('query.parameter', itemIndex, []) as IDataObject[]) ?? [];
	for (const { name, value } of params) {
		const key = String(name ?? '').trim();
		if (!key) continue;
		if (SECRET_QUERY.test(key)) {
			throw inputError(
				ctx,
				itemIndex,
				'Query Parameters',
				`must not contain "${key}"`,
				'The node adds the credential’s token itself; remove the parameter.',
			);
		}
		qs[key] = value;
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const hasBody = method === 'POST' || method === 'PUT';
	return {
		method,
		path,
		qs,
		body: hasBody
			? parseJsonObject(
					ctx,
					itemIndex,
					'Body (JSON)',
					ctx.getNodeParameter('body', itemIndex, '{}'),
				)
			: undefined,
		idempotent: method === 'GET' || options.safeToRepeat === true,
		options,
	};
}

/** The request as the node's transport takes it. */
export function transportRequest<M extends string>(input: ApiRequestInput, itemIndex: number) {
	return {
		method: input.method as M,
		path: input.path,
		qs: input.qs,
		body: input.body,
		idempotent: input.idempotent,
		itemIndex,
	};
}
