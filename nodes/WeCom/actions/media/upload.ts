import type { IExecuteFunctions } from 'n8n-workflow';

import { multipartFile } from '../../../shared/multipart';
import { weComApiRequest } from '../../transport';
import type { MediaFile, MediaType } from './rules';

/** POST /cgi-bin/media/upload: a temporary media ID, valid 3 days. Repeating creates another ID, nothing else. */
export async function uploadTemporaryMedia(
	ctx: IExecuteFunctions,
	file: MediaFile,
	type: MediaType,
	itemIndex: number,
) {
	const { body, contentType } = multipartFile({ field: 'media', ...file });
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/media/upload',
		qs: { type },
		body,
		headers: { 'Content-Type': contentType },
		idempotent: true,
		itemIndex,
		timeoutMs: 120_000,
	});
	return {
		mediaId: String(response.media_id),
		type: String(response.type ?? type),
		createdAt: response.created_at,
	};
}
