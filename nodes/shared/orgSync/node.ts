import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputError, splitList } from '../validation';
import { executePlan, type ActionResult, type SyncAdapter } from './execute';
import {
	SYNC_FIELDS,
	type Bindings,
	type MatchField,
	type MemberLookups,
	type PlanAction,
	type PlatformLimits,
	type SourceDepartment,
	type SourceMember,
	type SourceOrg,
	type SourceStatus,
	type SyncField,
	type SyncOptions,
	type TargetOrg,
} from './model';
import { emptyBindings, lookupCandidates, planSync } from './planner';

/**
 * The n8n side of "Sync to <platform>", shared by every platform: the parameters, reading the input
 * items as the source org, planning, applying, the bindings kept in the workflow's static data, and
 * the two outputs (one item per action; a summary).
 */

export interface SyncPlatform {
	name: string;
	limits: PlatformLimits;
	/** Reads the target org (departments and members under the platform root). */
	fetchTarget(options?: SyncOptions): Promise<TargetOrg>;
	adapter: SyncAdapter;
	/** Distinguishes bindings of different tenants in one workflow's static data. */
	tenant: string;
	/**
	 * Finds members by a mobile or email the reader cannot see (keyed by normalized value, with the
	 * value as the source gives it). `cache` is the node's static data, kept between production runs.
	 */
	lookupMembers?(
		field: 'mobile' | 'email',
		values: Map<string, string>,
		cache: IDataObject,
	): Promise<MemberLookups>;
}

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

const STATUS: Record<string, SourceStatus> = {
	'': 'active',
	active: 'active',
	enabled: 'active',
	true: 'active',
	'1': 'active',
	在职: 'active',
	正常: 'active',
	'not activated': 'active',
	未激活: 'active',
	disabled: 'disabled',
	inactive: 'disabled',
	false: 'disabled',
	'0': 'disabled',
	禁用: 'disabled',
	left: 'left',
	resigned: 'left',
	deleted: 'left',
	离职: 'left',
};

const GENDER: Record<string, string> = {
	'1': 'male',
	m: 'male',
	male: 'male',
	男: 'male',
	'2': 'female',
	f: 'female',
	female: 'female',
	女: 'female',
};

/** A mapped field: the mapping's value when the user set one, else the item's field of the default name. */
function mapped(mapping: IDataObject, json: IDataObject) {
	return (name: string, fallback = name): unknown =>
		name in mapping ? mapping[name] : json[fallback];
}

function textOf(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value).trim();
}

/**
 * Reads every input item as a department or a member of the source org. Any bad item stops the
 * sync before anything is planned: leaving an item out could make its member look like a leaver.
 */
