import type { IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../shared/validation';
import { STREAM_CONTENT_MAX_BYTES } from './limits';

/** Checks of AI Bot → Reply, before anything is sent (docs/reference/wecom-ai-bot.md §5–6). */

export function checkAnswer(ctx: IExecuteFunctions, i: number, content: string) {
	checkText(ctx, i, content, {
		field: 'Answer',
		max: STREAM_CONTENT_MAX_BYTES,
		unit: 'bytes',
		required: true,
		fix: 'Ask the model for a shorter answer (WeCom shows at most 20,480 bytes per answer).',
	});
}

/** A response_url as WeCom sends it: http(s), …/cgi-bin/aibot/response, with a response_code. */
export function checkResponseUrl(ctx: IExecuteFunctions, i: number, value: string) {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (
		!url ||
		!/^https?:$/.test(url.protocol) ||
		!url.pathname.endsWith('/cgi-bin/aibot/response') ||
		!url.searchParams.get('response_code')
	) {
		throw inputError(
			ctx,
			i,
			'Response URL',
			'is not the response_url of a WeCom AI-bot message',
			'Use the trigger’s response_url, e.g. {{ $("WeCom AI Bot Trigger").item.json.response_url }}.',
		);
	}
}
