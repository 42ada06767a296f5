import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { weComApiRequest } from '../../transport';
import { readMemberLocator } from '../common/read';
import { customerIdField, followMemberField, show } from './fields';
import { readCustomerId } from './validate';
import { readTagIds } from './wire';

/** Add Tags and Remove Tags: one externalcontact/mark_tag call each (path/92118). */
export function tagFields(operation: string, verb: string): INodeProperties[] {
	return [
		followMemberField([operation]),
		customerIdField([operation]),
		{
			displayName: 'Tag Names or IDs',
			name: 'tags',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getCorpTags' },
			required: true,
			default: [],
			description: `Corp tags (企业标签) to ${verb}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			displayOptions: show(operation),
		},
	];
}

export function prepareMarkTag(
	ctx: IExecuteFunctions,
	i: number,
	key: 'add_tag' | 'remove_tag',
): IDataObject {
	return {
		userid: readMemberLocator(ctx, i, 'member', 'Member'),
		external_userid: readCustomerId(ctx, i),
		[key]: readTagIds(ctx, i, ctx.getNodeParameter('tags', i, [])),
	};
}

/** Marking a tag that is already there (or removing one that is not) changes nothing: safe to repeat. */
export async function markTag(ctx: IExecuteFunctions, body: IDataObject, i: number) {
	await weComApiRequest.call(ctx, {
		method: 'POST',
		path: '/cgi-bin/externalcontact/mark_tag',
		body,
		idempotent: true,
		itemIndex: i,
	});
	return { ...body, updated: true };
}
