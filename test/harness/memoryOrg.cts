import type { SyncAdapter } from '../../nodes/shared/orgSync/execute';
import type { TargetMember, TargetOrg } from '../../nodes/shared/orgSync/model';

/**
 * A target org kept in memory that applies plans like a platform would (IDs assigned on create,
 * members moved, deleted), to test that a plan converges and to benchmark without HTTP.
 */
export class MemoryOrg implements SyncAdapter {
	private nextId = 100_000;

	readonly calls: string[] = [];

	constructor(readonly org: TargetOrg) {}

	snapshot(): TargetOrg {
		return JSON.parse(JSON.stringify(this.org)) as TargetOrg;
	}

	async createDepartment(after: Record<string, unknown>) {
		this.calls.push('createDepartment');
		// A wanted ID (WeCom's department/create takes one) is used as a platform would.
		const wanted = after.id === undefined ? undefined : String(after.id);
		if (wanted !== undefined && this.org.departments.some((d) => d.id === wanted))
			throw new Error(`department id ${wanted} exists`);
		const id = wanted ?? String(this.nextId++);
		this.org.departments.push({
			id,
			name: String(after.name),
			parentId: String(after.parentId),
			order: after.order as number | undefined,
		});
		return id;
	}

	async updateDepartment(id: string, after: Record<string, unknown>) {
		this.calls.push('updateDepartment');
		const dept = this.org.departments.find((d) => d.id === id);
		if (!dept) throw new Error(`no department ${id}`);
		Object.assign(dept, after);
	}

	async deleteDepartment(id: string) {
		this.calls.push('deleteDepartment');
		if (this.org.members.some((m) => m.departments.includes(id)))
			throw new Error('department has members');
		if (this.org.departments.some((d) => d.parentId === id))
			throw new Error('department has children');
		this.org.departments = this.org.departments.filter((d) => d.id !== id);
	}

	async createMember(after: Record<string, unknown>) {
		this.calls.push('createMember');
		const { invite, ...fields } = after;
		void invite;
		this.org.members.push({ ...(fields as unknown as TargetMember), enabled: true });
	}

	async updateMember(id: string, after: Record<string, unknown>) {
		this.calls.push('updateMember');
		const member = this.org.members.find((m) => m.id === id);
		if (!member) throw new Error(`no member ${id}`);
		Object.assign(member, after);
	}

	async disableMember(id: string, after: Record<string, unknown>) {
		this.calls.push('disableMember');
		await this.updateMember(id, after);
	}

	async deleteMembers(ids: string[]) {
		this.calls.push('deleteMembers');
		const gone = new Set(ids);
		this.org.members = this.org.members.filter((m) => !gone.has(m.id));
		return new Map<string, string>();
	}
}
