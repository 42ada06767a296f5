import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readMessageStatus } from '../common/text';

/** The parts of a message body that several send operations share, read from their Options. */

export function readOptions(ctx: IExecuteFunctions, i: number): IDataObject {
	return ctx.getNodeParameter('options', i, {}) as IDataObject;
}

/** Fields every send type shares: public account and devices. */
export function commonFields(ctx: IExecuteFunctions, i: number, options: IDataObject): IDataObject {
	const body: IDataObject = {};
	const account = String(options.publicAccountId ?? '').trim();
	if (account) {
		if (/\s/.test(account))
			throw inputError(
				ctx,
				i,
				'Public Account ID',
				`"${account}" is not an ID`,
				'Copy the ID from the admin console → 公众号 → 公众号设置.',
			);
		// Capital "ID": the one key WeLink does not spell in lowerCamelCase (reference §3.1).
		body.publicAccID = account;
	}
	if (options.devices !== undefined) body.receiveDeviceType = String(options.devices);
	return body;
}

/** Card extras: status text and color, strong reminder. */
export function cardFields(ctx: IExecuteFunctions, i: number, options: IDataObject): IDataObject {
	const body: IDataObject = {};
	const status = readMessageStatus(ctx, i, options.statusCn, options.statusEn);
	if (status) body.messageStatus = status;
	if (options.statusColor !== undefined) {
		// start-141/142: "状态对应的颜色", the color of the status: 1 blue, 2 grey, 3 orange (the update
		// page numbers its colors differently, see updateStatus).
		if (!status)
			throw inputError(
				ctx,
				i,
				'Status Color',
				'is set without a status',
				'Give Status (Chinese) and Status (English), or remove the color.',
			);
		body.statusColor = String(options.statusColor);
	}
	if (options.strongReminder !== undefined)
		body.isForceTips = options.strongReminder === true ? 1 : 0;
	return body;
}
