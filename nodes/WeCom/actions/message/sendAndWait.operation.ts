import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { toDateTime } from '../../../shared/time';
import { checkText, inputError, stringParam } from '../../../shared/validation';
import { sendMessage } from './delivery';
import { recipientFields, RESOURCE, show } from './fields';
import { readRecipients } from './recipients';
import { readSendOptions } from './sendOptions';
import { checkTemplateCard } from './templateCardChecks';

/**
 * Send and Wait for Approval, n8n's human-in-the-loop pattern: a WeCom button card whose buttons
 * open n8n's signed resume URLs; the execution waits until a member answers, then continues with
 * `{ data: { approved } }` (or `{ data: { text } }` for a free-text answer).
 */

export const option: OperationOption = {
	name: 'Send and Wait for Response',
	value: 'sendAndWait',
	action: 'Send message and wait for response',
	description: 'Send an approve/decline card and pause until a member answers',
};

export const description: INodeProperties[] = [
	...recipientFields(['sendAndWait']),
	{
		displayName: 'Title',
		name: 'approvalTitle',
		type: 'string',
		required: true,
		default: '',
		description: 'Card title (recommended ≤36 characters)',
		displayOptions: show('sendAndWait'),
	},
	{
		displayName: 'Message',
		name: 'approvalMessage',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What the member is asked to decide',
		displayOptions: show('sendAndWait'),
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'Approve (and optionally decline) buttons',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'A button that opens a page to type an answer',
			},
		],
		default: 'approval',
		displayOptions: show('sendAndWait'),
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: {
			show: { resource: [RESOURCE], operation: ['sendAndWait'], responseType: ['approval'] },
		},
		options: [
			{
				displayName: 'Approval Type',
				name: 'approvalType',
				type: 'options',
				options: [
					{ name: 'Approve Only', value: 'single' },
					{ name: 'Approve and Decline', value: 'double' },
				],
				default: 'double',
			},
			{
				displayName: 'Approve Button Label',
				name: 'approveLabel',
				type: 'string',
				default: '同意 Approve',
			},
			{
				displayName: 'Decline Button Label',
				name: 'declineLabel',
				type: 'string',
				default: '驳回 Decline',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show('sendAndWait'),
		options: [
			{
				displayName: 'Respond Button Label',
				name: 'respondLabel',
				type: 'string',
				default: '回复 Respond',
				description: 'Free text: the button that opens the answer page',
			},
			{
				displayName: 'Wait At Most (Hours)',
				name: 'waitHours',
				type: 'number',
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 24,
				description:
					'Resume without an answer after this long; leave the option out to wait indefinitely',
			},
			{
				displayName: 'Wait Until',
				name: 'waitUntil',
				type: 'dateTime',
				default: '',
				description: 'Resume without an answer at this time',
			},
		],
	},
];

function escapeHtml(text: string) {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
	);
}

function waitTill(ctx: IExecuteFunctions): Date {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.waitUntil) {
		const until = toDateTime(options.waitUntil, ctx.getTimezone());
		if (!until)
			throw inputError(ctx, 0, 'Wait Until', 'is not a date and time', 'Use an ISO date-time.');
		return until.toJSDate();
	}
	if (options.waitHours !== undefined)
		return new Date(Date.now() + Number(options.waitHours) * 3600_000);
	return WAIT_INDEFINITELY;
}

/** One card for the whole input (as n8n's send-and-wait nodes do), then the execution waits. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const title = stringParam(this, 'approvalTitle', 0);
	const message = stringParam(this, 'approvalMessage', 0);
	checkText(this, 0, title, { field: 'Title', max: 128, unit: 'bytes', required: true });
	checkText(this, 0, message, { field: 'Message', max: 2048, unit: 'bytes', required: true });
	const recipients = readRecipients(this, 0);
	const responseType = this.getNodeParameter('responseType', 0, 'approval') as string;
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const until = waitTill(this);

	// n8n 1.x needs this; 2.x checks the signed resume links of `sendAndWait` operations by itself.
	(this as { setSignatureValidationRequired?: () => void }).setSignatureValidationRequired?.();
	const buttons: IDataObject[] = [];
	if (responseType === 'freeText') {
		buttons.push({
			text: String(options.respondLabel || '回复 Respond'),
			style: 1,
			type: 1,
			url: this.getSignedResumeUrl({ respond: 'true' }),
		});
	} else {
		const approval = this.getNodeParameter('approvalOptions', 0, {}) as IDataObject;
		if ((approval.approvalType ?? 'double') === 'double') {
			buttons.push({
				text: String(approval.declineLabel || '驳回 Decline'),
				style: 2,
				type: 1,
				url: this.getSignedResumeUrl({ approved: 'false' }),
			});
		}
		buttons.push({
			text: String(approval.approveLabel || '同意 Approve'),
			style: 1,
			type: 1,
			url: this.getSignedResumeUrl({ approved: 'true' }),
		});
	}
	const card: IDataObject = {
		card_type: 'button_interaction',
		main_title: { title },
		sub_title_text: message,
		task_id: `n8n_wait_${this.getExecutionId()}_${this.getNode().id}`
			.replace(/[^0-9a-zA-Z_\-@]/g, '_')
			.slice(0, 128),
		button_list: buttons,
	};
	checkTemplateCard(this, 0, card);
	await sendMessage(
		this,
		{
			recipients,
			content: { msgtype: 'template_card', payload: card },
			options: readSendOptions(this, 0, 'template_card'),
		},
		0,
	);
	await this.putExecutionToWait(until);
	return items.map((item, index) => ({ ...item, pairedItem: { item: index } }));
}

/** Resume URLs of the waiting execution (restart webhooks: never registered on activation). */
export const sendAndWaitWebhooks: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	}),
);

const BOTS =
	/bot|crawler|spider|preview|facebookexternalhit|slackbot|embedly|quora link|whatsapp|discord|telegram/i;

const page = (heading: string, body: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(heading)}</title>` +
	'<style>body{font-family:-apple-system,"PingFang SC",sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#222}textarea{width:100%;min-height:8rem}button{margin-top:1rem;padding:.6rem 1.4rem;background:#0082ef;color:#fff;border:0;border-radius:4px}</style>' +
	`</head><body><h2>${escapeHtml(heading)}</h2>${body}</body></html>`;

/** The resume webhook: records the member's answer and lets the execution continue. */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	// Link previews fetch URLs without a person clicking: they must not approve anything.
	if (BOTS.test(String(req.headers['user-agent'] ?? ''))) {
		res.status(204).end();
		return { noWebhookResponse: true };
	}
	const query = req.query as IDataObject;
	if (query.respond === 'true') {
		if (req.method === 'GET') {
			const form =
				'<form method="post"><label for="text">Your answer / 回复内容</label><textarea id="text" name="text" required></textarea>' +
				'<button type="submit">Send / 提交</button></form>';
			res.status(200).type('text/html').send(page('Reply / 回复', form));
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as IDataObject;
		return {
			webhookResponse: page(
				'Thank you / 已提交',
				'<p>Your answer was recorded. You can close this page.</p>',
			),
			workflowData: [[{ json: { data: { text: String(body.text ?? '') } } }]],
		};
	}
	const approved = query.approved === 'true';
	return {
		webhookResponse: page(
			approved ? 'Approved / 已同意' : 'Declined / 已驳回',
			'<p>Your answer was recorded. You can close this page.</p>',
		),
		workflowData: [[{ json: { data: { approved } } }]],
	};
}
