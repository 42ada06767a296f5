import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import type { OperationOption } from '../../../shared/display';
import { readMemberLocator } from '../common/read';
import { customerIdField, followMemberField, show } from './fields';
import { readCustomerId } from './validate';
import { REMARK_LIMITS, remarkBody, type RemarkFields } from './wire';

export const option: OperationOption = {
	name: 'Update Remark',
	value: 'updateRemark',
	action: 'Update the remark of a customer',
	description:
		'A member’s remark, description, company and mobiles for a customer (修改客户备注信息)',
};

export const description: INodeProperties[] = [
	followMemberField(['updateRemark']),
	customerIdField(['updateRemark']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show('updateRemark'),
		options: [
			{
				displayName: 'Clear Remark Mobiles',
				name: 'clearRemarkMobiles',
				type: 'boolean',
				default: false,
				description: 'Whether to remove every remark mobile number',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: `描述, up to ${REMARK_LIMITS.description} characters`,
			},
			{
				displayName: 'Remark',
				name: 'remark',
				type: 'string',
				default: '',
				description: `备注名, up to ${REMARK_LIMITS.remark} characters`,
			},
			{
				displayName: 'Remark Company',
				name: 'remarkCompany',
				type: 'string',
				default: '',
				description: `备注企业名称, up to ${REMARK_LIMITS.remarkCompany} characters; WeCom applies it to WeChat customers only`,
			},
			{
				displayName: 'Remark Mobiles',
				name: 'remarkMobiles',
				type: 'string',
				default: '',
				placeholder: '13800000001, 13800000002',
				description:
					'备注手机号, separated by commas (or an array by expression); they replace the current ones',
			},
			{
				displayName: 'Remark Picture Media ID',
				name: 'remarkPicMediaId',
				type: 'string',
				default: '',
				description: 'A media_id from Media → Upload (type image)',
			},
		],
	},
];

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const userid = readMemberLocator(this, i, 'member', 'Member');
	const externalUserId = readCustomerId(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as RemarkFields;
	return remarkBody(this, i, userid, externalUserId, fields);
}

/** externalcontact/remark overwrites the fields it is given; repeating it is harmless. */
export async function execute(this: IExecuteFunctions, body: IDataObject, i: number) {
	await weComApiRequest.call(this, {
		method: 'POST',
		path: '/cgi-bin/externalcontact/remark',
		body,
		idempotent: true,
		itemIndex: i,
	});
	return { ...body, updated: true };
}
