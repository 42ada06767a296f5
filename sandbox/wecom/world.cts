import {
	defaultApps,
	SANDBOX_CORP_ID,
	TokenStore,
	type TenantProfile,
	type WeComApp,
} from './apps.cjs';
import { ApprovalStore } from './approvals.cjs';
import { CheckinStore } from './checkin.cjs';
import { ContactsStore, seedDemoContacts, type Member } from './contacts.cjs';
import { CustomerContactStore, seedDemoCustomers } from './customers.cjs';
import { MeetingStore } from './meetings.cjs';
import { MessageStore } from './messages.cjs';
import { OAuthStore } from './oauth.cjs';
import { ExternalContactStore } from './external.cjs';
import type { BatchJob } from './contactWriteRoutes.cjs';

export interface RobotState {
	key: string;
	/** Messages accepted, in order. */
	messages: Array<Record<string, unknown>>;
	/** Send times (sandbox clock, ms), for the 20-per-minute limit. */
	sentAt: number[];
	media: Map<string, { type: string; filename?: string; size: number }>;
}

export const SANDBOX_ROBOT_KEY = 'sandbox-robot-key-0000-1111-2222-333344445555';

/** Everything the WeCom emulator knows. Feature modules add their stores here. */
export class WeComWorld {
	readonly corpId = SANDBOX_CORP_ID;

	readonly apps: WeComApp[];

	/**
	 * Custom member attributes (扩展属性) defined in the admin console. WeCom ignores values for
	 * attributes that are not defined (reference §4.2 extattr).
	 */
	readonly customAttributes = new Set<string>(['工号']);

	readonly tokens: TokenStore;

	readonly contacts = new ContactsStore();

	readonly robots = new Map<string, RobotState>();

	readonly meetings = new MeetingStore();

	readonly messages = new MessageStore();

	readonly external = new ExternalContactStore();

	readonly checkin = new CheckinStore();

	readonly customers = new CustomerContactStore();

	readonly approvals: ApprovalStore;

	readonly oauth = new OAuthStore();

	readonly batchJobs = new Map<string, BatchJob>();

	constructor(
		readonly now: () => number,
		readonly profile: TenantProfile = 'modern',
	) {
		this.apps = defaultApps(profile);
		this.tokens = new TokenStore(now);
		seedDemoContacts(this.contacts);
		this.approvals = new ApprovalStore(now);
		seedDemoCustomers(this.external, this.customers);
		this.addRobot(SANDBOX_ROBOT_KEY);
	}

	addRobot(key: string) {
		const robot: RobotState = { key, messages: [], sentAt: [], media: new Map() };
		this.robots.set(key, robot);
		return robot;
	}

	app(kind: WeComApp['kind']) {
		const app = this.apps.find((a) => a.kind === kind);
		if (!app) throw new Error(`no ${kind} app in the sandbox`);
		return app;
	}

	/** Whether the app may see this member (contacts sync sees everyone). */
	canSee(app: WeComApp, member: Member) {
		if (app.kind === 'contacts') return true;
		if (app.visibleUsers.includes(member.userid)) return true;
		return member.department.some((d) =>
			app.visibleDepartments.some((v) => this.contacts.isWithin(d, v)),
		);
	}

	canSeeDepartment(app: WeComApp, id: number) {
		if (app.kind === 'contacts') return true;
		return app.visibleDepartments.some((v) => this.contacts.isWithin(id, v));
	}
}
