import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { stringParam } from '../../../shared/validation';
import { readMediaFile, TEMPORARY_MEDIA, type MediaFile, type MediaType } from './rules';
import { inputBinaryField, show } from './fields';
import { uploadTemporaryMedia } from './upload';

export const option: OperationOption = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a media file',
	description: 'Upload a file as temporary media (valid 3 days)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'File (≤20 MB)', value: 'file' },
			{ name: 'Image (JPG/PNG ≤10 MB)', value: 'image' },
			{ name: 'Video (MP4 ≤10 MB)', value: 'video' },
			{ name: 'Voice (AMR ≤2 MB)', value: 'voice' },
		],
		default: 'file',
		displayOptions: show('upload'),
	},
	inputBinaryField(['upload']),
];

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
