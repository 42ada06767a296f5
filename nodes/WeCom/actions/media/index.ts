import type { INodeProperties } from 'n8n-workflow';

import { operationPicker } from '../../../shared/display';
import * as download from './download.operation';
import { RESOURCE } from './fields';
import * as upload from './upload.operation';
import * as uploadImage from './uploadImage.operation';

/** Media (素材): temporary media for messages, permanent images for MPNews content. */
const all = { upload, uploadImage, download };

export const operations = all;

export const description: INodeProperties[] = [
	operationPicker(
		RESOURCE,
		Object.values(all).map((op) => op.option),
		'upload',
	),
	...Object.values(all).flatMap((op) => op.description),
];