export function readSource(ctx: IExecuteFunctions, items: INodeExecutionData[]) {
	const source: SourceOrg = { departments: [], members: [] };
	const itemOf = { departments: new Map<string, number>(), members: new Map<string, number>() };
	for (let i = 0; i < items.length; i++) {
		const type = textOf(ctx.getNodeParameter('recordType', i, '')).toLowerCase();
		const isDepartment = type === 'department' || type === 'dept' || type === '部门';
		const mapping = ctx.getNodeParameter(
			isDepartment ? 'departmentMapping' : 'memberMapping',
			i,
			{},
		) as IDataObject;
		const value = mapped(mapping, items[i].json);
		if (isDepartment) {
			const key = textOf(value('key', 'id'));
			const name = textOf(value('name', 'name'));
			if (!key)
				throw inputError(
					ctx,
					i,
					'Department Mapping: Key',
					'is empty',
					'Map the source system’s department ID.',
				);
			if (!name)
				throw inputError(
					ctx,
					i,
					'Department Mapping: Name',
					`is empty for department "${key}"`,
					'Map the department name.',
				);
			const orderText = textOf(value('order', 'order'));
			const order = orderText === '' ? undefined : Number(orderText);
			if (order !== undefined && (!Number.isInteger(order) || order < 0))
				throw inputError(
					ctx,
					i,
					'Department Mapping: Order',
					`"${orderText}" is not a whole number of 0 or more`,
					'Map a whole number, or leave it empty.',
				);
			const parentKey = textOf(value('parentKey', 'parentId'));
			const department: SourceDepartment = {
				key,
				name,
				...(parentKey ? { parentKey } : {}),
				...(order !== undefined ? { order } : {}),
			};
			source.departments.push(department);
			if (!itemOf.departments.has(key)) itemOf.departments.set(key, i);
		} else if (type === 'member' || type === 'user' || type === '成员') {
			const key = textOf(value('key', 'id'));
			const name = textOf(value('name'));
			if (!key)
				throw inputError(
					ctx,
					i,
					'Member Mapping: Key',
					'is empty',
					'Map the source system’s member ID.',
				);
			if (!name)
				throw inputError(
					ctx,
					i,
					'Member Mapping: Name',
					`is empty for member "${key}"`,
					'Map the member’s name.',
				);
			const statusText = textOf(value('status')).toLowerCase();
			const status = STATUS[statusText];
			if (!status)
				throw inputError(
					ctx,
					i,
					'Member Mapping: Status',
					`"${statusText}" is not a status`,
					'Map active, disabled or left (在职/禁用/离职).',
				);
			const genderText = textOf(value('gender')).toLowerCase();
			const gender = genderText ? GENDER[genderText] : undefined;
			if (genderText && !gender)
				throw inputError(
					ctx,
					i,
					'Member Mapping: Gender',
					`"${genderText}" is not a gender`,
					'Map male/female, 1/2 or 男/女, or leave it empty.',
				);
			const record: SourceMember = {
				key,
				name,
				departments: splitList(value('departments')),
				status,
			};
			if (gender) record.gender = gender;
			for (const fieldName of [
				'mobile',
				'email',
				'position',
				'alias',
				'telephone',
				'address',
				'employeeNo',
				'mainDepartment',
				'targetId',
			] as const) {
				const text = textOf(value(fieldName));
				if (text) record[fieldName] = text;
			}
			source.members.push(record);
			if (!itemOf.members.has(key)) itemOf.members.set(key, i);
		} else {
			throw inputError(
				ctx,
				i,
				'Record Type',
				type ? `"${type}" is neither "department" nor "member"` : 'is empty',
				'Map each item’s type to "department" or "member" (e.g. add a field "type" with a Set node).',
			);
		}
	}
	return { source, itemOf };
}

function readThreshold(ctx: IExecuteFunctions, name: string, label: string, max?: number): number {
	const value = Number(ctx.getNodeParameter(name, 0, 0));
	if (!Number.isFinite(value) || value < 0 || (max !== undefined && value > max))
		throw inputError(
			ctx,
			0,
			label,
			`${value} is not a number from 0${max !== undefined ? ` to ${max}` : ''}`,
			'Set how many removals are acceptable in one run.',
		);
	return value;
}

function readConfirmation(ctx: IExecuteFunctions, value: unknown): number | undefined {
	const count = Number(value ?? 0);
	if (!Number.isInteger(count) || count < 0)
		throw inputError(
			ctx,
			0,
			'Confirm Removals (This Run)',
			`${String(value)} is not a whole number`,
			'Enter the number of removals the stop message gives, or 0.',
		);
	return count || undefined;
}

export function readSyncOptions(ctx: IExecuteFunctions, limits: PlatformLimits): SyncOptions {
	const o = ctx.getNodeParameter('syncOptions', 0, {}) as IDataObject;
	const list = (name: string) => {
		const values = splitList(o[name]);
		return values.length ? values : undefined;
	};
	const days = Number(o.deleteDisabledAfterDays ?? 0);
	if (!Number.isInteger(days) || days < 0)
		throw inputError(
			ctx,
			0,
			'Delete Disabled Members After (Days)',
			`${String(o.deleteDisabledAfterDays)} is not a whole number of days`,
			'Use 0 (never) or a positive number of days.',
		);
	const leavers = String(o.leavers ?? 'disable') as SyncOptions['leavers'];
	const disabledDepartmentName =
		o.disabledDepartmentName === undefined ? undefined : textOf(o.disabledDepartmentName);
	if (disabledDepartmentName) {
		const problem = limits.departmentName(disabledDepartmentName);
		if (problem)
			throw inputError(
				ctx,
				0,
				'Move Disabled Members To',
				problem,
				'Use a department name the platform accepts.',
			);
	}
	return {
		topDepartmentId: textOf(o.topDepartmentId) || undefined,
		matchBy: ctx.getNodeParameter('matchBy', 0, 'mobile') as MatchField,
		fields: ctx.getNodeParameter('fields', 0, []) as SyncField[],
		departments: o.allDepartments === true ? 'all' : 'main',
		departmentMode: o.replaceDepartments === false ? 'merge' : 'replace',
		createMembers: o.createMembers !== false,
		invite: o.invite === true,
		leavers,
		disabledDepartmentName: leavers === 'disable' ? disabledDepartmentName || undefined : undefined,
		deleteDisabledAfterDays: days || undefined,
		removeDepartments: o.removeDepartments === true,
		scope: {
			includeDepartments: list('includeDepartments'),
			excludeDepartments: list('excludeDepartments'),
			includeMembers: list('includeMembers'),
			excludeMembers: list('excludeMembers'),
			removeOutOfScope: o.removeOutOfScope === true,
		},
		maxDecreaseCount: readThreshold(
			ctx,
			'maxDecreaseCount',
			'Stop If More Members Would Be Removed Than',
		),
		maxDecreasePercent: readThreshold(
			ctx,
			'maxDecreasePercent',
			'Stop If More Than This Percent Would Be Removed',
			100,
		),
		confirmRemovals: readConfirmation(ctx, o.confirmRemovals),
		limits,
	};
}

