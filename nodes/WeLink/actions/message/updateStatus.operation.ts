import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { chunk } from '../../../shared/batching';
import { weLinkApiRequest } from '../../transport';
import { usersField } from '../common/fields';
import { readIdList } from '../common/read';
import { readMessageStatus } from '../common/text';
import { commonFields, readOptions } from './content';
import { itemIdField, show } from './fields';
import { MAX_USERS_PER_CALL } from './recipients';
import { readItemId } from './validate';

export const option: OperationOption = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update a card status',
	description: 'Change the status shown on a sent card, e.g. to 已处理 (更新消息状态)',
};

export const description: INodeProperties[] = [
	itemIdField(['updateStatus']),
	usersField({
		name: 'users',
		displayName: 'User Names or IDs',
		description: 'Recipients whose copy of the card to update; any number, sent 1,000 per call.',
		displayOptions: show('updateStatus'),
	}),
	{
		displayName: 'Status (Chinese)',
		name: 'statusCn',
		type: 'string',
		required: true,
		default: '',
		placeholder: '已处理',
		description: 'New status in Chinese, 2–5 characters',
		displayOptions: show('updateStatus'),
	},
	{
		displayName: 'Status (English)',
		name: 'statusEn',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Done',
		description: 'New status in English, 2–10 characters',
		displayOptions: show('updateStatus'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('updateStatus'),
		options: [
			{
				displayName: 'Public Account ID',
				name: 'publicAccountId',
				type: 'string',
				default: '',
				description:
					'Required when the card was sent through a custom public account (publicAccID)',
			},
			{
				displayName: 'Status Color',
				name: 'statusColor',
				type: 'options',
				default: '0',
				options: [
					{ name: 'Green', value: '2' },
					{ name: 'Grey', value: '0' },
					{ name: 'Yellow', value: '1' },
				],
				description: 'Color of the new status (this API’s own color codes)',
			},
		],
	},
];

interface UpdateInput {
	users: string[];
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): UpdateInput {
	const itemId = readItemId(this, i);
	const users = readIdList(this, i, 'User Names or IDs', this.getNodeParameter('users', i, []), {
		what: 'WeLink user ID',
		required: true,
	});
	const options = readOptions(this, i);
	const body: IDataObject = {
		itemId,
		messageStatus: readMessageStatus(
			this,
			i,
			this.getNodeParameter('statusCn', i, ''),
			this.getNodeParameter('statusEn', i, ''),
			true,
		),
		// publicAccID is required when the message went through a custom public account (reference §3.6).
		...commonFields(this, i, { publicAccountId: options.publicAccountId }),
	};
	// UNCONFIRMED: this page's colors (0 grey, 1 yellow, 2 green) differ from the send pages'; the pack follows this page.
	if (options.statusColor !== undefined) body.statusColor = String(options.statusColor);
	return { users, body };
}

/** Updates every recipient's copy, 1,000 users per call; repeating an update is harmless. */
export async function execute(this: IExecuteFunctions, input: UpdateInput, itemIndex: number) {
	const failedUserId: string[] = [];
	const batches = chunk(input.users, MAX_USERS_PER_CALL);
	for (const toUserList of batches) {
		const response = await weLinkApiRequest.call(this, {
			method: 'POST',
			path: '/messages/v1/update',
			body: { ...input.body, toUserList },
			idempotent: true,
			itemIndex,
		});
		if (Array.isArray(response.failedUserId))
			failedUserId.push(...(response.failedUserId as unknown[]).map(String));
	}
	return {
		itemId: input.body.itemId,
		updated: true,
		messageStatus: input.body.messageStatus,
		users: input.users.length,
		calls: batches.length,
		failedUserId,
	};
}
