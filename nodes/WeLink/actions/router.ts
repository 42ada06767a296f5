import type { IExecuteFunctions } from 'n8n-workflow';

import { routeOperation, type OperationMap } from '../../shared/router';
import * as apiRequest from './apiRequest';
import * as attendance from './attendance';
import * as contact from './contact';
import * as contactsSync from './contactsSync';
import * as message from './message';
import * as todo from './todo';

export const operations: OperationMap = {
	apiRequest: { request: apiRequest.request },
	message: {
		sendPlainCard: message.sendPlainCard,
		sendAppCard: message.sendAppCard,
		sendImage: message.sendImage,
		sendNews: message.sendNews,
		sendPublicAccountText: message.sendPublicAccountText,
		updateStatus: message.updateStatus,
		recall: message.recall,
	},
	todo: { create: todo.create, handOver: todo.handOver, close: todo.close },
	contact: {
		getDepartment: contact.getDepartment,
		getManyDepartments: contact.getManyDepartments,
		createDepartment: contact.createDepartment,
		updateDepartment: contact.updateDepartment,
		deleteDepartment: contact.deleteDepartment,
		getUser: contact.getUser,
		getManyUsers: contact.getManyUsers,
		getUserIds: contact.getUserIds,
		createUser: contact.createUser,
		updateUser: contact.updateUser,
		deleteUser: contact.deleteUser,
		syncDepartments: contact.syncDepartments,
		syncUsers: contact.syncUsers,
		getBatchJob: contact.getBatchJob,
	},
	contactsSync: {
		syncToWeLink: contactsSync.syncToWeLink,
		exportFromWeLink: contactsSync.exportFromWeLink,
	},
	attendance: { getRecords: attendance.getRecords },
};

export async function router(this: IExecuteFunctions) {
	return await routeOperation.call(this, operations);
}