/**
 * Bindings of one tenant and top department, cached in the node's static data across runs (n8n saves
 * it after production runs only; every link can be found again in the target, so it is a cache).
 */
function bindingsStore(ctx: IExecuteFunctions, platform: SyncPlatform, options: SyncOptions) {
	const data = ctx.getWorkflowStaticData('node');
	const key = `orgSync:${platform.tenant}:${options.topDepartmentId ?? ''}`;
	const cacheKey = `orgSyncLookups:${platform.tenant}`;
	const cache = (data[cacheKey] as IDataObject | undefined) ?? {};
	return {
		read: (): Bindings => (data[key] as Bindings | undefined) ?? emptyBindings(),
		write: (bindings: Bindings) => {
			data[key] = bindings as unknown as IDataObject;
		},
		cache,
		/** Keeps the lookup cache (hashed values only) once it holds something. */
		keepCache: () => {
			if (Object.keys(cache).length) data[cacheKey] = cache;
		},
	};
}

/** "张三 (zhangsan)" for an action on a target member, by what the target read shows. */
function whoIs(action: PlanAction, names: Map<string, string>) {
	const name = names.get(action.targetId as string);
	return name ? `${name} (${action.targetId})` : String(action.targetId ?? action.sourceKey);
}

const LISTED = 20;

function listOf(lines: string[]) {
	const more = lines.length > LISTED ? `; and ${lines.length - LISTED} more` : '';
	return `${lines.slice(0, LISTED).join('; ')}${more}`;
}

/**
 * The fields the reader could not see on members it read (unknown, never treated as empty); members
 * known only by ID, outside what it may read, are left out.
 */
function hiddenFields(target: TargetOrg) {
	const fields = new Set<string>();
	for (const m of target.members)
		if (!m.unknown?.includes('name')) for (const f of m.unknown ?? []) fields.add(f);
	return [...fields];
}

/** The outputs of a "Sync to <platform>" operation, in the order runSync returns them. */
export const SYNC_OUTPUTS = ['Actions', 'Summary'] as const;

/** An Actions item: the same keys on every item (null where an action has none), for the table view. */
function actionRow(result: ActionResult): IDataObject {
	return {
		action: result.action,
		status: result.status,
		sourceKey: result.sourceKey ?? null,
		targetId: result.targetId ?? null,
		reason: result.reason,
		error: result.error ?? null,
		before: result.before ?? null,
		after: result.after ?? null,
	};
}

/**
 * Plans and (unless simulating) applies the sync. Outputs (SYNC_OUTPUTS): Actions, one item per
 * action with its status, and Summary, one item with the counts and the links (source key → target
 * ID) for your own store. A plan over the safety threshold writes nothing and fails the node (a
 * simulation still shows it). Failed writes fail the node too, unless Continue On Fail (or the error
 * output) is on: then failed actions carry their error and go to the error output.
 */
