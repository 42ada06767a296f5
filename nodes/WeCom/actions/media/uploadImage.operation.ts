import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { multipartFile } from '../../../shared/multipart';
import { stringParam } from '../../../shared/validation';
import { weComApiRequest } from '../../transport';
import { inputBinaryField } from './fields';
import { readMediaFile, type MediaFile } from './rules';

export const option: OperationOption = {
	name: 'Upload Permanent Image',
	value: 'uploadImage',
	action: 'Upload a permanent image',
	description: 'Upload an image and get a permanent URL for MPNews content',
};

export const description: INodeProperties[] = [inputBinaryField(['uploadImage'])];

/** media/uploadimg: a permanent image URL for MPNews content; 5 B – 2 MB, JPG/PNG; quota 3,000/month per corp. */
const PERMANENT_IMAGE = {
	maxBytes: 2 * 1024 * 1024,
	extensions: ['jpg', 'jpeg', 'png'],
	label: 'JPG or PNG image',
};

export async function prepare(this: IExecuteFunctions, i: number): Promise<MediaFile> {
	return await readMediaFile(
		this,
		i,
		stringParam(this, 'binaryPropertyName', i) || 'data',
		PERMANENT_IMAGE,
		'Input Binary Field',
	);
}

export async function execute(this: IExecuteFunctions, file: MediaFile, itemIndex: number) {
	const { body, contentType } = multipartFile({ field: 'media', ...file });
	const response = await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/media/uploadimg',
		body,
		headers: { 'Content-Type': contentType },
		// Each upload uses the monthly quota; a lost answer is not repeated.
		idempotent: false,
		itemIndex,
		timeoutMs: 120_000,
	});
	return { url: response.url, fileName: file.filename };
}
