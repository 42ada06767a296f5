import type { IExecuteFunctions } from 'n8n-workflow';

import { routeOperation, type OperationMap } from '../../shared/router';
import { renamedOperationsRunner, type RenamedOperations } from '../../shared/versions';
import * as aiBot from './aiBot';
import * as apiRequest from './apiRequest';
import * as approval from './approval';
import * as checkin from './checkin';
import * as contactsImport from './contactsImport';
import * as contactsSync from './contactsSync';
import * as customerGroup from './customerGroup';
import * as customerTag from './customerTag';
import * as department from './department';
import * as externalContact from './externalContact';
import * as groupRobot from './groupRobot';
import * as ipList from './ipList';
import * as media from './media';
import * as meeting from './meeting';
import * as member from './member';
import * as message from './message';
import * as oauth from './oauth';
import * as tag from './tag';

export const operations: OperationMap = {
	aiBot: { reply: aiBot.reply },
	apiRequest: apiRequest.operations,
	checkin: checkin.operations,
	department: department.operations,
	member: member.operations,
	tag: tag.operations,
	contactsImport: contactsImport.operations,
	contactsSync: contactsSync.operations,
	externalContact: externalContact.operations,
	customerTag: customerTag.operations,
	customerGroup: customerGroup.operations,
	approval: approval.operations,
	oauth: oauth.operations,
	ipList: ipList.operations,
	message: message.operations,
	media: media.operations,
	groupRobot: groupRobot.operations,
	meeting: meeting.operations,
};

/** Operations named as n8n names them since node version 2, with their version 1 names. */
export const renamedOperations: RenamedOperations = {
	department: { getAll: 'list' },
	meeting: { getAll: 'list' },
	member: { getAll: 'list', getAllIds: 'listIds' },
	tag: { getAll: 'list' },
};

const runsAs = renamedOperationsRunner(renamedOperations);

export async function router(this: IExecuteFunctions) {
	return await routeOperation.call(this, operations, runsAs);
}
