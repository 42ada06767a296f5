import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/display';
import { listPickerField } from '../../../shared/fields';
import { membersField } from '../common/fields';

export const RESOURCE = 'tag';

export const show = (...operations: string[]) => showFor(RESOURCE, ...operations);

export function tagNameField(operations: string[]): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Up to 32 characters, unique in the corp',
		displayOptions: show(...operations),
	};
}

export function tagField(operations: string[]): INodeProperties {
	return {
		displayName: 'Tag',
		name: 'tag',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The tag (标签)',
		displayOptions: show(...operations),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTags', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '12',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]+$', errorMessage: 'A tag ID is a whole number' },
					},
				],
			},
		],
	};
}

/** The tag, then the members and departments to add or remove (any number; split per call). */
export function tagMembersFields(operation: string): INodeProperties[] {
	return [
		tagField([operation]),
		membersField({
			name: 'members',
			displayName: 'Members',
			description: 'Any number; sent 1,000 per call.',
			displayOptions: show(operation),
		}),
		listPickerField({
			name: 'departments',
			displayName: 'Department Names or IDs',
			description: 'Any number; sent 100 per call.',
			loadOptionsMethod: 'getDepartments',
			displayOptions: show(operation),
		}),
	];
}
