import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';

export type MediaType = 'image' | 'voice' | 'video' | 'file';

interface MediaRule {
	maxBytes: number;
	extensions?: string[];
	label: string;
}

const MB = 1024 * 1024;

/** media/upload limits (reference §3.4): every file over 5 bytes; image JPG/PNG ≤10 MB, voice AMR ≤2 MB, video MP4 ≤10 MB, file ≤20 MB. */
export const TEMPORARY_MEDIA: Record<MediaType, MediaRule> = {
	image: { maxBytes: 10 * MB, extensions: ['jpg', 'jpeg', 'png'], label: 'JPG or PNG image' },
	voice: { maxBytes: 2 * MB, extensions: ['amr'], label: 'AMR voice file' },
	video: { maxBytes: 10 * MB, extensions: ['mp4'], label: 'MP4 video' },
	file: { maxBytes: 20 * MB, label: 'file' },
};

const MIME_EXTENSION: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/jpg': 'jpg',
	'image/png': 'png',
	'audio/amr': 'amr',
	'video/mp4': 'mp4',
};

export interface MediaFile {
	data: Buffer;
	filename: string;
	contentType: string;
}

/**
 * Reads a binary property of the item and checks it against a media rule before anything is
 * uploaded, naming the property, the file and the limit.
 */
export async function readMediaFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	rule: MediaRule,
	field = 'Binary Property',
): Promise<MediaFile> {
	let meta: IBinaryData;
	try {
		meta = ctx.helpers.assertBinaryData(itemIndex, property);
	} catch {
		meta = undefined as unknown as IBinaryData;
	}
	if (!meta) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`the item has no binary property "${property}"`,
			'Put the file into the item with a node that reads files, or give a media ID instead.',
		);
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	const extension = (
		meta.fileExtension ??
		meta.fileName?.split('.').pop() ??
		MIME_EXTENSION[meta.mimeType] ??
		''
	).toLowerCase();
	const filename = meta.fileName ?? `upload.${extension || 'bin'}`;
	if (
		rule.extensions &&
		!rule.extensions.includes(extension) &&
		!rule.extensions.includes(MIME_EXTENSION[meta.mimeType] ?? '')
	) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${filename}" (${meta.mimeType}) is not a ${rule.label}`,
			`WeCom accepts only ${rule.extensions.join(', ').toUpperCase()} here.`,
		);
	}
	if (data.length <= 5) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${filename}" has ${data.length} bytes; WeCom needs more than 5`,
			'Check that the file was read correctly.',
		);
	}
	if (data.length > rule.maxBytes) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${filename}" is ${(data.length / MB).toFixed(1)} MB, over the ${rule.label} limit of ${rule.maxBytes / MB} MB`,
			'Compress or shrink the file first.',
		);
	}
	return { data, filename, contentType: meta.mimeType || 'application/octet-stream' };
}
