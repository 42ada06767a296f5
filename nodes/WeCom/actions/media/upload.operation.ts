import type { IExecuteFunctions } from 'n8n-workflow';

import { stringParam } from '../../../shared/validation';
import { readMediaFile, TEMPORARY_MEDIA, type MediaFile, type MediaType } from './rules';
import { uploadTemporaryMedia } from './upload';

interface UploadInput {
	file: MediaFile;
	type: MediaType;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<UploadInput> {
	const type = this.getNodeParameter('mediaType', i) as MediaType;
	const property = stringParam(this, 'binaryPropertyName', i) || 'data';
	return {
		type,
		file: await readMediaFile(this, i, property, TEMPORARY_MEDIA[type], 'Input Binary Field'),
	};
}

export async function execute(this: IExecuteFunctions, input: UploadInput, itemIndex: number) {
	const uploaded = await uploadTemporaryMedia(this, input.file, input.type, itemIndex);
	return {
		...uploaded,
		fileName: input.file.filename,
		bytes: input.file.data.length,
		validForDays: 3,
	};
}
