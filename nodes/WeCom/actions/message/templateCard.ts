import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { CARD_TYPES } from './templateCardChecks';

type Show = NonNullable<IDisplayOptions['show']>;

/** The template card fields (reference §3.1.1); the card is built and checked in templateCardWire.ts. */

export function templateCardFields(show: Show, robot = false): INodeProperties[] {
	const on = (extra: Show = {}): IDisplayOptions => ({ show: { ...show, ...extra } });
	const structured = on({ cardInputMode: ['fields'] });
	const types = robot ? CARD_TYPES.filter((t) => t.value.endsWith('_notice')) : CARD_TYPES;
	return [
		{
			displayName: 'Card Input',
			name: 'cardInputMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'Build the common parts with fields' },
				{ name: 'JSON', value: 'json', description: 'Give the whole template_card object as JSON' },
			],
			default: 'fields',
			displayOptions: on(),
		},
		{
			displayName: 'Card JSON',
			name: 'cardJson',
			type: 'json',
			default:
				'{\n  "card_type": "text_notice",\n  "main_title": { "title": "", "desc": "" },\n  "card_action": { "type": 1, "url": "https://" }\n}',
			description: 'The template_card object as WeCom documents it',
			displayOptions: on({ cardInputMode: ['json'] }),
		},
		{
			displayName: 'Card Type',
			name: 'cardType',
			type: 'options',
			options: types,
			default: 'text_notice',
			displayOptions: structured,
		},
		{
			displayName: 'Title',
			name: 'cardMainTitle',
			type: 'string',
			default: '',
			description: 'Main title (recommended ≤36 characters)',
			displayOptions: structured,
		},
		{
			displayName: 'Title Description',
			name: 'cardMainDescription',
			type: 'string',
			default: '',
			description: 'Line under the title (recommended ≤44 characters)',
			displayOptions: structured,
		},
		{
			displayName: 'Task ID',
			name: 'cardTaskId',
			type: 'string',
			default: '',
			description:
				'Unique per app; letters, digits and _-@, at most 128 bytes. Required for interactive cards (one is generated when empty).',
			displayOptions: structured,
		},
		{
			displayName: 'Tap Action',
			name: 'cardAction',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Set Tap Action',
			description: 'What tapping the card opens; required for text and news notices',
			displayOptions: structured,
			options: [
				{
					name: 'action',
					displayName: 'Action',
					values: [
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{ name: 'Open URL', value: 1 },
								{ name: 'Open Mini Program', value: 2 },
							],
							default: 1,
						},
						{
							displayName: 'URL',
							name: 'url',
							type: 'string',
							default: '',
							displayOptions: { show: { type: [1] } },
						},
						{
							displayName: 'Mini Program App ID',
							name: 'appid',
							type: 'string',
							default: '',
							displayOptions: { show: { type: [2] } },
						},
						{
							displayName: 'Mini Program Page',
							name: 'pagepath',
							type: 'string',
							default: '',
							displayOptions: { show: { type: [2] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Card Fields',
			name: 'cardFields',
			type: 'collection',
			placeholder: 'Add Card Field',
			default: {},
			displayOptions: structured,
			options: [
				{
					displayName: 'Emphasis Description',
					name: 'emphasisDesc',
					type: 'string',
					default: '',
					description: 'Text notice: line under the big number',
				},
				{
					displayName: 'Emphasis Title',
					name: 'emphasisTitle',
					type: 'string',
					default: '',
					description: 'Text notice: a big number or keyword',
				},
				{
					displayName: 'Image Aspect Ratio',
					name: 'imageAspectRatio',
					type: 'number',
					typeOptions: { minValue: 1.3, maxValue: 2.25, numberPrecision: 2 },
					default: 1.3,
					description: 'News notice: between 1.3 and 2.25',
				},
				{
					displayName: 'Image URL',
					name: 'imageUrl',
					type: 'string',
					default: '',
					description: 'News notice: the card image',
				},
				{
					displayName: 'Source Description',
					name: 'sourceDesc',
					type: 'string',
					default: '',
					description: 'Name shown at the top (e.g. the system sending it)',
				},
				{ displayName: 'Source Icon URL', name: 'sourceIconUrl', type: 'string', default: '' },
				{
					displayName: 'Subtitle',
					name: 'subTitleText',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					description: 'Secondary text (recommended ≤160 characters)',
				},
			],
		},
		{
			displayName: 'Rows',
			name: 'cardRows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Row',
			default: {},
			description: 'Key/value rows (horizontal_content_list), at most 6',
			displayOptions: structured,
			options: [
				{
					name: 'row',
					displayName: 'Row',
					values: [
						{ displayName: 'Key', name: 'keyname', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						{
							displayName: 'Link URL',
							name: 'url',
							type: 'string',
							default: '',
							description: 'Makes the value a link',
						},
						{
							displayName: 'Member ID',
							name: 'userid',
							type: 'string',
							default: '',
							description: 'Makes the value open this member’s profile',
						},
					],
				},
			],
		},
		{
			displayName: 'Links',
			name: 'cardJumps',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Link',
			default: {},
			description: 'Links at the bottom (jump_list), at most 3',
			displayOptions: structured,
			options: [
				{
					name: 'jump',
					displayName: 'Link',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '' },
						{ displayName: 'URL', name: 'url', type: 'string', default: '' },
					],
				},
			],
		},
		...(robot
			? []
			: ([
					{
						displayName: 'Buttons',
						name: 'cardButtons',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Button',
						default: {},
						description: 'Button interaction cards: at most 6 buttons',
						displayOptions: on({ cardInputMode: ['fields'], cardType: ['button_interaction'] }),
						options: [
							{
								name: 'button',
								displayName: 'Button',
								values: [
									{
										displayName: 'Text',
										name: 'text',
										type: 'string',
										default: '',
										description: 'Recommended ≤10 characters',
									},
									{
										displayName: 'Key',
										name: 'key',
										type: 'string',
										default: '',
										description:
											'Sent back in the click event (template_card_event); unique, ≤1024 bytes',
									},
									{
										displayName: 'Style',
										name: 'style',
										type: 'options',
										options: [
											{ name: 'Blue (Primary)', value: 1 },
											{ name: 'Grey', value: 2 },
											{ name: 'Red', value: 3 },
											{ name: 'White', value: 4 },
										],
										default: 1,
									},
									{
										displayName: 'URL',
										name: 'url',
										type: 'string',
										default: '',
										description: 'Open this link instead of sending a click event',
									},
								],
							},
						],
					},
					{
						displayName: 'More Card JSON',
						name: 'cardExtraJson',
						type: 'json',
						default: '{}',
						description:
							'Other template_card fields merged into the card, e.g. "checkbox" and "submit_button" for votes, "select_list" for multiple choice, "quote_area", "action_menu"',
						displayOptions: structured,
					},
				] as INodeProperties[])),
	];
}
