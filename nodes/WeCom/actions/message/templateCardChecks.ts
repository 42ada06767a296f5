import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkText, inputError } from '../../../shared/validation';

/**
 * The documented structure and counts of a template card (reference §3.1.1), checked on the final
 * object however it was built. Text lengths in the card docs are recommendations (建议), so they are
 * not enforced; the byte limits on keys and option IDs are hard limits and are.
 */

export const CARD_TYPES = [
	{ name: 'Button Interaction', value: 'button_interaction' },
	{ name: 'Multiple Choice', value: 'multiple_interaction' },
	{ name: 'News Notice', value: 'news_notice' },
	{ name: 'Text Notice', value: 'text_notice' },
	{ name: 'Vote', value: 'vote_interaction' },
];

export const INTERACTIVE = ['button_interaction', 'vote_interaction', 'multiple_interaction'];

const TASK_ID = /^[0-9a-zA-Z_\-@]{1,128}$/;

/** Callback keys (menu items, question_key, submit_button.key): ≤1024 bytes (reference §3.1.1). */
const KEY_BYTES = 1024;
/** Option IDs (option_list[].id) of dropdowns and votes: ≤128 bytes. */
const OPTION_ID_BYTES = 128;

/** Checks a key or ID inside the card JSON, naming the field and where it sits in template_card. */
function checkBytes(
	ctx: IExecuteFunctions,
	i: number,
	value: unknown,
	field: string,
	max: number,
	path: string,
) {
	if (value === undefined || value === null) return;
	checkText(ctx, i, String(value), {
		field,
		max,
		unit: 'bytes',
		fix: `It is ${path} in the template_card JSON.`,
	});
}

/** Options of a dropdown or vote: each id at most 128 bytes. */
function checkOptionIds(
	ctx: IExecuteFunctions,
	i: number,
	options: IDataObject[],
	label: string,
	path: string,
) {
	options.forEach((o, n) =>
		checkBytes(
			ctx,
			i,
			(o ?? {}).id,
			`${label} ${n + 1} ID`,
			OPTION_ID_BYTES,
			`${path}.option_list[${n}].id (选项 id)`,
		),
	);
}

function count(
	ctx: IExecuteFunctions,
	i: number,
	card: IDataObject,
	key: string,
	field: string,
	max: number,
	min = 0,
) {
	const list = card[key];
	if (list === undefined) {
		if (min > 0)
			throw inputError(
				ctx,
				i,
				field,
				`is required for a ${String(card.card_type)} card`,
				`Add ${field.toLowerCase()} (${key}).`,
			);
		return [] as IDataObject[];
	}
	if (!Array.isArray(list))
		throw inputError(ctx, i, field, `(${key}) must be a list`, 'Use a JSON array.');
	if (list.length < min || list.length > max) {
		throw inputError(
			ctx,
			i,
			field,
			`has ${list.length} entries; WeCom takes ${min}–${max} (${key})`,
			`Use between ${min} and ${max}.`,
		);
	}
	return list as IDataObject[];
}

