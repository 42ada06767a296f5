import type {
	SourceDepartment,
	SourceMember,
	SourceOrg,
	SyncOptions,
} from '../nodes/shared/orgSync/model';
import { executePlan } from '../nodes/shared/orgSync/execute';
import { emptyBindings, planSync } from '../nodes/shared/orgSync/planner';
import { WECOM_LIMITS } from '../nodes/WeCom/actions/contactsSync/limits';
import { MemoryOrg } from '../test/harness/memoryOrg.cjs';
import { fmt, median, progress, type Row } from './report.cjs';

/**
 * Row 4: the org-sync planner (a pure function) on a synthetic org of 100,000 members in 10,000
 * departments: time of the first plan (empty target: everything is created), then the plan is
 * applied to an in-memory org (test/harness/memoryOrg) and planned again, which must write nothing.
 * Runs in its own process (bench/main starts it with --expose-gc) so memory figures are its own.
 */

export const ORG = { departments: 10_000, members: 100_000 };

/** Deterministic pseudo-random numbers (mulberry32), so every run plans the same org. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const REGIONS = ['华东', '华南', '华北', '西南', '西北', '东北', '华中', '海外'];
const FUNCTIONS = [
	'研发',
	'销售',
	'市场',
	'财务',
	'人力资源',
	'法务',
	'采购',
	'供应链',
	'客户服务',
	'运维',
	'质量',
	'产品',
	'设计',
	'行政',
	'数据',
	'安全',
	'测试',
	'交付',
];
const UNITS = ['中心', '部', '组', '处', '科', '室', '项目组'];
const NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SURNAMES =
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
		'',
	);
const GIVEN =
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏飞婷雪琳晨宇浩然欣怡子涵梓轩一诺雨桐思远嘉豪俊杰晓东海燕志强'.split(
		'',
	);
const POSITIONS = [
	'工程师',
	'高级工程师',
	'架构师',
	'产品经理',
	'销售代表',
	'客户经理',
	'会计',
	'人事专员',
	'法务专员',
	'部门经理',
	'总监',
	'设计师',
	'测试工程师',
	'运维工程师',
	'数据分析师',
	'行政助理',
];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '147'];
const MOBILE_PREFIXES_2 = ['150', '151', '152', '153', '155', '156', '157', '158', '159', '166'];
const MOBILE_PREFIXES_3 = ['170', '173', '176', '177', '178', '180', '181', '186', '188', '199'];
const PREFIXES = [...MOBILE_PREFIXES, ...MOBILE_PREFIXES_2, ...MOBILE_PREFIXES_3];

/**
 * A deep-ish tree: 8 regions at level 1, then department i hangs under a random department between
 * i/4 and i/2.5 (about 3 children each), giving 9–10 levels, capped at 12, below WeCom's 15.
 * Sibling names are unique, as in a real org chart; about 10 % of the members have a second
 * department, 0.5 % have left and 0.5 % are disabled in the source.
 */
export function syntheticOrg(sizes = ORG): { org: SourceOrg; maxDepth: number } {
	const rnd = random(20261121);
	const pick = <T,>(list: T[]) => list[Math.floor(rnd() * list.length)];
	const departments: SourceDepartment[] = [];
	const depth: number[] = [];
	const namesUnder = new Map<string, Set<string>>();
	const uniqueName = (parent: string, base: () => string) => {
		const used = namesUnder.get(parent) ?? new Set<string>();
		namesUnder.set(parent, used);
		let name = base();
		for (let n = 2; used.has(name); n++) name = `${base()}${n}`;
		used.add(name);
		return name;
	};
	for (let i = 0; i < sizes.departments; i++) {
		const key = `D${String(i).padStart(5, '0')}`;
		if (i < REGIONS.length) {
			departments.push({ key, name: `${REGIONS[i]}大区`, order: i + 1 });
			depth.push(1);
			continue;
		}
		let parent = Math.floor(i / 4 + rnd() * (i / 2.5 - i / 4));
		while (depth[parent] >= 12) parent = Math.floor(parent / 2);
		const parentKey = departments[parent].key;
		const name = uniqueName(
			parentKey,
			() => `${pick(FUNCTIONS)}${pick(NUMBERS)}${depth[parent] < 3 ? pick(UNITS) : '组'}`,
		);
		departments.push({ key, name, parentKey, order: (i % 97) + 1 });
		depth.push(depth[parent] + 1);
	}
	const members: SourceMember[] = [];
	for (let i = 0; i < sizes.members; i++) {
		const main = departments[Math.floor(rnd() * departments.length)].key;
		const extra =
			rnd() < 0.1 ? [departments[Math.floor(rnd() * departments.length)].key] : ([] as string[]);
		const given = rnd() < 0.6 ? pick(GIVEN) + pick(GIVEN) : pick(GIVEN);
		// 8 digits from a bijection of i modulo 10^8 (7919 is prime to 10^8): mobiles never repeat.
		const digits = String((i * 7919 + 12_345_678) % 100_000_000).padStart(8, '0');
		const roll = rnd();
		members.push({
			key: `E${String(i).padStart(6, '0')}`,
			name: pick(SURNAMES) + given,
			mobile: `${i % 3 === 0 ? '+86 ' : ''}${PREFIXES[i % PREFIXES.length]}${digits}`,
			email: `e${String(i).padStart(6, '0')}@corp.example.cn`,
			position: pick(POSITIONS),
			departments: extra[0] && extra[0] !== main ? [main, extra[0]] : [main],
			mainDepartment: main,
			status: roll < 0.005 ? 'left' : roll < 0.01 ? 'disabled' : 'active',
		});
	}
	return { org: { departments, members }, maxDepth: Math.max(...depth) };
}

