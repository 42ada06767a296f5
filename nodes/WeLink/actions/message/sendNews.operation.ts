import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { inputError } from '../../../shared/validation';
import { readBilingual } from '../common/text';
import { commonFields, readOptions } from './content';
import { BILINGUAL, IMAGE_URL, messageOptions, recipientFields, show } from './fields';
import { readRecipients } from './recipients';
import { sendInBatches, type SendInput } from './send';
import { readLink, readWeLinkImage } from './validate';

export const option: OperationOption = {
	name: 'Send News',
	value: 'sendNews',
	action: 'Send news articles',
	description: 'One to five linked articles (图文消息)',
};

export const description: INodeProperties[] = [
	...recipientFields(['sendNews']),
	{
		displayName: 'Articles',
		name: 'articles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Article',
		default: {},
		description: 'One to five articles; one makes a single-article message',
		displayOptions: show('sendNews'),
		options: [
			{
				name: 'article',
				displayName: 'Article',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: `${BILINGUAL} Optional, at most 140 bytes (46 Chinese characters)`,
					},
					{
						displayName: 'Image URL',
						name: 'imageUrl',
						type: 'string',
						required: true,
						default: '',
						description: `Cover image (required). ${IMAGE_URL} WeLink suggests 16:9 for the first article and 1:1 for the others.`,
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						required: true,
						default: '',
						description: `${BILINGUAL} At most 18 bytes (6 Chinese characters)`,
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						required: true,
						default: '',
						description: 'Opened when the article is tapped (newsUrl)',
					},
				],
			},
		],
	},
	messageOptions('sendNews', ['devices', 'publicAccountId']),
];

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
