import { executePlan } from '../../../nodes/shared/orgSync/execute';
import type {
	Bindings,
	SourceOrg,
	SyncOptions,
	TargetOrg,
} from '../../../nodes/shared/orgSync/model';
import {
	emptyBindings,
	lookupCandidates,
	normalizeMobile,
	planSync,
} from '../../../nodes/shared/orgSync/planner';
import { WECOM_LIMITS } from '../../../nodes/WeCom/actions/contactsSync/limits';
import { MemoryOrg } from '../../harness/memoryOrg.cjs';

const options = (overrides: Partial<SyncOptions> = {}): SyncOptions => ({
	matchBy: 'mobile',
	fields: ['name', 'mobile', 'email', 'position'],
	departments: 'all',
	departmentMode: 'replace',
	createMembers: true,
	invite: false,
	leavers: 'disable',
	removeDepartments: false,
	scope: { removeOutOfScope: false },
	limits: WECOM_LIMITS,
	now: new Date('2026-11-21T00:00:00Z'),
	...overrides,
});

const emptyTarget = (): TargetOrg => ({
	rootId: '1',
	departments: [{ id: '1', name: 'Corp' }],
	members: [],
});

const hr = (): SourceOrg => ({
	departments: [
		{ key: 'D1', name: '研发中心', order: 3 },
		{ key: 'D2', name: '后端组', parentKey: 'D1' },
		{ key: 'D3', name: '销售部' },
	],
	members: [
		{
			key: 'E1',
			name: '张三',
			mobile: '13800000001',
			email: 'zs@x.cn',
			departments: ['D2', 'D1'],
			status: 'active',
			position: '架构师',
		},
		{ key: 'E2', name: '李四', mobile: '13800000002', departments: ['D3'], status: 'active' },
	],
});

/** Plans, applies in memory, and returns the new bindings (what the node keeps between runs). */
async function sync(
	org: MemoryOrg,
	source: SourceOrg,
	opts: SyncOptions,
	bindings: Bindings = emptyBindings(),
) {
	const plan = planSync(source, org.snapshot(), opts, bindings);
	const { results, bindings: next } = await executePlan(plan, org);
	return { plan, results, bindings: next };
}

const kinds = (plan: { actions: Array<{ action: string }> }) => plan.actions.map((a) => a.action);

