import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { apiError } from '../../../shared/transport';
import { weComApiRequest, WECOM_CREDENTIAL, type WeComResponse } from '../../transport';
import { weComAppConfig } from '../../transport/token';
import { checkinPacer, type Endpoint } from './limits';

const pacerKeys = new WeakMap<object, Promise<string>>();

/** The quota is per corp and endpoint: key the pacer by API host and Corp ID. */
async function corpKey(ctx: IExecuteFunctions): Promise<string> {
	let key = pacerKeys.get(ctx);
	if (!key) {
		key = ctx.getCredentials(WECOM_CREDENTIAL).then((credentials) => {
			const config = weComAppConfig(credentials);
			return `${config.baseUrl}|${config.corpId}`;
		});
		pacerKeys.set(ctx, key);
	}
	return await key;
}

/** One check-in API call: paced to the endpoint's per-minute quota, errors explained for check-in. */
export async function checkinRequest(
	ctx: IExecuteFunctions,
	endpoint: Endpoint,
	body: IDataObject,
	itemIndex: number,
	userids: string[] = [],
): Promise<WeComResponse> {
	await checkinPacer.slot(`${await corpKey(ctx)}|${endpoint.path}`, endpoint.perMinute);
	let failure: unknown;
	try {
		return await weComApiRequest.call(ctx, {
			method: 'POST',
			path: endpoint.path,
			body,
			idempotent: true,
			itemIndex,
		});
	} catch (error) {
		failure = error;
	}
	throw explainCheckinError(ctx, failure, itemIndex, userids);
}

const MEMBER_ERRORS = new Set([301021, 60011, 50002, 40003, 46004, 60111]);

function listed(userids: string[]) {
	if (!userids.length) return '';
	const shown = userids.slice(0, 5).join(', ');
	const more = userids.length > 5 ? ` and ${userids.length - 5} more` : '';
	return ` This call asked for ${shown}${more}.`;
}

/**
 * What check-in errors mean for the user: a missing API permission (which since 2023-12-01 is also
 * what the built-in 打卡 app's secret gets for new corps), or members the app may not see.
 */
export function explainCheckinError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	userids: string[] = [],
	departments?: number[],
): Error {
	const original = error as Error & { description?: string; context?: IDataObject };
	const details = original?.context?.details as IDataObject | undefined;
	const errcode = Number(details?.errcode);
	if (!details || !Number.isFinite(errcode)) return original;
	const said = details.errmsg ? ` WeCom said: ${String(details.errmsg)}` : '';
	if (errcode === 48002) {
		return apiError(
			ctx,
			'WeCom: this app may not call the check-in (打卡) API (48002)',
			'Use a self-built app’s secret in the WeCom credential and add the app under 打卡 → 可调用接口的应用 (admin console → 应用管理 → 打卡 → API → apps that may call the API). ' +
				'Since 2023-12-01 the built-in 打卡 app’s secret no longer works for corps set up after that date.' +
				said,
			itemIndex,
			details as JsonObject,
		);
	}
	if (departments && MEMBER_ERRORS.has(errcode)) {
		return apiError(
			ctx,
			`WeCom: a department does not exist or is outside the app’s visible range (${errcode})`,
			`The node lists the members of the departments${departments.length ? ` (${departments.join(', ')})` : ''} to find whose check-in data to read: each must exist and be inside the app’s visible range (应用管理 → your app → 可见范围).${said}`,
			itemIndex,
			details as JsonObject,
		);
	}
	if (MEMBER_ERRORS.has(errcode)) {
		return apiError(
			ctx,
			`WeCom: a member does not exist or is outside the app’s visible range (${errcode})`,
			'Check the member IDs (账号) and add the members or their departments to the app’s visible range (应用管理 → your app → 可见范围); check-in data is only returned for members the app can see.' +
				listed(userids) +
				said,
			itemIndex,
			details as JsonObject,
		);
	}
	return original;
}
