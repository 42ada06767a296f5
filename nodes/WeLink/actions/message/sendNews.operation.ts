import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { checkHttpUrl, readBilingual } from '../common/text';
import { commonFields, readLink, readOptions } from './content';
import { readRecipients, sendInBatches } from './recipients';
import type { SendInput } from './sendPlainCard.operation';

/** A news message holds 1–5 articles (reference §3.4). */
export const MAX_ARTICLES = 5;

export function prepare(this: IExecuteFunctions, i: number): SendInput {
	const recipients = readRecipients(this, i);
	const options = readOptions(this, i);
	const articles = (this.getNodeParameter('articles.article', i, []) as IDataObject[]) ?? [];
	if (articles.length === 0)
		throw inputError(this, i, 'Articles', 'is empty', 'Add at least one article.');
	if (articles.length > MAX_ARTICLES)
		throw inputError(
			this,
			i,
			'Articles',
			`has ${articles.length} articles, over WeLink's limit of ${MAX_ARTICLES}`,
			`Keep at most ${MAX_ARTICLES} articles, or send a second news message.`,
		);
	const news = articles.map((article, n) => {
		const entry: IDataObject = {
			// UNCONFIRMED: which article fields WeLink requires; the pack requires a title and a link.
			title: readBilingual(this, i, article.title, {
				field: `Article ${n + 1} Title`,
				required: true,
			}),
			newsUrl: readLink(this, i, `Article ${n + 1} URL`, article.url, true),
			urlType: 'html',
		};
		const description = readBilingual(this, i, article.description, {
			field: `Article ${n + 1} Description`,
		});
		if (description) entry.description = description;
		const imageUrl = String(article.imageUrl ?? '').trim();
		if (imageUrl) {
			checkHttpUrl(this, i, `Article ${n + 1} Image URL`, imageUrl);
			entry.imageUrl = imageUrl;
		}
		return entry;
	});
	return { recipients, content: { news, ...commonFields(this, i, options) } };
}

export async function execute(this: IExecuteFunctions, input: SendInput, itemIndex: number) {
	return await sendInBatches(
		this,
		'/messages/v1/news',
		input.content,
		input.recipients,
		'news',
		itemIndex,
	);
}