export const syncOptions = (): SyncOptions => ({
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
});

/** Each plan is timed RUNS times (the first one cold); the table shows the median. */
const RUNS = 3;

function timed(runs: number, fn: () => unknown) {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		gc();
		const started = performance.now();
		fn();
		times.push(performance.now() - started);
	}
	return times;
}

const runsNote = (times: number[]) =>
	`median of ${times.length} runs: ${times.map((t) => fmt.s(t)).join(', ')} (first cold)`;

const gc = () => (global as { gc?: () => void }).gc?.();
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const writes = (actions: Array<{ action: string }>) =>
	actions.filter((a) => !a.action.startsWith('skip_')).length;

export async function runOrgSync(): Promise<Row[]> {
	progress('row 4: generating 100,000 members / 10,000 departments…');
	const { org: source, maxDepth } = syntheticOrg();
	gc();
	const rssBefore = peakRss();
	const heapBase = process.memoryUsage().heapUsed;

	progress('row 4: first plan (empty target)…');
	const target = new MemoryOrg({
		rootId: '1',
		departments: [{ id: '1', name: '总公司' }],
		members: [],
	});
	const empty = target.snapshot();
	let started = performance.now();
	const first = planSync(source, empty, syncOptions(), emptyBindings());
	const firstTimes = [performance.now() - started];
	const firstHeap = process.memoryUsage().heapUsed - heapBase;
	const firstPeak = peakRss();
	firstTimes.push(
		...timed(RUNS - 1, () => planSync(source, empty, syncOptions(), emptyBindings())),
	);

	progress('row 4: applying it to the in-memory org…');
	started = performance.now();
	const applied = await executePlan(first, target);
	const applyMs = performance.now() - started;
	const failed = applied.results.filter((r) => r.status === 'failed');

	progress('row 4: re-plan against the converged org…');
	const snapshot = target.snapshot();
	gc();
	started = performance.now();
	const second = planSync(source, snapshot, syncOptions(), applied.bindings);
	const secondTimes = [performance.now() - started];
	secondTimes.push(
		...timed(RUNS - 1, () => planSync(source, snapshot, syncOptions(), applied.bindings)),
	);
	const peak = peakRss();
	const rewrites = writes(second.actions);
	const notActive = source.members.filter((m) => m.status !== 'active').length;
	const byKind = Object.entries(second.summary)
		.filter(
			([k, v]) => typeof v === 'number' && v > 0 && !['membersInArea', 'decrease'].includes(k),
		)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');

	const size = `${fmt.int(source.members.length)} members / ${fmt.int(source.departments.length)} departments, ${maxDepth} levels`;
	return [
		{
			id: '4a',
			what: `Org sync plan time, first sync into an empty target (${size})`,
			measured: fmt.s(median(firstTimes)),
			target: '< 2 s',
			pass: median(firstTimes) < 2000 && !first.summary.blocked,
			notes: `${runsNote(firstTimes)}; ${fmt.int(writes(first.actions))} writes planned (${fmt.int(first.summary.create_department)} departments, ${fmt.int(first.summary.create_member)} members), ${fmt.int(notActive)} source members marked left/disabled are not created; heap grew ${fmt.mb(firstHeap)} during the first plan`,
		},
		{
			id: '4b',
			what: 'Org sync plan time, re-plan against the converged target',
			measured: fmt.s(median(secondTimes)),
			target: '< 2 s',
			pass: median(secondTimes) < 2000,
			notes: `${runsNote(secondTimes)}; target holds ${fmt.int(snapshot.members.length)} members / ${fmt.int(snapshot.departments.length)} departments after applying the first plan in memory (${fmt.s(applyMs)}, ${failed.length} failed actions)`,
		},
		{
			id: '4c',
			what: 'Org sync peak memory (process peak RSS: org generation, both plans, in-memory apply)',
			measured: fmt.mb(peak),
			target: '< 1 GB',
			pass: peak < 1024 * 1024 * 1024,
			notes: `peak RSS ${fmt.mb(rssBefore)} after generating the source org, ${fmt.mb(firstPeak)} after the first plan`,
		},
		{
			id: '4d',
			what: 'Writes planned by a re-run on the converged target',
			measured: `${rewrites}`,
			target: '0',
			pass: rewrites === 0 && failed.length === 0,
			notes: rewrites
				? `planned: ${byKind}`
				: `actions: ${second.actions.length} (${byKind || 'none'})`,
		},
	];
}
