import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chunk, mapWithConcurrency } from '../../../shared/batching';
import type { OperationOption } from '../../../shared/display';
import { readLimit, returnAllFields } from '../../../shared/list';
import { unixSeconds } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { RESOURCE, show, whoFields } from './fields';
import { ENDPOINTS, MAX_MEMBERS_PER_CALL } from './limits';
import { readWho, resolveMembers, type Who } from './members';
import { shapeRule } from './output';
import { readDay } from './period';
import { checkinRequest, explainCheckinError } from './request';

export const option: OperationOption = {
	name: 'Get Rules',
	value: 'getRules',
	action: 'Get attendance rules',
	description: 'The rules of members on a day, or all rules of the corp (打卡规则)',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Rules',
		name: 'ruleScope',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Rules of the Corp',
				value: 'corp',
				description: 'Every check-in rule (getcorpcheckinoption)',
			},
			{
				name: 'Rules of Members on a Day',
				value: 'members',
				description: 'The rule each member has on one day (getcheckinoption)',
			},
		],
		default: 'members',
		displayOptions: show('getRules'),
	},
	...whoFields('getRules'),
	{
		displayName: 'Day',
		name: 'day',
		type: 'dateTime',
		required: true,
		default: '={{ $today }}',
		description:
			'The day whose rules to read (workflow timezone); rules can differ from day to day',
		displayOptions: {
			show: { resource: [RESOURCE], operation: ['getRules'], ruleScope: ['members'] },
		},
	},
	...returnAllFields(RESOURCE, ['getRules']),
];

type RulesInput =
	| { scope: 'corp'; limit?: number }
	| { scope: 'members'; who: Who; day: number; dayText: string; limit?: number };

export function prepare(this: IExecuteFunctions, i: number): RulesInput {
	const scope = this.getNodeParameter('ruleScope', i, 'members') as string;
	const limit = readLimit(this, i);
	if (scope === 'corp') return { scope, limit };
	if (scope !== 'members')
		throw inputError(
			this,
			i,
			'Rules',
			`"${scope}" is not a choice`,
			'Use "Rules of Members on a Day" or "All Rules of the Corp".',
		);
	const who = readWho(this, i);
	const day = readDay(this, i);
	return { scope, who, day: unixSeconds(day), dayText: day.toFormat('yyyy-MM-dd'), limit };
}

/**
 * All rules of the corp (getcorpcheckinoption), or the rule each member has on a day
 * (getcheckinoption, ≤100 members per call; rules can differ from day to day).
 */
export async function execute(this: IExecuteFunctions, input: RulesInput, itemIndex: number) {
	const zone = this.getTimezone();
	if (input.scope === 'corp') {
		const response = await checkinRequest(this, ENDPOINTS.corpRules, {}, itemIndex);
		const rules = ((response.group as IDataObject[] | undefined) ?? []).map((group) =>
			shapeRule(group, zone),
		);
		return input.limit === undefined ? rules : rules.slice(0, input.limit);
	}
	let resolved: Awaited<ReturnType<typeof resolveMembers>> | undefined;
	let failure: unknown;
	try {
		resolved = await resolveMembers(this, input.who, itemIndex);
	} catch (error) {
		failure = error;
	}
	if (!resolved)
		throw explainCheckinError(
			this,
			failure,
			itemIndex,
			[],
			input.who.kind === 'departments' ? input.who.departmentIds : [],
		);
	const userids =
		input.limit === undefined ? resolved.userids : resolved.userids.slice(0, input.limit);
	const endpoint = ENDPOINTS.memberRules;
	const answers = await mapWithConcurrency(
		chunk(userids, MAX_MEMBERS_PER_CALL),
		endpoint.concurrency,
		async (batch) => {
			const response = await checkinRequest(
				this,
				endpoint,
				{ datetime: input.day, useridlist: batch },
				itemIndex,
				batch,
			);
			return (response.info as IDataObject[] | undefined) ?? [];
		},
	);
	const byMember = new Map(answers.flat().map((info) => [String(info.userid), info]));
	return userids
		.filter((userId) => byMember.has(userId))
		.map((userId) => ({
			userId,
			name: resolved?.names.get(userId),
			day: input.dayText,
			dayUnix: input.day,
			...shapeRule((byMember.get(userId)?.group as IDataObject | undefined) ?? {}, zone),
		}));
}
