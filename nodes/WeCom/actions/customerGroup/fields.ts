import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isoFromUnix } from '../../../shared/time';
import { inputError, stringParam } from '../../../shared/validation';
import { OPAQUE_ID } from '../common/ids';
import { weComApiRequest } from '../../transport';
import { showFor } from '../../../shared/display';

export const RESOURCE = 'customerGroup';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

export function readChatId(ctx: IExecuteFunctions, i: number): string {
	const id = stringParam(ctx, 'chatId', i);
	if (!OPAQUE_ID.test(id))
		throw inputError(
			ctx,
			i,
			'Group Chat ID',
			id ? `"${id.slice(0, 60)}" is not a chat ID` : 'is required',
			'Give one chat_id (客户群ID, starts with wr), e.g. from Customer Group → Get Many.',
		);
	return id;
}

/** groupchat/get (path/92122): the group with its members, creation time as ISO text. */
export async function groupChat(
	ctx: IExecuteFunctions,
	chatId: string,
	withNames: boolean,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/externalcontact/groupchat/get',
		body: { chat_id: chatId, need_name: withNames ? 1 : 0 },
		idempotent: true,
		itemIndex,
	});
	const chat = (response.group_chat as IDataObject) ?? {};
	const members = (chat.member_list as IDataObject[] | undefined) ?? [];
	return {
		...chat,
		createdAt: isoFromUnix(chat.create_time, ctx.getTimezone()),
		memberCount: members.length,
		customerCount: members.filter((m) => m.type === 2).length,
	};
}
