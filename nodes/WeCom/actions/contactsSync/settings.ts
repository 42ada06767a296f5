import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import type { WeComSyncSettings } from './platform';
import type { ReadWith } from './read';
import { DEFAULT_EMPLOYEE_NO_ATTRIBUTE } from './target';

/** The WeCom-specific settings of a Contacts Sync operation, checked before any call. */
export function readSettings(ctx: IExecuteFunctions, optionsName: string): WeComSyncSettings {
	const options = ctx.getNodeParameter(optionsName, 0, {}) as IDataObject;
	const limit = Number(options.lookupLimit ?? 1000);
	if (!Number.isInteger(limit) || limit < 0)
		throw inputError(
			ctx,
			0,
			'Max Lookups per Run',
			`${String(options.lookupLimit)} is not a whole number of 0 or more`,
			'Use 0 (no lookups) or a positive whole number.',
		);
	return {
		employeeNoAttribute:
			String(options.employeeNoAttribute ?? '').trim() || DEFAULT_EMPLOYEE_NO_ATTRIBUTE,
		readWith: ctx.getNodeParameter('readWith', 0, 'readerApp') as ReadWith,
		lookupLimit: limit,
	};
}
