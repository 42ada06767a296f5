import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { readBilingual } from '../common/text';
import { commonFields, readLink, readOptions, readWeLinkImage } from './content';
import { readRecipients, sendInBatches } from './recipients';
import type { SendInput } from './sendPlainCard.operation';

/**
 * News (start-144): 1–5 articles; each has title (required, ≤ 18 bytes), description (≤ 140
 * bytes), newsUrl (required), urlType ("html" only) and imageUrl (required, uploaded to WeLink).
 */
export const MAX_ARTICLES = 5;
export const NEWS_LIMITS = { title: 18, description: 140 };

export async function prepare(this: IExecuteFunctions, i: number): Promise<SendInput> {
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
	const news: IDataObject[] = [];
	for (const [n, article] of articles.entries()) {
		const name = `Article ${n + 1}`;
		const entry: IDataObject = {
			title: readBilingual(this, i, article.title, {
				field: `${name} Title`,
				maxBytes: NEWS_LIMITS.title,
				required: true,
			}),
			newsUrl: readLink(this, i, `${name} URL`, article.url, true),
			urlType: 'html',
			imageUrl: await readWeLinkImage(this, i, `${name} Image URL`, article.imageUrl),
		};
		const description = readBilingual(this, i, article.description, {
			field: `${name} Description`,
			maxBytes: NEWS_LIMITS.description,
		});
		if (description) entry.description = description;
		news.push(entry);
	}
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