describe('org sync planner', () => {
	it('creates the tree parents first, then members, and a re-run plans nothing', async () => {
		const org = new MemoryOrg(emptyTarget());
		const first = await sync(org, hr(), options());
		expect(kinds(first.plan)).toEqual([
			'create_department',
			'create_department',
			'create_department',
			'create_member',
			'create_member',
		]);
		expect(first.plan.actions[1]).toMatchObject({
			sourceKey: 'D3',
			after: { name: '销售部', parentId: '1' },
		});
		expect(first.plan.actions[2]).toMatchObject({
			sourceKey: 'D2',
			after: { name: '后端组', parentId: 'new:D1' },
		});
		expect(first.results.every((r) => r.status === 'applied')).toBe(true);
		const zhangsan = org.org.members.find((m) => m.name === '张三');
		const d1 = org.org.departments.find((d) => d.name === '研发中心')?.id;
		const d2 = org.org.departments.find((d) => d.name === '后端组')?.id;
		expect(zhangsan).toMatchObject({
			id: 'E1',
			departments: [d2, d1],
			mainDepartment: d2,
			position: '架构师',
		});
		const again = planSync(hr(), org.snapshot(), options(), first.bindings);
		expect(again.actions).toEqual([]);
	});

	it('renames and moves departments it created before, instead of recreating them', async () => {
		const org = new MemoryOrg(emptyTarget());
		const { bindings } = await sync(org, hr(), options());
		const source = hr();
		source.departments[1] = { key: 'D2', name: '平台组', parentKey: 'D3' };
		const plan = planSync(source, org.snapshot(), options(), bindings);
		// The members keep their department IDs: only the department itself changes.
		expect(kinds(plan)).toEqual(['update_department']);
		expect(plan.actions[0]).toMatchObject({
			before: { name: '后端组' },
			after: { name: '平台组', parentId: bindings.departments.D3 },
			reason: 'moved in the source',
		});
	});

	it('adopts existing departments by level and name, and existing members by mobile', () => {
		const target: TargetOrg = {
			rootId: '1',
			departments: [
				{ id: '1', name: 'Corp' },
				{ id: '2', name: '研发中心', parentId: '1', order: 3 },
				{ id: '3', name: '后端组', parentId: '2' },
				{ id: '9', name: '后端组', parentId: '1' },
			],
			members: [
				{
					id: 'zhangsan',
					name: '张三',
					mobile: '+86 138-0000-0001',
					departments: ['3', '2'],
					mainDepartment: '3',
					enabled: true,
					position: '工程师',
				},
			],
		};
		const plan = planSync(hr(), target, options());
		expect(kinds(plan)).toEqual(['create_department', 'create_member', 'update_member']);
		expect(plan.actions[2]).toMatchObject({
			targetId: 'zhangsan',
			before: { position: '工程师', email: undefined },
			after: { position: '架构师', email: 'zs@x.cn' },
		});
		expect(plan.bindings.departments).toEqual({ D1: '2', D2: '3', D3: 'new:D3' });
	});

	it('reports source problems instead of guessing: duplicates, cycles, illegal names, depth, sibling clashes', () => {
		const chain = Array.from({ length: 16 }, (_, i) => ({
			key: `L${i}`,
			name: `Level ${i}`,
			parentKey: i ? `L${i - 1}` : undefined,
		}));
		const source: SourceOrg = {
			departments: [
				{ key: 'A', name: 'Alpha' },
				{ key: 'A', name: 'Alpha again' },
				{ key: 'C1', name: 'Cycle 1', parentKey: 'C2' },
				{ key: 'C2', name: 'Cycle 2', parentKey: 'C1' },
				{ key: 'BAD', name: 'R&D: core' },
				{ key: 'BADKID', name: 'Kid', parentKey: 'BAD' },
				{ key: 'TWIN', name: 'Alpha' },
				{ key: 'ORPHAN', name: 'Orphan', parentKey: 'NOT-THERE' },
				...chain,
			],
			members: [
				{
					key: 'M1',
					name: 'One',
					mobile: '13900000001',
					departments: ['BADKID'],
					status: 'active',
				},
				{ key: 'M2', name: 'Two', mobile: '13900000002', departments: ['A'], status: 'active' },
				{ key: 'M2', name: 'Two again', departments: ['A'], status: 'active' },
				{ key: 'M3', name: 'Three', mobile: '13900000002', departments: ['A'], status: 'active' },
			],
		};
		const plan = planSync(source, emptyTarget(), options());
		const skipped = plan.actions
			.filter((a) => a.action.startsWith('skip'))
			.map((a) => [a.sourceKey, a.reason]);
		expect(skipped).toEqual(
			expect.arrayContaining([
				['A', 'duplicate department key "A" in the source (the first one is used)'],
				['C1', 'its parents form a cycle in the source data'],
				['C2', 'its parents form a cycle in the source data'],
				[
					'BAD',
					'department name "R&D: core" contains a character WeCom forbids (\\ : * ? " < > |); its sub-departments are skipped too',
				],
				[
					'TWIN',
					'another department named "Alpha" is already under the same parent; its sub-departments are skipped too',
				],
				['L14', 'deeper than 15 levels; its sub-departments are skipped too'],
				['M1', 'none of the member’s departments could be synced (see the skipped departments)'],
				['M2', 'duplicate member key "M2" in the source (the first one is used)'],
				['M3', 'mobile is used by another new member'],
			]),
		);
		expect(plan.actions.find((a) => a.sourceKey === 'ORPHAN')).toMatchObject({
			action: 'create_department',
			after: { parentId: '1' },
			reason: expect.stringContaining('parent "NOT-THERE" is not in the source'),
		});
		expect(
			plan.actions.filter((a) => a.action === 'create_department' && a.sourceKey?.startsWith('L')),
		).toHaveLength(14);
	});

	it('applies scope: include, exclude (exclude wins); out-of-scope bound members are removed only on request', async () => {
		const org = new MemoryOrg(emptyTarget());
		const { bindings } = await sync(org, hr(), options());
		const scoped = options({
			scope: { includeDepartments: ['D1'], excludeDepartments: ['D2'], removeOutOfScope: false },
		});
		const plan = planSync(hr(), org.snapshot(), scoped, bindings);
		expect(plan.actions).toEqual([
			expect.objectContaining({
				action: 'update_member',
				sourceKey: 'E1',
				after: { departments: [bindings.departments.D1], mainDepartment: bindings.departments.D1 },
			}),
		]);
		const removing = planSync(
			hr(),
			org.snapshot(),
			{ ...scoped, scope: { ...scoped.scope, removeOutOfScope: true } },
			bindings,
		);
		expect(removing.actions).toContainEqual(
			expect.objectContaining({
				action: 'disable_member',
				sourceKey: 'E2',
				reason: 'out of the sync scope',
			}),
		);
	});

	it('handles leavers as chosen, and never touches members created by hand', async () => {
		const org = new MemoryOrg(emptyTarget());
		org.org.members.push({ id: 'admin', name: 'Admin', departments: ['1'], enabled: true });
		const { bindings } = await sync(org, hr(), options());
		const left = hr();
		left.members[1].status = 'left';
		left.members.shift(); // 张三 is gone from HR entirely
		const disable = planSync(
			left,
			org.snapshot(),
			options({ disabledDepartmentName: '已禁用用户' }),
			bindings,
		);
		expect(kinds(disable)).toEqual(['create_department', 'disable_member', 'disable_member']);
		expect(disable.actions[1]).toMatchObject({
			targetId: 'E2',
			after: { enabled: false, departments: ['new:__disabled__'] },
			reason: 'left (source status)',
		});
		expect(disable.actions[2]).toMatchObject({ targetId: 'E1', reason: 'no longer in the source' });
		expect(disable.actions.some((a) => a.targetId === 'admin')).toBe(false);
		expect(kinds(planSync(left, org.snapshot(), options({ leavers: 'delete' }), bindings))).toEqual(
			['delete_member', 'delete_member'],
		);
		expect(
			planSync(left, org.snapshot(), options({ leavers: 'ignore' }), bindings).actions,
		).toEqual([]);
	});

	it('deletes members a sync disabled more than N days ago', async () => {
		const org = new MemoryOrg(emptyTarget());
		let { bindings } = await sync(org, hr(), options());
		const gone = { ...hr(), members: [hr().members[0]] };
		({ bindings } = await sync(
			org,
			gone,
			options({ now: new Date('2026-11-01T00:00:00Z') }),
			bindings,
		));
		expect(bindings.disabledAt).toEqual({ E2: '2026-11-01T00:00:00.000Z' });
		expect(
			planSync(gone, org.snapshot(), options({ deleteDisabledAfterDays: 30 }), bindings).actions,
		).toEqual([]);
		const later = planSync(
			gone,
			org.snapshot(),
			options({ deleteDisabledAfterDays: 14 }),
			bindings,
		);
		expect(later.actions).toEqual([
			expect.objectContaining({
				action: 'delete_member',
				targetId: 'E2',
				reason: 'disabled by a sync more than 14 days ago',
			}),
		]);
	});

	it('blocks the whole plan when the member decrease passes the count or percent threshold', async () => {
		const org = new MemoryOrg(emptyTarget());
		const { bindings } = await sync(org, hr(), options());
		const empty = { ...hr(), members: [] };
		const byCount = planSync(empty, org.snapshot(), options({ maxDecreaseCount: 1 }), bindings);
		expect(byCount.summary).toMatchObject({
			blocked: true,
			decrease: 2,
			blockedReason: '2 members would be disabled or deleted, more than the threshold of 1',
		});
		const byPercent = planSync(
			empty,
			org.snapshot(),
			options({ maxDecreasePercent: 50 }),
			bindings,
		);
		expect(byPercent.summary.blockedReason).toBe(
			'2 of 2 members (100.0%) would be disabled or deleted, more than the threshold of 50%',
		);
		// Raised thresholds still meet WeCom's own guard (more than 80 % would go) …
		const raised = planSync(
			empty,
			org.snapshot(),
			options({ maxDecreaseCount: 2, maxDecreasePercent: 100 }),
			bindings,
		);
		expect(raised.summary.blockedReason).toBe(
			"2 of 2 members (100.0%) would be disabled or deleted, more than the platform's own guard allows (more than 50 members and 20%, or more than 80%)",
		);
		// … which only a confirmation of exactly this many removals lets through.
		const confirm = (n: number) =>
			planSync(empty, org.snapshot(), options({ confirmRemovals: n }), bindings).summary.blocked;
		expect([confirm(1), confirm(2), confirm(3)]).toEqual([true, false, true]);
	});

	it('keeps other departments when merging, and syncs only the main department when asked', async () => {
		const org = new MemoryOrg(emptyTarget());
		const { bindings } = await sync(org, hr(), options());
		org.org.members[0].departments.push('1');
		const replace = planSync(hr(), org.snapshot(), options(), bindings);
		expect(replace.actions).toEqual([
			expect.objectContaining({ action: 'update_member', targetId: 'E1' }),
		]);
		expect(
			planSync(hr(), org.snapshot(), options({ departmentMode: 'merge' }), bindings).actions,
		).toEqual([]);
		const main = planSync(hr(), org.snapshot(), options({ departments: 'main' }), bindings);
		expect(main.actions[0]).toMatchObject({ after: { departments: [bindings.departments.D2] } });
	});

	it('skips what it must not create: creation off, an ID given twice, used mobiles', () => {
		const target: TargetOrg = {
			...emptyTarget(),
			members: [
				{ id: 'X9', name: 'Someone', mobile: '13800000002', departments: ['1'], enabled: true },
			],
		};
		expect(
			planSync(hr(), emptyTarget(), options({ createMembers: false })).actions.filter(
				(a) => a.action === 'skip_member',
			),
		).toHaveLength(2);
		const plan = planSync(hr(), target, options({ matchBy: 'email' }));
		expect(plan.actions.find((a) => a.sourceKey === 'E2')).toMatchObject({
			action: 'skip_member',
			reason: 'mobile is already used by member X9',
		});
		const twice = hr();
		twice.members[1].targetId = 'E1';
		expect(
			planSync(twice, emptyTarget(), options()).actions.find((a) => a.sourceKey === 'E2'),
		).toMatchObject({ action: 'skip_member', reason: 'member ID "E1" is taken by another member' });
	});

	it('links the member holding the ID a source member would get, with no saved links (WeCom: ID = key)', () => {
		const target: TargetOrg = {
			...emptyTarget(),
			members: [
				{ id: 'e2', name: 'Someone', mobile: '13700000000', departments: ['1'], enabled: true },
			],
		};
		const plan = planSync(hr(), target, options({ matchBy: 'email' }));
		expect(plan.actions.find((a) => a.sourceKey === 'E2')).toMatchObject({
			action: 'update_member',
			targetId: 'e2',
			after: { name: '李四', mobile: '13800000002' },
		});
		expect(plan.bindings.members.E2).toBe('e2');
	});

	it('converges after a partial failure: the re-run only redoes what failed', async () => {
		const org = new MemoryOrg(emptyTarget());
		const create = org.createMember.bind(org);
		let failOnce = true;
		org.createMember = async (after) => {
			if (after.id === 'E2' && failOnce) {
				failOnce = false;
				throw new Error('mobile existed (60104)');
			}
			await create(after);
		};
		const first = await sync(org, hr(), options());
		expect(first.results.find((r) => r.sourceKey === 'E2')).toMatchObject({
			status: 'failed',
			error: 'mobile existed (60104)',
		});
		expect(first.bindings.members.E2).toBeUndefined();
		const second = await sync(org, hr(), options(), first.bindings);
		expect(kinds(second.plan)).toEqual(['create_member']);
		expect(planSync(hr(), org.snapshot(), options(), second.bindings).actions).toEqual([]);
	});

	it('fails what depends on a department that could not be created, and carries on with the rest', async () => {
		const org = new MemoryOrg(emptyTarget());
		const create = org.createDepartment.bind(org);
		org.createDepartment = async (after) => {
			if (after.name === '研发中心') throw new Error('no privilege (60011)');
			return await create(after);
		};
		const { results } = await sync(org, hr(), options());
		expect(results.map((r) => [r.sourceKey, r.status])).toEqual([
			['D1', 'failed'],
			['D3', 'applied'],
			['D2', 'failed'],
			['E1', 'failed'],
			['E2', 'applied'],
		]);
		expect(results[2].error).toBe('its department could not be created');
	});

	it('normalises mobiles for matching', () => {
		expect(normalizeMobile('+86 138-0000-0001')).toBe('13800000001');
		expect(normalizeMobile('8613800000001')).toBe('13800000001');
		expect(normalizeMobile('+1 415 555 0100')).toBe('14155550100');
	});

	describe('what the reader cannot see', () => {
		const HIDDEN = ['mobile', 'email', 'gender', 'address'] as const;
		/** E1 exists as "zs" (linked by an earlier run), read by an app that cannot see mobiles. */
		const seen = async () => {
			const org = new MemoryOrg(emptyTarget());
			const { bindings } = await sync(org, hr(), options());
			const target = org.snapshot();
			for (const m of target.members) m.unknown = HIDDEN;
			return { target, bindings };
		};

		it('is never compared, cleared or overwritten', async () => {
			const { target, bindings } = await seen();
			const changed = hr();
			changed.members[0].mobile = '13999999999';
			changed.members[0].email = 'new@x.cn';
			target.members[0].mobile = undefined;
			expect(planSync(changed, target, options(), bindings).actions).toEqual([]);
			// What it can see still is.
			changed.members[0].position = '总监';
			expect(planSync(changed, target, options(), bindings).actions).toEqual([
				expect.objectContaining({ action: 'update_member', after: { position: '总监' } }),
			]);
		});

		it('is never matched on as if empty, and an unknown status is neither re-enabled nor skipped as disabled', async () => {
			const target: TargetOrg = {
				...emptyTarget(),
				members: [
					{
						id: 'x1',
						name: '',
						departments: ['1'],
						enabled: true,
						unknown: [...HIDDEN, 'enabled'],
					},
				],
			};
			// Nothing to match on: the source member is created, not matched to x1 by an "empty" mobile.
			const source: SourceOrg = {
				departments: [],
				members: [{ key: 'N1', name: '新人', departments: [], status: 'active' }],
			};
			const plan = planSync(source, target, options());
			expect(plan.actions.some((a) => a.targetId === 'x1')).toBe(false);
			// A linked member of unknown status who left is disabled (and counted), never skipped.
			const left = planSync(
				{ departments: [], members: [] },
				target,
				options({ maxDecreaseCount: 5, maxDecreasePercent: 100, confirmRemovals: 1 }),
				{ ...emptyBindings(), members: { N1: 'x1' } },
			);
			expect(left.actions).toEqual([
				expect.objectContaining({ action: 'disable_member', targetId: 'x1' }),
			]);
			expect(left.summary.decrease).toBe(1);
		});

		it('is looked up once per value, for active members nothing else links; the answers link, the unasked wait', async () => {
			const target: TargetOrg = {
				...emptyTarget(),
				members: [
					{ id: 'zs', name: '张三', departments: ['1'], enabled: true, unknown: HIDDEN },
					{ id: 'E2', name: '李四', departments: ['1'], enabled: true, unknown: HIDDEN },
				],
			};
			const source = hr();
			source.members.push(
				{ key: 'E3', name: '王五', mobile: '+86 138-0000-0001', departments: [], status: 'active' },
				{ key: 'E4', name: '赵六', mobile: '13800000004', departments: ['D3'], status: 'left' },
				{ key: 'E5', name: '孙七', mobile: '13800000005', departments: ['D3'], status: 'active' },
			);
			const wanted = lookupCandidates(source, target, options());
			// E2 is linked by its ID; E3 shares E1's number; E4 left.
			expect(wanted).toEqual({
				field: 'mobile',
				values: new Map([
					['13800000001', '13800000001'],
					['13800000005', '13800000005'],
				]),
			});
			target.lookups = {
				field: 'mobile',
				found: new Map([['13800000001', 'zs']]),
				pending: new Set(['13800000005']),
			};
			const plan = planSync(source, target, options());
			expect(plan.bindings.members).toMatchObject({ E1: 'zs', E2: 'E2' });
			expect(plan.actions.find((a) => a.sourceKey === 'E3')).toMatchObject({
				action: 'skip_member',
				reason: 'matches zs, which source member "E1" already matched',
			});
			expect(plan.actions.find((a) => a.sourceKey === 'E5')).toMatchObject({
				action: 'skip_member',
				reason:
					'its mobile was not looked up this run (lookup limit): a later run links or creates it',
			});
			// A reader that sees mobiles needs no lookups.
			for (const m of target.members) m.unknown = undefined;
			expect(lookupCandidates(source, target, options())).toBeUndefined();
		});
	});

	it('gives new departments an ID derived from their key, so a rename is found with no saved links', async () => {
		const org = new MemoryOrg(emptyTarget());
		const first = await sync(org, hr(), options());
		const d1 = WECOM_LIMITS.deriveDepartmentId?.('D1') as string;
		expect(first.plan.actions[0]).toMatchObject({ after: { id: d1, name: '研发中心' } });
		const renamed = hr();
		renamed.departments[0].name = '技术中心';
		expect(planSync(renamed, org.snapshot(), options()).actions).toEqual([
			expect.objectContaining({
				action: 'update_department',
				targetId: d1,
				after: { name: '技术中心' },
			}),
		]);
	});

	it('counts deletes of disabled members and moves into the disabled members’ department as removals', async () => {
		const org = new MemoryOrg(emptyTarget());
		const { bindings } = await sync(org, hr(), options());
		const gone = { ...hr(), members: [] };
		const disabling = planSync(
			gone,
			org.snapshot(),
			options({ disabledDepartmentName: '已禁用', maxDecreaseCount: 10, maxDecreasePercent: 100 }),
			bindings,
		);
		expect(disabling.removals.map((a) => a.action)).toEqual(['disable_member', 'disable_member']);
		const applied = await executePlan(
			planSync(
				gone,
				org.snapshot(),
				options({ disabledDepartmentName: '已禁用', confirmRemovals: 2 }),
				bindings,
			),
			org,
		);
		// Deleting the two now-disabled members still counts (a grace-period delete is a removal).
		const deleting = planSync(
			gone,
			org.snapshot(),
			options({ leavers: 'delete', deleteDisabledAfterDays: 1, now: new Date('2027-01-01') }),
			applied.bindings,
		);
		expect(deleting.summary).toMatchObject({ decrease: 2, blocked: true });
		// Moving a member into that department is a removal too, even when the source asks for it.
		const fresh = new MemoryOrg(emptyTarget());
		const synced = await sync(fresh, hr(), options());
		const withDisabled = fresh.snapshot();
		withDisabled.departments.push({ id: '777', name: '已禁用', parentId: '1' });
		const back = hr();
		back.departments.push({ key: 'X', name: '已禁用' });
		back.members[0].departments = ['X'];
		const moved = planSync(
			back,
			withDisabled,
			options({ disabledDepartmentName: '已禁用', departments: 'main' }),
			synced.bindings,
		);
		expect(moved.removals).toEqual([
			expect.objectContaining({
				action: 'update_member',
				sourceKey: 'E1',
				after: expect.objectContaining({ departments: ['777'] }),
			}),
		]);
	});
});
