import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { departmentPaths, type WeComDepartment } from '../contacts/api';
import { DEFAULT_EMPLOYEE_NO_ATTRIBUTE, readWeComOrg } from './platform';

const STATUS: Record<number, string> = {
	1: 'active',
	2: 'disabled',
	4: 'not activated',
	5: 'left',
};

/**
 * The whole org as items for an upstream system: one item per department (with its full path) and
 * per member (with department IDs and paths), in the shape "Sync to WeLink" reads as its source.
 */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]) {
	const options = this.getNodeParameter('exportOptions', 0, {}) as IDataObject;
	const attribute =
		String(options.employeeNoAttribute ?? '').trim() || DEFAULT_EMPLOYEE_NO_ATTRIBUTE;
	const includeMembers = options.includeMembers !== false;
	const org = await readWeComOrg(this, attribute);
	const paths = departmentPaths(
		org.departments.map(
			(d) =>
				({ id: Number(d.id), name: d.name, parentid: Number(d.parentId ?? 0) }) as WeComDepartment,
		),
	);
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
	if (!includeMembers) return out;
	org.members.forEach((member, n) => {
		const raw = org.raw[n];
		const { enabled, ...fields } = member;
		out.push({
			json: {
				type: 'member',
				...fields,
				departmentPaths: member.departments.map((id) => paths.get(Number(id)) ?? id),
				status: STATUS[Number(raw.status)] ?? (enabled ? 'active' : 'disabled'),
			},
			pairedItem,
		});
	});
	return out;
}
