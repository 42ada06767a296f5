import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { groupChat, readChatId, show } from './fields';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a customer group',
	description: 'A customer group with its members and admins (获取客户群详情)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Group Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA',
		description: 'The chat_id (客户群ID), e.g. from Get Many',
		displayOptions: show('get'),
	},
	{
		displayName: 'Include Member Names',
		name: 'includeNames',
		type: 'boolean',
		default: true,
		description: 'Whether WeCom adds each member’s name (need_name)',
		displayOptions: show('get'),
	},
];

export function prepare(this: IExecuteFunctions, i: number) {
	return {
		chatId: readChatId(this, i),
		withNames: this.getNodeParameter('includeNames', i, true) as boolean,
	};
}

export async function execute(
	this: IExecuteFunctions,
	input: { chatId: string; withNames: boolean },
	i: number,
) {
	return await groupChat(this, input.chatId, input.withNames, i);
}
