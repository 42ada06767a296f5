import type { IExecuteFunctions } from 'n8n-workflow';

import { readIdList } from '../common/read';

/** Recipients per send (reference §3.1): 1,000 users, 100 departments, 100 roles. */
export const MAX_USERS_PER_CALL = 1000;
export const MAX_DEPARTMENTS = 100;
export const MAX_ROLES = 100;

export interface Recipients {
	/** msgRange: "0" users, "1" departments, "2" roles. */
	range: '0' | '1' | '2';
	ids: string[];
}

export function readRecipients(ctx: IExecuteFunctions, i: number, usersOnly = false): Recipients {
	const sendTo = usersOnly ? 'users' : (ctx.getNodeParameter('sendTo', i, 'users') as string);
	if (sendTo === 'departments') {
		return {
			range: '1',
			ids: readIdList(
				ctx,
				i,
				'Department Names or IDs',
				ctx.getNodeParameter('departments', i, []),
				{
					what: 'department code',
					max: MAX_DEPARTMENTS,
					required: true,
					limitHint: `WeLink takes at most ${MAX_DEPARTMENTS} departments per message: send to a parent department, or split the list over several items.`,
				},
			),
		};
	}
	if (sendTo === 'roles') {
		return {
			range: '2',
			ids: readIdList(ctx, i, 'Role IDs', ctx.getNodeParameter('roles', i, ''), {
				what: 'role ID',
				max: MAX_ROLES,
				required: true,
				limitHint: `WeLink takes at most ${MAX_ROLES} roles per message: split the list over several items.`,
			}),
		};
	}
	return {
		range: '0',
		ids: readIdList(ctx, i, 'User Names or IDs', ctx.getNodeParameter('users', i, []), {
			what: 'WeLink user ID',
			required: true,
		}),
	};
}
