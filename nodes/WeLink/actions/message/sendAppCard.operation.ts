import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { readBilingual } from '../common/text';
import { cardFields, commonFields, readOptions } from './content';
import { BILINGUAL, linkField, messageOptions, recipientFields, show, titleField } from './fields';
import { readRecipients } from './recipients';
import { sendInBatches, type SendInput } from './send';
import { LIMITS, readLink, readTitle } from './validate';

export const option: OperationOption = {
	name: 'Send App Card',
	value: 'sendAppCard',
	action: 'Send an app card',
	description: 'Card with key/value rows and buttons (应用卡片)',
};

export const description: INodeProperties[] = [
	...recipientFields(['sendAppCard']),
	titleField(['sendAppCard']),
	linkField(['sendAppCard']),
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Row',
		default: {},
		description: 'Key/value lines of the card (contentList); WeLink shows at most 5',
		displayOptions: show('sendAppCard'),
		options: [
			{
				name: 'row',
				displayName: 'Row',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: '申请人',
						description:
							'At most 128 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '张三',
						description:
							'At most 256 bytes. Plain text, or both languages as JSON {"CN":"中文","EN":"English"}.',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 2 side by side, or 3 with the vertical Button Layout',
		displayOptions: show('sendAppCard'),
		options: [
			{
				name: 'button',
				displayName: 'Button',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: '去审批',
						description: BILINGUAL,
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						description: 'Opened when the button is tapped',
					},
				],
			},
		],
	},
	messageOptions('sendAppCard', [
		'buttonLayout',
		'devices',
		'publicAccountId',
		'statusCn',
		'statusEn',
		'statusColor',
		'strongReminder',
	]),
];

/** WeLink shows at most 5 key/value rows; buttons: 2 side by side or 3 stacked (reference §3.3). */
export const MAX_ROWS = 5;
export const MAX_BUTTONS = { horizontal: 2, vertical: 3 } as const;

export function prepare(this: IExecuteFunctions, i: number): SendInput {
	const recipients = readRecipients(this, i);
	const options = readOptions(this, i);
	const rows = (this.getNodeParameter('rows.row', i, []) as IDataObject[]) ?? [];
	if (rows.length === 0)
		throw inputError(this, i, 'Rows', 'is empty', 'Add at least one key/value row to the card.');
	if (rows.length > MAX_ROWS)
		throw inputError(
			this,
			i,
			'Rows',
			`has ${rows.length} rows, over WeLink's limit of ${MAX_ROWS} shown on a card`,
			`Keep at most ${MAX_ROWS} rows; put the rest behind the link.`,
		);
	const contentList = rows.map((row, n) => ({
		key: readBilingual(this, i, row.key, {
			field: `Row ${n + 1} Key`,
			maxBytes: LIMITS.key,
			required: true,
		}),
		value: readBilingual(this, i, row.value, {
			field: `Row ${n + 1} Value`,
			maxBytes: LIMITS.value,
			required: true,
		}),
	}));
	const content: IDataObject = {
		msgTitle: readTitle(this, i),
		urlType: 'html',
		urlPath: readLink(this, i, 'Link URL', this.getNodeParameter('link', i, ''), true),
		contentList,
		...commonFields(this, i, options),
		...cardFields(this, i, options),
	};
	const buttons = (this.getNodeParameter('buttons.button', i, []) as IDataObject[]) ?? [];
	const layout = (options.buttonLayout as 'horizontal' | 'vertical' | undefined) ?? 'horizontal';
	if (buttons.length > MAX_BUTTONS[layout]) {
		throw inputError(
			this,
			i,
			'Buttons',
			`has ${buttons.length} buttons, over WeLink's limit of ${MAX_BUTTONS[layout]} for the ${layout} layout`,
			layout === 'horizontal'
				? 'Choose the vertical Button Layout (up to 3) or remove a button.'
				: 'Remove a button: WeLink shows at most 3.',
		);
	}
	if (buttons.length) {
		content.btnType = layout;
		content.btnList = buttons.map((button, n) => ({
			btnTitle: readBilingual(this, i, button.title, {
				field: `Button ${n + 1} Title`,
				required: true,
			}),
			btnUrl: readLink(this, i, `Button ${n + 1} URL`, button.url, true),
			urlType: 'html',
		}));
	}
	return { recipients, content };
}

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	return await sendInBatches(
		this,
		'/messages/v1/card/wecode',
		input.content,
		input.recipients,
		'appCard',
		itemIndex,
	);
}
