import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { weComApiRequest } from '../../transport';
import { showFor } from '../../../shared/display';

export const RESOURCE = 'ipList';

/** Both lists: WeCom changes them now and then and advises reading them daily (path/92520). */
export const LISTS = {
	api: { path: '/cgi-bin/get_api_domain_ip', direction: 'egress' },
	callback: { path: '/cgi-bin/getcallbackip', direction: 'ingress' },
} as const;

export function outputField(operation: string): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'list',
		displayOptions: showFor(RESOURCE, operation),
		options: [
			{ name: 'One Item With the List', value: 'list' },
			{
				name: 'One Item per Address',
				value: 'split',
				description: 'For a sheet or a firewall API',
			},
		],
	};
}

export function prepareOutput(ctx: IExecuteFunctions, i: number) {
	return ctx.getNodeParameter('output', i, 'list') === 'split';
}

export async function ipList(
	ctx: IExecuteFunctions,
	kind: keyof typeof LISTS,
	split: boolean,
	i: number,
): Promise<IDataObject | IDataObject[]> {
	const { path, direction } = LISTS[kind];
	const response = await weComApiRequest.call(ctx, {
		method: 'GET',
		path,
		idempotent: true,
		itemIndex: i,
	});
	const ips = ((response.ip_list as unknown[]) ?? []).map(String);
	const retrievedAt = DateTime.now().setZone(ctx.getTimezone()).toISO();
	// Entries are single addresses or CIDR ranges (e.g. 101.226.103.0/25).
	if (split)
		return ips.map((ip) => ({ ip, isRange: ip.includes('/'), list: kind, direction, retrievedAt }));
	return { list: kind, direction, ipList: ips, count: ips.length, retrievedAt };
}
