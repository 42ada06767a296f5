import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJsonObject, stringParam } from '../../../shared/validation';
import { checkTemplateCard, INTERACTIVE } from './templateCardChecks';

/**
 * Template cards (reference §3.1.1): structured fields for the common blocks, JSON for the rest
 * (vote and multiple-choice questions, quote areas, …). Whatever way the card is built, the final
 * object is checked (templateCardChecks.ts) before it is sent.
 */

function compact(value: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(value).filter(([, v]) => v !== '' && v !== undefined && v !== null),
	);
}

/** Builds the card from the fields (or takes the JSON) and checks it. */
export function readTemplateCard(
	ctx: IExecuteFunctions,
	i: number,
	robot = false,
	fallbackTaskId?: string,
): IDataObject {
	let card: IDataObject;
	if (ctx.getNodeParameter('cardInputMode', i, 'fields') === 'json') {
		card = parseJsonObject(ctx, i, 'Card JSON', ctx.getNodeParameter('cardJson', i, '{}'));
	} else {
		const fields = ctx.getNodeParameter('cardFields', i, {}) as IDataObject;
		card = { card_type: ctx.getNodeParameter('cardType', i, 'text_notice') as string };
		const source = compact({ icon_url: fields.sourceIconUrl, desc: fields.sourceDesc });
		if (Object.keys(source).length) card.source = source;
		const mainTitle = compact({
			title: stringParam(ctx, 'cardMainTitle', i),
			desc: stringParam(ctx, 'cardMainDescription', i),
		});
		if (Object.keys(mainTitle).length) card.main_title = mainTitle;
		if (fields.subTitleText) card.sub_title_text = fields.subTitleText;
		const emphasis = compact({ title: fields.emphasisTitle, desc: fields.emphasisDesc });
		if (Object.keys(emphasis).length) card.emphasis_content = emphasis;
		if (fields.imageUrl)
			card.card_image = compact({ url: fields.imageUrl, aspect_ratio: fields.imageAspectRatio });
		const rows = ((ctx.getNodeParameter('cardRows.row', i, []) as IDataObject[]) ?? []).map((r) => {
			const row = compact({ keyname: r.keyname, value: r.value, url: r.url, userid: r.userid });
			if (row.url) row.type = 1;
			else if (row.userid) row.type = 3;
			return row;
		});
		if (rows.length) card.horizontal_content_list = rows;
		const jumps = ((ctx.getNodeParameter('cardJumps.jump', i, []) as IDataObject[]) ?? []).map(
			(j) => ({ type: 1, ...compact(j) }),
		);
		if (jumps.length) card.jump_list = jumps;
		const action = ctx.getNodeParameter('cardAction.action', i, {}) as IDataObject;
		if (Object.keys(action).length)
			card.card_action = compact({
				type: Number(action.type ?? 1),
				url: action.url,
				appid: action.appid,
				pagepath: action.pagepath,
			});
		const taskId = stringParam(ctx, 'cardTaskId', i);
		if (taskId) card.task_id = taskId;
		if (!robot) {
			const buttons = (
				(ctx.getNodeParameter('cardButtons.button', i, []) as IDataObject[]) ?? []
			).map((b) =>
				b.url
					? compact({ text: b.text, style: b.style, type: 1, url: b.url })
					: compact({ text: b.text, style: b.style, key: b.key }),
			);
			if (buttons.length) card.button_list = buttons;
			Object.assign(
				card,
				parseJsonObject(ctx, i, 'More Card JSON', ctx.getNodeParameter('cardExtraJson', i, '{}')),
			);
		}
	}
	if (
		!card.task_id &&
		(INTERACTIVE.includes(String(card.card_type)) || card.action_menu) &&
		fallbackTaskId
	) {
		card.task_id = fallbackTaskId;
	}
	checkTemplateCard(ctx, i, card, robot);
	return card;
}
