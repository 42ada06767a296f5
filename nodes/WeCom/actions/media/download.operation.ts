import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { BinaryItems } from '../../../shared/router';
import { inputError, stringParam } from '../../../shared/validation';
import { weComDownload } from '../../transport';
import { show } from './fields';

export const option: OperationOption = {
	name: 'Download',
	value: 'download',
	action: 'Download a media file',
	description: 'Download temporary media to a binary field',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show('download'),
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: show('download'),
	},
];

interface DownloadInput {
	mediaId: string;
	property: string;
}

export function prepare(this: IExecuteFunctions, i: number): DownloadInput {
	const mediaId = stringParam(this, 'mediaId', i);
	if (!mediaId)
		throw inputError(
			this,
			i,
			'Media ID',
			'is required',
			'Use a media ID from an upload or a callback (valid 3 days).',
		);
	return { mediaId, property: stringParam(this, 'binaryPropertyName', i) || 'data' };
}

export async function execute(this: IExecuteFunctions, input: DownloadInput, itemIndex: number) {
	const file = await weComDownload.call(this, {
		method: 'GET',
		path: '/cgi-bin/media/get',
		qs: { media_id: input.mediaId },
		idempotent: true,
		itemIndex,
	});
	const binary = await this.helpers.prepareBinaryData(
		file.data,
		file.filename ?? input.mediaId,
		file.contentType,
	);
	return new BinaryItems([
		{
			json: {
				mediaId: input.mediaId,
				fileName: binary.fileName,
				mimeType: binary.mimeType,
				bytes: file.data.length,
			},
			binary: { [input.property]: binary },
		},
	]);
}
