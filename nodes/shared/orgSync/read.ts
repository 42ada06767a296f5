import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { inputError, splitList } from '../validation';
import type {
	MatchField,
	PlatformLimits,
	SourceDepartment,
	SourceMember,
	SourceOrg,
	SourceStatus,
	SyncField,
	SyncOptions,
} from './model';

/** Reading and checking the "Sync to <platform>" parameters: the input items as the source org, and the options. */

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
