import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { OperationOption } from '../../../shared/display';
import { properNounAction } from '../../../shared/subtitles';
import { WELINK_ROOT } from './limits';
import { readWeLinkOrg } from './org';

export const option: OperationOption = {
	name: 'Export From WeLink',
	value: 'exportFromWeLink',
	action: properNounAction('Export the org from WeLink'),
	description: 'Every department (with its path) and user, as items for another system',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'exportOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contactsSync'], operation: ['exportFromWeLink'] } },
		options: [
			{
				displayName: 'Include Users',
				name: 'includeMembers',
				type: 'boolean',
				default: true,
				description: 'Whether to export users too, or only departments',
			},
		],
	},
];

/** userStatus → the status words Sync reads (1 and 2 are not activated yet; 4 is closed). */
const STATUS: Record<number, string> = {
	1: 'not activated',
	2: 'not activated',
	3: 'active',
	4: 'disabled',
};

/**
 * The whole org as items for an upstream system: one item per department (with its full path) and
 * per user (with department IDs and paths), in the shape "Sync to WeCom" and "Sync to WeLink" read
 * as their source. IDs are corp codes (corpDeptCode, corpUserId); level-1 departments have no parent.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const options = this.getNodeParameter('exportOptions', 0, {}) as IDataObject;
	const includeMembers = options.includeMembers !== false;
	const org = await readWeLinkOrg(this);
	const byId = new Map(org.departments.map((d) => [d.id, d]));
	const paths = new Map<string, string>();
	const pathOf = (id: string, seen = new Set<string>()): string => {
		const known = paths.get(id);
		if (known !== undefined) return known;
		const dept = byId.get(id);
		if (!dept || id === WELINK_ROOT) return '';
		const parent =
			dept.parentId && !seen.has(dept.parentId) ? pathOf(dept.parentId, seen.add(id)) : '';
		const path = parent ? `${parent}/${dept.name}` : dept.name;
		paths.set(id, path);
		return path;
	};
	const pairedItem = items.map((_, item) => ({ item }));
	const out: INodeExecutionData[] = org.departments
		.filter((d) => d.id !== WELINK_ROOT)
		.map((d) => ({
			json: {
				type: 'department',
				id: d.id,
				name: d.name,
				parentId: d.parentId === WELINK_ROOT ? '' : (d.parentId ?? ''),
				// Empty when WeLink keeps no order (orderNo 1000): Sync then leaves the order alone.
				order: d.order ?? '',
				path: pathOf(d.id),
				deptCode: org.deptCodes.get(d.id) ?? '',
			},
			pairedItem,
		}));
	if (!includeMembers) return out;
	org.members.forEach((member, n) => {
		const raw = org.raw[n];
		const { enabled, ...fields } = member;
		const json: IDataObject = { type: 'member' };
		for (const [key, value] of Object.entries(fields)) if (value !== undefined) json[key] = value;
		json.departmentPaths = member.departments.map((id) => pathOf(id) || id);
		json.status = STATUS[Number(raw.userStatus)] ?? (enabled ? 'active' : 'disabled');
		json.userId = String(raw.userId ?? '');
		out.push({ json, pairedItem });
	});
	return out;
}
