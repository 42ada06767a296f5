import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SYNC_FIELDS, type SyncField } from './model';

/** The parameters of "Sync to <platform>", shared by every platform (read by read.ts, run by run.ts). */

const FIELD_LABELS: Record<SyncField, string> = {
	name: 'Name',
	mobile: 'Mobile',
	email: 'Email',
	position: 'Position',
	gender: 'Gender',
	alias: 'Alias',
	telephone: 'Telephone',
	address: 'Address',
	employeeNo: 'Employee Number',
};

export interface SyncUi {
	resource: string;
	operation: string;
	platform: string;
	/** Platform-specific entries of the Options collection. */
	extraOptions?: INodeProperties[];
	matchOptions?: INodePropertyOptions[];
	/** Description of the department order field (default: WeCom's "bigger first"). */
	orderHint?: string;
	/** The platform's own removal guard, told next to the thresholds. */
	guardHint?: string;
	/** The loadOptions method listing the platform's departments, for Top Department. */
	departmentPicker?: string;
}

/** Top Department: a picker where the platform has one (`departmentPicker`), else an ID. */
function topDepartment(ui: SyncUi): INodeProperties {
	const what = `The ${ui.platform} department the source tree is mounted under (顶级部门); the root when empty`;
	if (!ui.departmentPicker)
		return {
			displayName: 'Top Department ID',
			name: 'topDepartmentId',
			type: 'string',
			default: '',
			description: what,
		};
	return {
		displayName: 'Top Department Name or ID',
		name: 'topDepartmentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: ui.departmentPicker, loadOptionsDependsOn: ['readWith'] },
		// An ID from an expression, or one the picker cannot list.
		allowArbitraryValues: true,
		default: '',
		description: `Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. ${what}.`,
	};
}

const byName = (list: INodeProperties[]) =>
	list.sort((a, b) => a.displayName.localeCompare(b.displayName));

