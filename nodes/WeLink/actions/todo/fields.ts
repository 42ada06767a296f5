import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { userLocator } from '../common/fields';

export const RESOURCE = 'todo';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

const NAME_HINT = 'Leave empty to read it from WeLink contacts (needs the 用户详细信息 permission)';

export function taskIdField(operations: string[]): INodeProperties {
	return {
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'SP-2026-0042-step1',
		description:
			'Your own ID for the todo (taskId), unique within the app; Hand Over and Close use it',
		displayOptions: show(...operations),
	};
}

/**
 * A person on a todo: who (a WeLink user) and the Chinese and English names the todo APIs require,
 * read from WeLink's contacts when left empty (see readNames in names.ts).
 */
export function personFields(
	person: { name: string; displayName: string; description: string },
	operation: string,
): INodeProperties[] {
	return [
		userLocator({ ...person, required: true, displayOptions: show(operation) }),
		{
			displayName: `${person.displayName} Name (Chinese)`,
			name: `${person.name}NameCn`,
			type: 'string',
			default: '',
			description: NAME_HINT,
			displayOptions: show(operation),
		},
		{
			displayName: `${person.displayName} Name (English)`,
			name: `${person.name}NameEn`,
			type: 'string',
			default: '',
			description: `${NAME_HINT}; the Chinese name is used when WeLink has none`,
			displayOptions: show(operation),
		},
	];
}
