import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { asNodeError } from '../../../shared/router';
import { apiError } from '../../../shared/transport';
import { weComErrcode } from '../../transport/errors';

/**
 * When WeCom refuses a read of Contacts Sync or Export: which call, which credential, which errcode,
 * and the admin-console setting that is missing (reference §4.0; docs/reference/wecom-contacts.md).
 */

export type Credential = 'main' | 'reader';

const LABEL: Record<Credential, string> = {
	main: 'the WeCom API credential',
	reader: 'the WeCom Contacts Reader credential',
};

const READER_FIX =
	'Set Read Directory With to "Contacts Reader Credential (Self-Built App)" and give the node a WeCom Contacts Reader credential: the Secret of a self-built app (应用管理 → 自建) whose visible range (可见范围) covers the departments you sync, with this server’s IP in its 企业可信IP.';

function advice(errcode: number, call: string, who: Credential): string | undefined {
	if (errcode === 48009)
		return who === 'main'
			? `Since 2022-08-15 WeCom lets the contacts-sync secret (管理工具 → 通讯录同步) read names and details only from IPs added to its 企业可信IP before that date; from newer IPs it may only list IDs and write. ${READER_FIX}`
			: 'That credential holds the contacts-sync secret, which WeCom does not let read names from this IP. Put the Secret of a self-built app there (应用管理 → your app → Secret).';
	if (errcode === 48002)
		return who === 'main'
			? `${call} only accepts the contacts-sync secret: put the Secret from 管理工具 → 通讯录同步 in the WeCom API credential, and turn on "API 编辑通讯录" there for the writes.`
			: 'The app may not call this contact read: check that the credential holds a self-built app’s Secret and that the app is enabled.';
	if (errcode === 60011)
		return who === 'reader'
			? 'The app cannot see this department: add the departments you sync (or one above them) to its visible range, 应用管理 → your app → 可见范围.'
			: 'The contacts-sync secret has no permission on this department: check 管理工具 → 通讯录同步 → 权限.';
	if (errcode === 60020)
		return who === 'main'
			? 'Add the IP WeCom saw to 管理工具 → 通讯录同步 → 企业可信IP.'
			: 'Add the IP WeCom saw to the self-built app’s 企业可信IP: 应用管理 → your app → 开发者接口 → 企业可信IP.';
	if (errcode === 50003 && who === 'reader')
		return 'The self-built app of the WeCom Contacts Reader credential is disabled: enable it in 应用管理.';
	return undefined;
}

/** Runs a read; a refusal WeCom gives for a setting becomes an error naming what to change. */
export async function explainRefusal<T>(
	ctx: IExecuteFunctions,
	call: string,
	who: Credential,
	read: () => Promise<T>,
): Promise<T> {
	try {
		return await read();
	} catch (error) {
		const errcode = weComErrcode(error);
		const fix = errcode === undefined ? undefined : advice(errcode, call, who);
		if (fix === undefined) throw asNodeError(ctx, error);
		const said = (error as { description?: string | null }).description;
		const details = (error as { context?: { details?: JsonObject } }).context?.details ?? {};
		throw apiError(
			ctx,
			`WeCom refused ${call} to ${LABEL[who]}: ${(error as Error).message.replace(/^WeCom: /, '')}`,
			said ? `${fix} ${said}` : fix,
			undefined,
			details,
		);
	}
}