/** Parameters of a "Sync to <platform>" operation. */
export function syncProperties(ui: SyncUi): INodeProperties[] {
	const show = { show: { resource: [ui.resource], operation: [ui.operation] } };
	const text = (
		displayName: string,
		name: string,
		value: string,
		description?: string,
	): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: `={{ $json.${value} }}`,
		description,
	});
	return [
		{
			displayName: `The input items are the source org: one item per department and per member (e.g. from your HR system). The node compares them with ${ui.platform}, plans the changes and applies them in a safe order. Run with Simulate on first and read the plan.`,
			name: 'syncNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		{
			displayName: 'Simulate (Dry Run)',
			name: 'simulate',
			type: 'boolean',
			default: true,
			description: `Whether to only output the plan (模拟同步) without writing anything to ${ui.platform}`,
			displayOptions: show,
		},
		{
			displayName: 'Record Type',
			name: 'recordType',
			type: 'string',
			required: true,
			default: '={{ $json.type }}',
			description: 'For each item: "department" or "member"',
			displayOptions: show,
		},
		{
			displayName: 'Department Mapping',
			name: 'departmentMapping',
			type: 'collection',
			placeholder: 'Change Mapping',
			default: {},
			description:
				'Where each department item keeps its fields (defaults: ID, name, parentId, order)',
			displayOptions: show,
			options: [
				text('Key', 'key', 'id', 'The source system’s ID of the department'),
				text('Name', 'name', 'name'),
				text(
					'Order',
					'order',
					'order',
					ui.orderHint ?? 'Bigger first; empty keeps the platform’s order',
				),
				text(
					'Parent Key',
					'parentKey',
					'parentId',
					'Key of the parent department; empty for a top-level department',
				),
			],
		},
		{
			displayName: 'Member Mapping',
			name: 'memberMapping',
			type: 'collection',
			placeholder: 'Change Mapping',
			default: {},
			description:
				'Where each member item keeps its fields (defaults: ID, name, departments, status, and the fields named like the options)',
			displayOptions: show,
			options: [
				text('Address', 'address', 'address'),
				text('Alias', 'alias', 'alias'),
				text(
					'Department Keys',
					'departments',
					'departments',
					'Keys of the member’s departments: an array or keys separated by commas; the main one first',
				),
				text('Email', 'email', 'email'),
				text('Employee Number', 'employeeNo', 'employeeNo'),
				text('Gender', 'gender', 'gender', 'male/female, 1/2 or 男/女'),
				text('Key', 'key', 'id', 'The source system’s ID of the member'),
				text('Main Department Key', 'mainDepartment', 'mainDepartment'),
				text('Mobile', 'mobile', 'mobile'),
				text('Name', 'name', 'name'),
				text('Position', 'position', 'position'),
				text(
					'Status',
					'status',
					'status',
					'active, disabled or left (在职/禁用/离职); empty = active',
				),
				text(
					'Target ID',
					'targetId',
					'targetId',
					`The ${ui.platform} ID a new member gets; derived from the key when empty`,
				),
				text('Telephone', 'telephone', 'telephone'),
			],
		},
		{
			displayName: 'Match Members By',
			name: 'matchBy',
			type: 'options',
			options: ui.matchOptions ?? [
				{ name: 'Email', value: 'email' },
				{ name: 'Employee Number', value: 'employeeNo' },
				{
					name: 'Member ID',
					value: 'id',
					description: `The member’s Target ID (or key) equals the ${ui.platform} ID`,
				},
				{ name: 'Mobile', value: 'mobile' },
			],
			default: 'mobile',
			description: `How a source member finds an existing ${ui.platform} member the first time (later runs use the link kept from earlier runs)`,
			displayOptions: show,
		},
		{
			displayName: 'Fields to Sync',
			name: 'fields',
			type: 'multiOptions',
			options: SYNC_FIELDS.map((field) => ({ name: FIELD_LABELS[field], value: field })),
			default: ['name', 'mobile', 'email', 'position'],
			description: 'Member fields written to existing members (new members get every mapped field)',
			displayOptions: show,
		},
		{
			displayName: 'Stop If More Members Would Be Removed Than',
			name: 'maxDecreaseCount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 50,
			description: `Safety threshold (用户减少数量阈值): nothing is written when more members would be disabled, deleted or moved to the disabled members' department${ui.guardHint ? `. ${ui.guardHint}` : ''}`,
			displayOptions: show,
		},
		{
			displayName: 'Stop If More Than This Percent Would Be Removed',
			name: 'maxDecreasePercent',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: 20,
			description: 'Safety threshold as a share of the enabled members under the top department',
			displayOptions: show,
		},
		{
			displayName: 'Options',
			name: 'syncOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options: byName([
				{
					displayName: 'Confirm Removals (This Run)',
					name: 'confirmRemovals',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'To let through a run the safety thresholds stopped, enter the exact number of removals its stop message gives. A run that would remove any other number still stops; set it back to 0 afterwards.',
				},
				{
					displayName: 'Delete Disabled Members After (Days)',
					name: 'deleteDisabledAfterDays',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description:
						'Delete members this many days after a sync disabled them; 0 = never (禁用用户几天后删除)',
				},
				{
					displayName: 'Departments Exactly as the Source',
					name: 'replaceDepartments',
					type: 'boolean',
					default: true,
					description: `Whether a member’s departments become exactly the source’s, or the source’s are added to those they have in ${ui.platform}`,
				},
				{
					displayName: 'Exclude Department Keys',
					name: 'excludeDepartments',
					type: 'string',
					default: '',
					description:
						'Source departments (and everything below) left out; exclusion wins over inclusion',
				},
				{
					displayName: 'Exclude Member Keys',
					name: 'excludeMembers',
					type: 'string',
					default: '',
					description: 'Source members left out; exclusion wins over inclusion',
				},
				{
					displayName: 'Include Department Keys',
					name: 'includeDepartments',
					type: 'string',
					default: '',
					description: 'Only these source departments (and everything below); empty = all',
				},
				{
					displayName: 'Include Member Keys',
					name: 'includeMembers',
					type: 'string',
					default: '',
					description: 'Only these source members; empty = all',
				},
				{
					displayName: 'Include Part-Time Departments',
					name: 'allDepartments',
					type: 'boolean',
					default: false,
					description:
						'Whether members are placed in all their departments, or only their main one (兼职部门)',
				},
				{
					displayName: 'Invite New Members',
					name: 'invite',
					type: 'boolean',
					default: false,
					description: `Whether ${ui.platform} invites new members to join`,
				},
				{
					displayName: 'Leavers',
					name: 'leavers',
					type: 'options',
					options: [
						{
							name: 'Delete',
							value: 'delete',
							description: 'Their messages and data are deleted too',
						},
						{
							name: 'Disable',
							value: 'disable',
							description: 'Kept in the directory but cannot sign in (recommended)',
						},
						{ name: 'Ignore', value: 'ignore' },
					],
					default: 'disable',
					description:
						'What happens to linked members who left or are gone from the source (离职用户处理方式)',
				},
				{
					displayName: 'Move Disabled Members To',
					name: 'disabledDepartmentName',
					type: 'string',
					default: '已禁用用户',
					description:
						'Name of a department under the top department that disabled members are moved into',
				},
				{
					displayName: 'Create New Members',
					name: 'createMembers',
					type: 'boolean',
					default: true,
					description: `Whether source members with no match are created in ${ui.platform}`,
				},
				{
					displayName: 'Remove Out-of-Scope Members',
					name: 'removeOutOfScope',
					type: 'boolean',
					default: false,
					description: 'Whether linked members that fall outside the scope are treated as leavers',
				},
				{
					displayName: 'Remove Departments Gone From the Source',
					name: 'removeDepartments',
					type: 'boolean',
					default: false,
					description:
						'Whether linked departments the source no longer has are deleted (only when empty)',
				},
				topDepartment(ui),
				...(ui.extraOptions ?? []),
			]),
		},
	];
}
