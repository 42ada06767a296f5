import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../../shared/transport';
import { weComApiRequest } from '../../transport';
import { textOf } from './detail';

type Texts = Parameters<typeof textOf>[0];

export interface TemplateControl {
	id: string;
	control: string;
	title: string;
	required: boolean;
	placeholder?: string;
	/** Selector options: the keys Submit takes, with their texts. */
	options?: Array<{ key: string; text: string }>;
	config: IDataObject;
}

/** oa/gettemplatedetail (path/91982): the template's name and its controls, in form order. */
export async function approvalTemplate(ctx: ApiContext, templateId: string, itemIndex?: number) {
	const response = await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/oa/gettemplatedetail',
		body: { template_id: templateId },
		idempotent: true,
		itemIndex,
	});
	const content = (response.template_content as IDataObject) ?? {};
	const controls: TemplateControl[] = ((content.controls as IDataObject[]) ?? []).map((c) => {
		const property = (c.property as IDataObject) ?? {};
		const config = (c.config as IDataObject) ?? {};
		const selector = config.selector as IDataObject | undefined;
		return {
			id: String(property.id),
			control: String(property.control),
			title: textOf(property.title as Texts),
			required: property.require === 1,
			placeholder: textOf(property.placeholder as Texts) || undefined,
			options: selector
				? ((selector.options as IDataObject[]) ?? []).map((o) => ({
						key: String(o.key),
						text: textOf(o.value as Texts),
					}))
				: undefined,
			config,
		};
	});
	return {
		templateId,
		name: textOf(response.template_names as Texts),
		controls,
		templateNames: response.template_names,
	};
}
