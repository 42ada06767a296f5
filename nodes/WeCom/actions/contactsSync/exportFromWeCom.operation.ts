import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { properNounAction } from '../../../shared/subtitles';
import { departmentPaths, type WeComDepartment } from '../contacts/api';
import { employeeNoAttribute } from './fields';
import { directoryOrg, readDirectory } from './read';
import { readSettings } from './settings';

const STATUS: Record<number, string> = {
	1: 'active',
	2: 'disabled',
	4: 'not activated',
	5: 'left',
};

export const option: OperationOption = {
	name: 'Export From WeCom',
	value: 'exportFromWeCom',
	action: properNounAction('Export the org from WeCom'),
	description: 'Every department (with its path) and member, as items for another system',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'exportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contactsSync'], operation: ['exportFromWeCom'] } },
		options: [
			employeeNoAttribute,
			{
				displayName: 'Include Members',
				name: 'includeMembers',
				type: 'boolean',
				default: true,
				description: 'Whether to export members too, or only departments',
			},
		],
	},
];

/**
 * The org as the reader sees it, as items for an upstream system: one item per department (with
 * its full path) and per member (with department IDs and paths), in the shape "Sync to WeLink"
 * reads. Fields the reader cannot see are left out and named in `unknownFields`, never sent empty.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const options = this.getNodeParameter('exportOptions', 0, {}) as IDataObject;
	const settings = readSettings(this, 'exportOptions');
	const directory = await readDirectory(
		this,
		settings.readWith === 'readerApp' ? 'reader' : 'main',
	);
	const org = directoryOrg(directory, settings.employeeNoAttribute);
	const paths = departmentPaths(directory.departments as WeComDepartment[]);
	const pairedItem = items.map((_, item) => ({ item }));
	const out: INodeExecutionData[] = org.departments.map((d) => ({
		json: {
			type: 'department',
			id: d.id,
			name: d.name,
			parentId: d.parentId ?? '',
			order: d.order ?? 0,
			path: paths.get(Number(d.id)) ?? d.name,
		},
		pairedItem,
	}));
	if (options.includeMembers === false) return out;
	for (const member of org.members) {
		const { enabled, unknown, ...fields } = member;
		const raw = directory.members.get(member.id) ?? {};
		out.push({
			json: {
				type: 'member',
				...fields,
				departmentPaths: member.departments.map((id) => paths.get(Number(id)) ?? id),
				status: STATUS[Number(raw.status)] ?? (enabled ? 'active' : 'disabled'),
				...(unknown?.length ? { unknownFields: [...unknown] } : {}),
			},
			pairedItem,
		});
	}
	return out;
}
