/**
 * The org-sync model shared by every platform. The planner turns (source org, target org, options)
 * into a plan; platform adapters fetch the target and apply the plan. Keys are strings everywhere.
 */

export interface SourceDepartment {
	/** The source system's ID of the department. */
	key: string;
	name: string;
	/** Source key of the parent; empty for a top-level department (mounted under the top department). */
	parentKey?: string;
	order?: number;
}

export type SourceStatus = 'active' | 'disabled' | 'left';

/** Member fields the planner compares and writes. */
export interface MemberFields {
	name?: string;
	mobile?: string;
	email?: string;
	position?: string;
	gender?: string;
	alias?: string;
	telephone?: string;
	address?: string;
	employeeNo?: string;
}

export type SyncField = keyof MemberFields;

export const SYNC_FIELDS: SyncField[] = [
	'name',
	'mobile',
	'email',
	'position',
	'gender',
	'alias',
	'telephone',
	'address',
	'employeeNo',
];

export interface SourceMember extends MemberFields {
	key: string;
	name: string;
	/** Source keys of the member's departments (main first when mainDepartment is not given). */
	departments: string[];
	mainDepartment?: string;
	status: SourceStatus;
	/** Wanted target ID for a new member (e.g. a WeCom userid); derived from the key when empty. */
	targetId?: string;
}

export interface TargetDepartment {
	id: string;
	name: string;
	/** Empty for the platform's root. */
	parentId?: string;
	order?: number;
}

/** A target member's value the reader could not see. */
export type UnknownField = SyncField | 'enabled' | 'mainDepartment';

export interface TargetMember extends MemberFields {
	id: string;
	name: string;
	departments: string[];
	mainDepartment?: string;
	enabled: boolean;
	/**
	 * Fields the reader could not see (e.g. mobile for an app created after 2022-06-20). Unknown is
	 * not empty: these are never compared, cleared, overwritten or matched on.
	 */
	unknown?: readonly UnknownField[];
}

/**
 * Members found by asking the platform for a mobile or email the reader cannot see (WeCom's
 * user/getuserid): normalized value → member ID.
 */
export interface MemberLookups {
	field: 'mobile' | 'email';
	found: Map<string, string>;
	/** Values not asked this run (the per-run limit): their source members wait for a later run. */
	pending: Set<string>;
}

export interface TargetOrg {
	rootId: string;
	departments: TargetDepartment[];
	members: TargetMember[];
	lookups?: MemberLookups;
}

export interface SourceOrg {
	departments: SourceDepartment[];
	members: SourceMember[];
}

/** Links kept between runs (source key → target ID), so renames and moves update instead of recreate. */
export interface Bindings {
	departments: Record<string, string>;
	members: Record<string, string>;
	/** Target member ID → ISO time it was disabled by a sync (for "delete N days after disabling"). */
	disabledAt: Record<string, string>;
}

export type MatchField = 'id' | 'mobile' | 'email' | 'employeeNo';

export interface SyncOptions {
	/** Target department the source tree is mounted under (the platform root by default). */
	topDepartmentId?: string;
	/** How source members find existing target members that have no binding yet. */
	matchBy: MatchField;
	/** Member fields to write (name is always written for new members). */
	fields: SyncField[];
	/** Main department only, or part-time departments too. */
	departments: 'main' | 'all';
	/** Member's departments exactly as the source says, or merged with the ones they already have. */
	departmentMode: 'replace' | 'merge';
	createMembers: boolean;
	invite: boolean;
	leavers: 'disable' | 'delete' | 'ignore';
	/** Name of a department (under the top) that disabled members are moved into. */
	disabledDepartmentName?: string;
	/** Delete members this many days after a sync disabled them; 0 or undefined = never. */
	deleteDisabledAfterDays?: number;
	/** Remove target departments under the top that the source no longer has (only when empty). */
	removeDepartments: boolean;
	scope: {
		includeDepartments?: string[];
		excludeDepartments?: string[];
		includeMembers?: string[];
		excludeMembers?: string[];
		/** Treat bound members that fall out of scope as leavers. */
		removeOutOfScope: boolean;
	};
	/** Stop before any write when more members than this would be disabled or deleted. */
	maxDecreaseCount?: number;
	/** … or more than this percentage of the members in the synced area. */
	maxDecreasePercent?: number;
	/** Lets a plan with exactly this many removals through every threshold (the user confirmed them). */
	confirmRemovals?: number;
	/** Platform rules the planner must respect. */
	limits: PlatformLimits;
	now?: Date;
}

export interface PlatformLimits {
	maxDepth: number;
	departmentName: (name: string) => string | undefined;
	memberId: (id: string) => boolean;
	/** Derives a valid target ID from a source key (new members without a wanted ID). */
	deriveMemberId: (key: string) => string;
	/**
	 * The department order as the platform stores it (e.g. clipped to its range), so a re-run compares
	 * like with like; undefined leaves the order alone. Without it the source order is used as is.
	 */
	departmentOrder?: (order: number) => number | undefined;
	/**
	 * The member whose ID is the one a source member would be created with IS that member, so links
	 * survive without saved state (runs that do not save static data, copied workflows).
	 */
	idIsLink?: boolean;
	/** The ID a new department gets from its source key, so a later run finds it after a rename. */
	deriveDepartmentId?: (key: string) => string;
	/**
	 * The platform's own guard against mass removal, applied whatever the thresholds say: stop when
	 * more than `count` members and more than `percent` % would go, or more than `allPercent` %.
	 */
	removalGuard?: { count: number; percent: number; allPercent: number };
}

export type ActionKind =
	| 'create_department'
	| 'update_department'
	| 'delete_department'
	| 'create_member'
	| 'update_member'
	| 'disable_member'
	| 'delete_member'
	| 'skip_department'
	| 'skip_member';

export interface PlanAction {
	action: ActionKind;
	/** Target ID, or a placeholder "new:<sourceKey>" for a department created earlier in the plan. */
	targetId?: string;
	sourceKey?: string;
	/** What the target looks like now (updates, disables, deletes) … */
	before?: Record<string, unknown>;
	/** … and what it will look like (creates, updates). */
	after?: Record<string, unknown>;
	reason: string;
}

export interface Plan {
	actions: PlanAction[];
	summary: Record<ActionKind, number> & {
		blocked: boolean;
		blockedReason?: string;
		membersInArea: number;
		/** Removal-like actions: deletes, disables and moves into the disabled members' department. */
		decrease: number;
	};
	/** The removal-like actions the safety threshold counted. */
	removals: PlanAction[];
	bindings: Bindings;
}

export const NEW = 'new:';