export async function runSync(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	platform: SyncPlatform,
): Promise<INodeExecutionData[][]> {
	const simulate = ctx.getNodeParameter('simulate', 0, true) as boolean;
	const options = readSyncOptions(ctx, platform.limits);
	const { source, itemOf } = readSource(ctx, items);
	const store = bindingsStore(ctx, platform, options);
	const started = Date.now();
	const target = await platform.fetchTarget(options);
	const previous = store.read();
	const wanted = platform.lookupMembers && lookupCandidates(source, target, options, previous);
	if (wanted && platform.lookupMembers) {
		target.lookups = await platform.lookupMembers(wanted.field, wanted.values, store.cache);
		store.keepCache();
	}
	const read = Date.now();
	let plan;
	try {
		plan = planSync(source, target, { ...options, now: new Date() }, previous);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description: 'Check Top Department (Options): it must be an existing department.',
		});
	}
	const planned = Date.now();
	const names = new Map(target.members.map((m) => [m.id, m.name]));
	if (plan.summary.blocked && !simulate) {
		const going = plan.removals.map((a) => `${whoIs(a, names)}: ${a.action}`);
		throw new NodeOperationError(
			ctx.getNode(),
			`Sync stopped before any write: ${plan.summary.blockedReason}. Would go: ${listOf(going)}`,
			{
				description: `A missing or partial export looks like mass leavers: check the source first (run with Simulate on to see the plan). If these ${plan.summary.decrease} removals are intended, set Options → Confirm Removals (This Run) to ${plan.summary.decrease} for one run (it lets through exactly that number), or raise the thresholds.`,
			},
		);
	}

	const { results, bindings } = simulate
		? {
				results: plan.actions.map((a) => ({
					...a,
					status: a.action.startsWith('skip') ? 'skipped' : 'planned',
				})) as ActionResult[],
				bindings: plan.bindings,
			}
		: await executePlan(plan, platform.adapter, { concurrency: 4 });
	if (!simulate) store.write(bindings);
	const timings = { readMs: read - started, planMs: planned - read, applyMs: Date.now() - planned };

	const count = (status: string) => results.filter((r) => r.status === status).length;
	const writes = results.filter((r) => r.status === 'applied' || r.status === 'failed').length;
	const failed = results.filter((r) => r.status === 'failed');
	const failure = (r: ActionResult) =>
		`${r.action} ${r.sourceKey ?? ''}${r.targetId ? ` → ${whoIs(r, names)}` : ''}: ${r.error}`;
	if (failed.length && !ctx.continueOnFail()) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${failed.length} of ${writes} writes to ${platform.name} failed; ${writes - failed.length} were applied`,
			{
				description: `${listOf(failed.map(failure))}. A re-run retries only what failed. To get one item per action (failed ones on the error output), set Settings → On Error to continue.`,
			},
		);
	}

	const pairedItem = (action: { action: string; sourceKey?: string }) => {
		const map = action.action.endsWith('department') ? itemOf.departments : itemOf.members;
		return { item: (action.sourceKey !== undefined ? map.get(action.sourceKey) : undefined) ?? 0 };
	};
	// With an error output, n8n sends items that carry an error there (as { error: message }).
	const errorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const actions: INodeExecutionData[] = results.map((result) => ({
		json: actionRow(result),
		pairedItem: pairedItem(result),
		...(errorOutput && result.status === 'failed'
			? { error: new NodeOperationError(ctx.getNode(), failure(result)) }
			: {}),
	}));
	const { blocked, blockedReason, membersInArea, decrease, ...counts } = plan.summary;
	const hidden = hiddenFields(target);
	const lookups = target.lookups;
	const summary: INodeExecutionData = {
		json: {
			platform: platform.name,
			simulate,
			blocked,
			...(blockedReason ? { blockedReason } : {}),
			sourceDepartments: source.departments.length,
			sourceMembers: source.members.length,
			targetDepartments: target.departments.length,
			targetMembers: target.members.length,
			membersInArea,
			decrease,
			actions: counts,
			planned: count('planned'),
			applied: count('applied'),
			failed: failed.length,
			skipped: count('skipped'),
			writes,
			...(hidden.length ? { hiddenFields: hidden } : {}),
			...(lookups
				? {
						lookups: {
							field: lookups.field,
							found: lookups.found.size,
							pending: lookups.pending.size,
						},
					}
				: {}),
			timings,
			// Source key → target ID: keep them in your own store if you like; the node finds them again.
			bindings: { departments: bindings.departments, members: bindings.members },
		},
		pairedItem: items.map((_, item) => ({ item })),
	};
	return [actions, [summary]];
}
