import type { IExecuteFunctions } from 'n8n-workflow';

import { routeOperation, type OperationMap } from '../../shared/router';
import * as apiRequest from './apiRequest';
import * as checkin from './checkin';
import * as groupRobot from './groupRobot';
import * as media from './media';
import * as meeting from './meeting';
import * as message from './message';

const operations: OperationMap = {
	apiRequest: { request: apiRequest.request },
	checkin: checkin.operations,
	message: {
		send: message.send,
		sendAndWait: message.sendAndWait,
		recall: message.recall,
		updateTemplateCard: message.updateTemplateCard,
	},
	media: { upload: media.upload, uploadImage: media.uploadImage, download: media.download },
	groupRobot: { send: groupRobot.send },
	meeting: {
		create: meeting.create,
		update: meeting.update,
		cancel: meeting.cancel,
		get: meeting.get,
		list: meeting.list,
	},
};

export async function router(this: IExecuteFunctions) {
	return await routeOperation.call(this, operations);
}
