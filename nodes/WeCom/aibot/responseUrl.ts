import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiError } from '../../shared/transport';
import { redact } from '../../shared/redact';
import { explainWeComError } from '../transport/errors';

/**
 * The active reply (docs/reference/wecom-ai-bot.md §6): one POST of a markdown message to the
 * response_url a message callback carried. Each URL works once, for an hour, so the call is never
 * repeated: a lost answer is reported, not retried.
 */
export function activeMarkdown(content: string): IDataObject {
	return { msgtype: 'markdown', markdown: { content } };
}

export async function postActiveReply(
	ctx: IExecuteFunctions,
	url: string,
	content: string,
	itemIndex: number,
): Promise<void> {
	// The response_code in the URL lets anyone answer once: keep it out of errors.
	const code = new URL(url).searchParams.get('response_code') ?? undefined;
	let answer: IDataObject;
	try {
		answer = (await ctx.helpers.httpRequest({
			method: 'POST',
			url,
			body: activeMarkdown(content),
			json: true,
			timeout: 15_000,
		})) as IDataObject;
	} catch (error) {
		throw apiError(
			ctx,
			`WeCom AI bot: the answer through response_url failed: ${redact((error as Error).message, [code])}`,
			'It may or may not have reached the member; a response_url works once, so it is not repeated.',
			itemIndex,
		);
	}
	const errcode = Number(answer?.errcode ?? 0);
	if (errcode !== 0) {
		const errmsg = redact(String(answer.errmsg ?? ''), [code]);
		const explained = explainWeComError(errcode, errmsg);
		throw apiError(
			ctx,
			explained.message,
			explained.description ??
				'A response_url works once and expires after 1 hour; the member has to ask again.',
			itemIndex,
			{ errcode, errmsg },
		);
	}
}