export function checkTemplateCard(
	ctx: IExecuteFunctions,
	i: number,
	card: IDataObject,
	robot = false,
) {
	const type = String(card.card_type ?? '');
	const allowed = robot ? ['text_notice', 'news_notice'] : CARD_TYPES.map((t) => t.value);
	if (!allowed.includes(type)) {
		throw inputError(
			ctx,
			i,
			'Card Type',
			`"${type}" is not a card type ${robot ? 'group robots can send' : 'WeCom knows'}`,
			`Use one of: ${allowed.join(', ')}.`,
		);
	}
	if (type.endsWith('_notice')) {
		const action = card.card_action as IDataObject | undefined;
		if (!action || ![1, 2].includes(Number(action.type))) {
			throw inputError(
				ctx,
				i,
				'Tap Action',
				`is required for a ${type} card (card_action type 1 = URL, 2 = mini program)`,
				'Set what tapping the card opens.',
			);
		}
		if (Number(action.type) === 1 && !/^https?:\/\//i.test(String(action.url ?? ''))) {
			throw inputError(
				ctx,
				i,
				'Tap Action URL',
				'must be an http(s) link',
				'Enter the page the card opens.',
			);
		}
		if (Number(action.type) === 2 && !action.appid)
			throw inputError(
				ctx,
				i,
				'Tap Action Mini Program App ID',
				'is required',
				'Enter the mini program App ID.',
			);
	}
	if (
		type === 'text_notice' &&
		!(card.main_title as IDataObject | undefined)?.title &&
		!card.sub_title_text
	) {
		throw inputError(
			ctx,
			i,
			'Title',
			'a text notice needs a title or a subtitle',
			'Fill in Title or Subtitle.',
		);
	}
	if (
		type === 'news_notice' &&
		!card.card_image &&
		!(card.image_text_area as IDataObject | undefined)?.image_url
	) {
		throw inputError(
			ctx,
			i,
			'Image URL',
			'a news notice needs a card image (card_image or image_text_area)',
			'Add an image URL.',
		);
	}
	const ratio = (card.card_image as IDataObject | undefined)?.aspect_ratio;
	if (ratio !== undefined && (Number(ratio) < 1.3 || Number(ratio) > 2.25)) {
		throw inputError(
			ctx,
			i,
			'Image Aspect Ratio',
			`${String(ratio)} is outside 1.3–2.25`,
			'Use a ratio between 1.3 and 2.25.',
		);
	}
	const needsTask = INTERACTIVE.includes(type) || card.action_menu !== undefined;
	if (needsTask && !card.task_id)
		throw inputError(
			ctx,
			i,
			'Task ID',
			`is required for a ${type} card${card.action_menu ? ' with a menu' : ''}`,
			'Give a unique task ID.',
		);
	if (card.task_id !== undefined && !TASK_ID.test(String(card.task_id))) {
		throw inputError(
			ctx,
			i,
			'Task ID',
			`"${String(card.task_id).slice(0, 40)}" may only contain letters, digits and _-@ (at most 128)`,
			'Remove other characters.',
		);
	}
	count(ctx, i, card, 'horizontal_content_list', 'Rows', 6);
	count(ctx, i, card, 'jump_list', 'Links', 3);
	count(ctx, i, card, 'vertical_content_list', 'Vertical Rows', 4);
	if (card.action_menu) {
		const items = count(ctx, i, card.action_menu as IDataObject, 'action_list', 'Menu Items', 3, 1);
		items.forEach((item, n) =>
			checkBytes(
				ctx,
				i,
				(item ?? {}).key,
				`Menu Item ${n + 1} Key`,
				KEY_BYTES,
				`action_menu.action_list[${n}].key (菜单项 key)`,
			),
		);
	}
	const submit = card.submit_button as IDataObject | undefined;
	if (submit && typeof submit === 'object')
		checkBytes(
			ctx,
			i,
			submit.key,
			'Submit Button Key',
			KEY_BYTES,
			'submit_button.key (提交按钮 key)',
		);
	if (type === 'button_interaction') {
		if (card.button_selection) {
			const selection = card.button_selection as IDataObject;
			const options = count(ctx, i, selection, 'option_list', 'Dropdown Options', 10, 1);
			checkBytes(
				ctx,
				i,
				selection.question_key,
				'Dropdown Question Key',
				KEY_BYTES,
				'button_selection.question_key (下拉式选择器 question_key)',
			);
			checkOptionIds(ctx, i, options, 'Dropdown Option', 'button_selection');
		}
		const buttons = count(ctx, i, card, 'button_list', 'Buttons', 6, 1);
		buttons.forEach((b, n) => {
			if (Number(b.type ?? 0) === 0 && !b.key)
				throw inputError(
					ctx,
					i,
					`Button ${n + 1} Key`,
					'is required for a button that sends a click event',
					'Give each button a unique key, or a URL.',
				);
			if (b.key !== undefined && Buffer.byteLength(String(b.key)) > 1024)
				throw inputError(ctx, i, `Button ${n + 1} Key`, 'is over 1024 bytes', 'Shorten the key.');
		});
	}
	if (type === 'vote_interaction') {
		const checkbox = card.checkbox as IDataObject | undefined;
		if (!checkbox)
			throw inputError(
				ctx,
				i,
				'More Card JSON',
				'a vote card needs "checkbox" with its options',
				'Add {"checkbox": {"question_key": "…", "option_list": [{"id": "1", "text": "…"}]}}.',
			);
		const options = count(ctx, i, checkbox, 'option_list', 'Vote Options', 20, 1);
		checkBytes(
			ctx,
			i,
			checkbox.question_key,
			'Vote Question Key',
			KEY_BYTES,
			'checkbox.question_key (选择题 question_key)',
		);
		checkOptionIds(ctx, i, options, 'Vote Option', 'checkbox');
		if (!card.submit_button)
			throw inputError(
				ctx,
				i,
				'More Card JSON',
				'a vote card needs "submit_button"',
				'Add {"submit_button": {"text": "提交", "key": "…"}}.',
			);
	}
	// multiple_interaction: the reference gives no limits for select_list's question_key or option ids.
	if (type === 'multiple_interaction') {
		const selects = count(ctx, i, card, 'select_list', 'Questions', 3, 1);
		selects.forEach((s) => count(ctx, i, s, 'option_list', 'Question Options', 10, 1));
		if (!card.submit_button)
			throw inputError(
				ctx,
				i,
				'More Card JSON',
				'a multiple-choice card needs "submit_button"',
				'Add {"submit_button": {"text": "提交", "key": "…"}}.',
			);
	}
}
