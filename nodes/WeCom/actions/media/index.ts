import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as upload from './upload.operation';
import * as uploadImage from './uploadImage.operation';

export { download, upload, uploadImage };

const show = (...operation: string[]) => ({ show: { resource: ['media'], operation } });

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				action: 'Download a media file',
				description: 'Download temporary media to a binary field',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a media file',
				description: 'Upload a file as temporary media (valid 3 days)',
			},
			{
				name: 'Upload Permanent Image',
				value: 'uploadImage',
				action: 'Upload a permanent image',
				description: 'Upload an image and get a permanent URL for MPNews content',
			},
		],
		default: 'upload',
	},
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
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: show('upload', 'uploadImage'),
	},
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
